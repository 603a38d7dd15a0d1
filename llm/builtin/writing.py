"""Templated writing from the user's own facts: tailoring, cover letters, resumes, optimising,
chat. Every sentence is assembled from the inputs; nothing here is canned filler."""

from __future__ import annotations

import re
from datetime import date

from resumes.analysis import terms
from resumes.analysis.classify import total_years
from resumes.analysis.cvview import structured_text
from resumes.analysis.llm_handler import analyse_cv_handler, cv_score, job_keyword_match
from resumes.analysis.text import defuse, ignored_note, quantified, sentences
from resumes.ingest import find_skills
from resumes.schema import Skill, StructuredCV

from .common import cv_from_inputs, job_text
from .text import keywords, strengthen


def _relevance(text: str, wanted: set[str]) -> int:
    """How many of the wanted skills ``text`` names (any spelling of each)."""
    return len(wanted & set(terms.find_terms(text)))


def _named(skill: str) -> str:
    return terms.canonical(skill) or skill


def _years(cv: StructuredCV) -> int | None:
    years = int(total_years(cv, today=date.today()))
    return years or None


def _headline(cv: StructuredCV) -> str:
    return cv.basics.label or (cv.work[0].position if cv.work else "") or "Professional"


def summary_for(cv: StructuredCV, focus: list[str]) -> str:
    """A summary from the CV's own facts, leading with the skills in ``focus``."""
    years = _years(cv)
    head = _headline(cv)
    parts = [f"{head} with {years}+ years of experience" if years else head]
    employers = [j.name for j in cv.work if j.name][:2]
    if employers:
        parts[0] += " at " + " and ".join(employers)
    skills = [s for s in focus if _shows(cv, s)][:5] or cv.skill_names()[:5]
    text = parts[0] + "."
    if skills:
        text += f" Skilled in {', '.join(skills)}."
    best = next((h for job in cv.work for h in job.highlights if quantified(h)), None)
    if best:
        text += f" Recent result: {best.rstrip('.')}."
    return text


def _shows(cv: StructuredCV, term: str) -> bool:
    """Whether the CV names ``term``: a known skill in any spelling, else the word itself."""
    known = terms.canonical(term)
    if known is None:
        return re.search(rf"(?<!\w){re.escape(term.lower())}(?!\w)", structured_text(cv).lower()) is not None
    return known in {_named(s) for s in cv.skill_names()} | set(find_skills(structured_text(cv)))


def tailor(inputs: dict) -> dict:
    cv, removed = cv_from_inputs(inputs)
    job = job_text(inputs)
    match = job_keyword_match(cv, job)
    wanted = set(match["matched"])
    tailored = cv.model_copy(deep=True)
    for work in tailored.work:
        work.highlights.sort(key=lambda h: -_relevance(h, wanted))
    tailored.projects.sort(
        key=lambda p: -_relevance(" ".join([p.name, p.description, *p.highlights, *p.keywords]), wanted)
    )
    for group in tailored.skills:
        group.keywords.sort(key=lambda k: _named(k) not in wanted)
    tailored.skills.sort(key=lambda g: -sum(_named(k) in wanted for k in g.keywords))
    summary = summary_for(cv, match["matched"])
    tailored.basics.summary = summary
    notes = ["Bullets, projects and skills are reordered so the ones matching the job come first."]
    if match["missing"]:
        notes.append("Not in your CV (add only if true): " + ", ".join(match["missing"][:8]) + ".")
    return {
        "cv": tailored.model_dump(mode="json"),
        "summary": summary,
        "highlighted_skills": [s for s in cv.skill_names() if _named(s) in wanted] or match["matched"][:8],
        "keyword_match": match,
        "notes": ignored_note(removed) + notes,
    }


def _company_and_title(inputs: dict, job: str) -> tuple[str, str]:
    company = str(inputs.get("company") or "").strip()
    title = str(inputs.get("job_title") or "").strip()
    if not company and (m := re.search(r"\b(?i:at|join)\s+([A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,3})", job)):
        company = m[1]
    if not title and (
        m := re.search(
            r"\b(?:hiring|seeking|looking for)\s+(?:an?\s+)?([A-Z]?[\w -]{3,50}?)(?:\s+to|\s+who|[.,\n])", job
        )
    ):
        title = m[1].strip()
    first = re.split(r"[:\n]| - | – ", job.strip(), maxsplit=1)[0].strip()
    if not title and 0 < len(first.split()) <= 6 and _ROLE.search(first):
        title = first  # job ads often open with the title: "Backend engineer: …"
    return company, title


