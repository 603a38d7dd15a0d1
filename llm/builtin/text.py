"""Text helpers the builtin engine shares: words, keywords, a skill lexicon, injection defusing."""

from __future__ import annotations

import re
from collections import Counter

WORD = re.compile(r"[A-Za-z][A-Za-z0-9+#./-]*[A-Za-z0-9+#]|[A-Za-z]")
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|k\b|m\b|x\b|\+)?", re.I)

STOPWORDS = frozenset(
    """a about above after again all also am an and any are as at be been being below between both but by
    can could did do does doing down during each etc few for from further had has have having he her here
    hers him his how i if in into is it its itself just me more most my no nor not now of off on once only
    or other our ours out over own per same she should so some such than that the their theirs them then
    there these they this those through to too under until up very via was we were what when where which
    while who whom why will with within without would you your yours able across ability strong good great
    excellent work working worked years year experience experienced using use used including include
    team teams role roles job candidate candidates looking join company plus must nice have has well new
    responsibilities requirements required preferred skills skill knowledge understanding degree
    """.split()
)

# Canonical skill names by group: enough for matching and grouping; unknown skills still pass
# through the statistical keyword extraction below.
SKILL_GROUPS: dict[str, list[str]] = {
    "Languages": [
        "Python",
        "Java",
        "JavaScript",
        "TypeScript",
        "Go",
        "Rust",
        "C",
        "C++",
        "C#",
        "Ruby",
        "PHP",
        "Kotlin",
        "Swift",
        "Scala",
        "R",
        "SQL",
        "Bash",
        "MATLAB",
        "Perl",
        "Dart",
        "Elixir",
        "Haskell",
    ],
    "Frameworks & libraries": [
        "Django",
        "Flask",
        "FastAPI",
        "React",
        "Angular",
        "Vue",
        "Next.js",
        "Node.js",
        "Express",
        "Spring",
        "Spring Boot",
        "Rails",
        ".NET",
        "Laravel",
        "Svelte",
        "Redux",
        "GraphQL",
        "Celery",
        "Pandas",
        "NumPy",
        "scikit-learn",
        "TensorFlow",
        "PyTorch",
        "Keras",
        "Spark",
        "Hadoop",
        "Tailwind",
        "Bootstrap",
        "jQuery",
        "HTML",
        "CSS",
        "REST",
        "gRPC",
        "DRF",
    ],
    "Cloud & DevOps": [
        "AWS",
        "Azure",
        "GCP",
        "Docker",
        "Kubernetes",
        "Terraform",
        "Ansible",
        "Jenkins",
        "GitHub Actions",
        "GitLab CI",
        "CI/CD",
        "Linux",
        "Nginx",
        "Helm",
        "Prometheus",
        "Grafana",
        "Serverless",
        "Lambda",
    ],
    "Data": [
        "PostgreSQL",
        "MySQL",
        "SQLite",
        "MongoDB",
        "Redis",
        "Elasticsearch",
        "Kafka",
        "RabbitMQ",
        "Snowflake",
        "BigQuery",
        "Airflow",
        "dbt",
        "Tableau",
        "Power BI",
        "Excel",
        "ETL",
        "Machine Learning",
        "Deep Learning",
        "NLP",
        "Data Analysis",
        "Statistics",
    ],
    "Tools & practices": [
        "Git",
        "Jira",
        "Agile",
        "Scrum",
        "Kanban",
        "TDD",
        "Microservices",
        "Testing",
        "pytest",
        "Selenium",
        "Figma",
        "Photoshop",
        "SEO",
        "Salesforce",
        "SAP",
        "Security",
        "OAuth",
        "API design",
    ],
    "Professional": [
        "Leadership",
        "Mentoring",
        "Communication",
        "Project Management",
        "Stakeholder Management",
        "Product Management",
        "Budgeting",
        "Negotiation",
        "Customer Service",
        "Sales",
        "Marketing",
        "Recruiting",
        "Public Speaking",
        "Teaching",
        "Research",
        "Writing",
    ],
}
_ALIASES = {
    "js": "JavaScript",
    "ts": "TypeScript",
    "golang": "Go",
    "postgres": "PostgreSQL",
    "k8s": "Kubernetes",
    "node": "Node.js",
    "nodejs": "Node.js",
    "reactjs": "React",
    "react.js": "React",
    "vue.js": "Vue",
    "ml": "Machine Learning",
    "gcp": "GCP",
    "google cloud": "GCP",
    "amazon web services": "AWS",
    "sklearn": "scikit-learn",
    "ci / cd": "CI/CD",
    "cicd": "CI/CD",
    "rest api": "REST",
    "restful": "REST",
    "restful apis": "REST",
    "rest apis": "REST",
    "django rest framework": "DRF",
    "postgresql": "PostgreSQL",
}
SKILL_GROUP_OF = {name.lower(): group for group, names in SKILL_GROUPS.items() for name in names}
CANONICAL = {name.lower(): name for names in SKILL_GROUPS.values() for name in names} | {
    alias: name for alias, name in _ALIASES.items()
}
# Single letters ("C", "R", "Go") only count when written exactly so, to avoid noise.
_AMBIGUOUS = {"c", "r", "go", "rest", "sales", "writing", "teaching", "testing", "security", "research"}