def cover_letter(inputs: dict) -> dict:
    cv, _ = cv_from_inputs(inputs)
    job = job_text(inputs)
    company, title = _company_and_title(inputs, job)
    match = job_keyword_match(cv, job)
    wanted = set(match["matched"])
    facts = sorted(
        ((h, job_.position, job_.name) for job_ in cv.work for h in job_.highlights),
        key=lambda f: (-_relevance(f[0], wanted), -quantified(f[0])),
    )[:3]
    name = cv.basics.name
    role = f"the {title} role" if title else "this role"
    where = f" at {company}" if company else ""
    opening = f"I am applying for {role}{where}."
    if match["matched"]:
        opening += f" The role asks for {', '.join(match['matched'][:4])}, which is the work I do."
    paragraphs = [f"Dear {company + ' ' if company else ''}hiring team,", opening]
    if cv.work:
        latest = cv.work[0]
        intro = f"As {latest.position or 'a team member'}" + (f" at {latest.name}" if latest.name else "")
        if facts:
            fact = strengthen(facts[0][0]).rstrip(".")
            intro += f", I {fact[0].lower()}{fact[1:]}"
        paragraphs.append(intro + ".")
    if len(facts) > 1:
        rest = "; ".join(f[0].rstrip(".") for f in facts[1:])
        paragraphs.append(f"Other results I would bring: {rest}.")
    skills = [s for s in cv.skill_names() if _named(s) in wanted][:5] or cv.skill_names()[:5]
    if skills:
        paragraphs.append(
            f"I work daily with {', '.join(skills)}, and I would welcome the chance "
            f"to discuss how I can help{where}."
        )
    paragraphs.append("Kind regards," + (f"\n{name}" if name else ""))
    return {
        "subject": f"Application: {title or 'open role'}" + (f" – {name}" if name else ""),
        "body": "\n\n".join(paragraphs),
        "matched_facts": [f[0] for f in facts] + [f"Skill: {s}" for s in skills[:3]],
    }


_NAME = re.compile(r"\b(?i:my name is|i am|i'm)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})")
_ROLE = re.compile(
    r"\b((?:senior|junior|lead|principal|staff)?\s*[a-z]*\s*(?:engineer|developer|designer|manager|analyst|scientist|"
    r"consultant|architect|teacher|nurse|accountant|administrator|specialist|marketer|writer|director))\b",
    re.I,
)
_YEARS = re.compile(r"(\d{1,2})\+?\s*(?:years|yrs)", re.I)
_EDU = re.compile(r"\b(degree|bachelor|master|phd|bsc|msc|mba|university|college|graduated|diploma)\b", re.I)
_EXPERIENCE = re.compile(
    r"\b(worked|work|led|built|managed|developed|designed|created|delivered|ran|launched|"
    r"startups?|company|companies|clients?|team|shipped|maintained)\b",
    re.I,
)


def resume_from_text(inputs: dict) -> dict:
    text, _ = defuse(str(inputs.get("user_input") or inputs.get("text") or ""))
    title = str(inputs.get("title") or "").strip()
    name = m[1] if (m := _NAME.search(text)) else ""
    role = m[1].strip().title() if (m := _ROLE.search(text)) else ""
    years = m[1] if (m := _YEARS.search(text)) else ""
    skills = find_skills(text)
    all_sentences = [s.rstrip(".") for s in sentences(text)]
    education = [s for s in all_sentences if _EDU.search(s)]
    experience = [s for s in all_sentences if s not in education and _EXPERIENCE.search(s)]
    # The sentence that gave the role and years is already said by the summary's first line.
    other = [
        s
        for s in all_sentences
        if s not in education
        and s not in experience
        and not (_YEARS.search(s) and _ROLE.search(s))
        and not _NAME.search(s)
    ]
    lines = [f"# {name or title or role or 'Resume'}"]
    if role or (title and name):
        lines.append(f"**{role or title}**")
    summary = f"{role or 'Professional'}" + (f" with {years}+ years of experience" if years else "")
    if skills:
        summary += f" in {', '.join(skills[:4])}"
    summary += "."
    if other:
        summary += " " + ". ".join(strengthen(s) for s in other[:2]) + "."
    lines += ["", "## Professional Summary", summary]
    if skills:
        lines += ["", "## Skills"]
        lines += [f"- **{group}:** {', '.join(items)}" for group, items in terms.group_skills(skills).items()]
    if experience:
        lines += ["", "## Experience"]
        lines += [f"- {strengthen(s)}." for s in experience]
    if education:
        lines += ["", "## Education"]
        lines += [f"- {s}." for s in education]
    extra = [k for k in keywords(text, limit=12) if k not in skills and k.lower() not in (role or "").lower()]
    if extra and not experience:
        lines += ["", "## Focus Areas", ", ".join(extra[:8])]
    return {
        "title": title or (f"{name} – {role}" if name and role else role or name or "Resume"),
        "markdown": "\n".join(lines) + "\n",
    }


def optimise(inputs: dict) -> dict:
    cv, removed = cv_from_inputs(inputs)
    wanted_by = job_text(inputs)
    before = cv_score(cv, job=wanted_by)
    changes = []
    better = cv.model_copy(deep=True)
    for job in better.work:
        new = []
        for h in job.highlights:
            s = strengthen(h).rstrip(".")
            if s != h.rstrip("."):
                changes.append(f"“{h}” → “{s}”")
            if s.lower() not in {x.lower() for x in new}:
                new.append(s)
            else:
                changes.append(f"Removed a duplicate bullet: “{h}”")
        job.highlights = new
    if len(better.basics.summary.split()) < 8:
        better.basics.summary = summary_for(better, keywords(wanted_by) if wanted_by else [])
        changes.append("Wrote a profile summary from your experience and skills.")
    if not better.skills:
        found = find_skills(structured_text(better))
        if found:
            better.skills = [Skill(name=g, keywords=k) for g, k in terms.group_skills(found).items()]
            changes.append("Added a Skills section from the tools named in your experience.")
    return {
        "cv": better.model_dump(mode="json"),
        "changes": ignored_note(removed) + changes,
        "score_before": before,
        "score_after": max(before, cv_score(better, job=wanted_by)),
    }


INTENTS = {
    "summary": ("summary", "profile", "about me", "objective"),
    "skills": ("skill", "technolog", "stack", "keyword"),
    "experience": ("experience", "bullet", "achievement", "job", "role"),
    "cover_letter": ("cover letter", "motivation letter"),
    "interview": ("interview", "question"),
    "score": ("score", "rating", "how good", "improve", "feedback", "review"),
}


def chat_reply(inputs: dict) -> dict:
    message, removed = defuse(str(inputs.get("message") or ""))
    if removed and not message.strip():
        return {
            "reply": "I can't share my instructions, but I'm happy to help with your CV. "
            "What would you like to improve?",
            "suggestions": ["Review my CV", "Improve my summary", "Which skills should I add?"],
        }
    low = message.lower()
    intent = next((k for k, words in INTENTS.items() if any(w in low for w in words)), "score")
    has_cv = bool(inputs.get("cv") or inputs.get("cv_text"))
    review = (
        analyse_cv_handler({**inputs, "cv": inputs.get("cv") or inputs.get("cv_text") or ""})
        if has_cv
        else None
    )
    cv, _ = cv_from_inputs(inputs) if has_cv else (StructuredCV(), [])
    if intent == "summary" and has_cv:
        reply = "Here is a summary built from your CV:\n\n" + summary_for(cv, keywords(job_text(inputs)))
    elif intent == "skills" and has_cv:
        names = cv.skill_names()
        reply = f"Your CV lists {len(names)} skills" + (f": {', '.join(names[:10])}." if names else ".")
        if review and review["keyword_match"] and review["keyword_match"]["missing"]:
            reply += " The job also asks for " + ", ".join(review["keyword_match"]["missing"][:6]) + "."
    elif intent == "experience" and has_cv:
        weak = [i for i in review["issues"] if "bullet" in i.lower()]
        reply = " ".join(weak[:3]) or "Your experience bullets read well; keep one achievement per line."
    elif intent == "interview" and has_cv:
        topics = [h for job in cv.work for h in job.highlights][:3]
        reply = (
            "Be ready to tell the story behind: " + "; ".join(topics) + "."
            if topics
            else ("Prepare two stories per role: the problem, what you did, the measurable result.")
        )
    elif intent == "cover_letter":
        reply = (
            "Open with the role and why you want it, back it with two results from your CV, "
            "and close with your availability."
        )
    elif review:
        reply = f"Your CV scores {review['score']}/100. " + " ".join(review["issues"][:3])
    else:
        reply = "Share your CV (or paste it) and tell me the job you are aiming for, and I will review it."
    topic_words = [w for w in keywords(message, limit=3)]
    suggestions = (review["suggestions"][:3] if review else []) or [
        f"Tell me more about {w}" for w in topic_words
    ]
    return {"reply": reply, "suggestions": suggestions[:3]}