ACTION_VERBS = (
    "Led",
    "Built",
    "Designed",
    "Delivered",
    "Developed",
    "Implemented",
    "Improved",
    "Reduced",
    "Launched",
    "Automated",
    "Managed",
    "Created",
    "Optimised",
    "Migrated",
    "Mentored",
    "Owned",
)
WEAK_OPENERS = {
    "responsible for": "Owned",
    "worked on": "Delivered",
    "helped with": "Contributed to",
    "helped to": "Helped",
    "was involved in": "Contributed to",
    "involved in": "Contributed to",
    "tasked with": "Delivered",
    "in charge of": "Led",
    "duties included": "Handled",
}

# Text addressed to an AI screener rather than a human reader. The builtin engine removes it
# before scoring, so a CV cannot talk its way to a better score.
INJECTION = re.compile(
    r"(ignore|disregard|forget)\b[^.\n]{0,40}\b(instructions?|prompts?|rules)"
    r"|system\s+prompt|print\s+your\s+(instructions|prompt)"
    r"|\b(rate|score|grade|rank)\s+(this|my|the)\s+(cv|resume|résumé|candidate)\b[^.\n]{0,20}\d"
    r"|\byou\s+are\s+(now\s+)?(an?\s+)?(ai|assistant|language\s+model|chatgpt|llm)\b"
    r"|\b(as\s+an?\s+(ai|llm)|ai\s+(screener|recruiter|reviewer)s?)\b"
    r"|\bnew\s+instructions?\s*:",
    re.I,
)


def words(text: str) -> list[str]:
    return WORD.findall(text or "")


def sentences(text: str) -> list[str]:
    parts = []
    for line in (text or "").splitlines():
        parts.extend(s.strip() for s in SENTENCE.split(line) if s.strip())
    return parts


def defuse(text: str) -> tuple[str, list[str]]:
    """(text without sentences addressed to an AI, the removed sentences)."""
    kept_lines, removed = [], []
    for line in (text or "").splitlines():
        if not INJECTION.search(line):
            kept_lines.append(line)
            continue
        kept = []
        for sentence in SENTENCE.split(line):
            (removed if INJECTION.search(sentence) else kept).append(sentence)
        if kept:
            kept_lines.append(" ".join(kept))
    return "\n".join(kept_lines), removed


def _skill_pattern(key: str, name: str) -> tuple[str, re.Pattern, bool]:
    # An ambiguous name ("Go", "R", "Sales") counts only in its canonical case.
    if key in _AMBIGUOUS:
        return name, re.compile(r"(?<![A-Za-z0-9])" + re.escape(name) + r"(?![A-Za-z0-9+#])"), True
    return name, re.compile(r"(?<![A-Za-z0-9])" + re.escape(key) + r"(?![A-Za-z0-9+#])", re.I), False


# Compiled once: find_skills runs on every builtin extraction and analysis.
_SKILL_PATTERNS = [_skill_pattern(key, name) for key, name in CANONICAL.items()]


def find_skills(text: str) -> list[str]:
    """Known skills named in the text, canonical spelling, in order of first mention."""
    found: dict[str, int] = {}
    text = text or ""
    lowered = text.lower()
    for name, pattern, exact_case in _SKILL_PATTERNS:
        match = pattern.search(text if exact_case else lowered)
        if match and name not in found:
            found[name] = match.start()
    return sorted(found, key=found.get)


def keywords(text: str, limit: int = 20) -> list[str]:
    """The text's key terms: known skills first, then frequent content words and acronyms."""
    skills = find_skills(text)
    taken = {s.lower() for s in skills}
    counts: Counter[str] = Counter()
    display: dict[str, str] = {}
    for word in words(text):
        low = word.lower().strip(".-/")
        if len(low) < 3 or low in STOPWORDS or low in taken or low.isdigit():
            continue
        counts[low] += 2 if word.isupper() and len(word) <= 6 else 1
        display.setdefault(low, word if word.isupper() else low)
    frequent = [display[w] for w, n in counts.most_common() if n >= 2]
    return (skills + frequent)[:limit]


def group_skills(names: list[str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for name in names:
        group = SKILL_GROUP_OF.get(name.lower(), "Other")
        if name not in groups.setdefault(group, []):
            groups[group].append(name)
    return groups


def contains_term(text: str, term: str) -> bool:
    if term.lower() in _AMBIGUOUS or len(term) <= 2:
        return re.search(r"(?<![A-Za-z0-9])" + re.escape(term) + r"(?![A-Za-z0-9+#])", text or "") is not None
    return (
        re.search(r"(?<![A-Za-z0-9])" + re.escape(term.lower()) + r"(?![A-Za-z0-9+#])", (text or "").lower())
        is not None
    )


def strengthen(line: str) -> str:
    """Replace a weak opener ("Responsible for …") with an action verb."""
    stripped = line.strip().lstrip("-•* ").strip()
    low = stripped.lower()
    for weak, strong in WEAK_OPENERS.items():
        if low.startswith(weak):
            rest = stripped[len(weak) :].strip()
            return f"{strong} {rest}".strip()
    return stripped[:1].upper() + stripped[1:]
