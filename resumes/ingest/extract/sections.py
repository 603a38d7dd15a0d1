"""Section headings: a dictionary of the common CV headings in several languages.

A heading is matched on its folded words, after stripping numbering, icons and a trailing
colon, so "PROFESSIONAL EXPERIENCE", "Work history:", "Berufserfahrung" and "Expérience
professionnelle" all map to ``experience``.
"""

from __future__ import annotations

import re

from ..document import SEP, Line
from .patterns import fold

# kind -> headings (folded, without accents). Multi-word entries are matched as whole phrases.
HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": (
        "hakkimda",
        "om mig",
        "o mnie",
        "profile summary",
        "summary of experience",
        "professional overview",
        "career overview",
        "profil professionnel",
        "summary",
        "professional summary",
        "profile",
        "professional profile",
        "about",
        "about me",
        "objective",
        "career objective",
        "career summary",
        "personal statement",
        "overview",
        "executive summary",
        "introduction",
        "personal profile",
        "summary of qualifications",
        "qualifications summary",
        "highlights",
        "career profile",
        "profil",
        "resume",
        "a propos",
        "a propos de moi",
        "objectif",
        "kurzprofil",
        "uber mich",
        "zusammenfassung",
        "perfil",
        "perfil profesional",
        "resumen",
        "sobre mi",
        "objetivo",
        "profilo",
        "sommario",
        "profiel",
        "samenvatting",
    ),
    "experience": (
        "work experiences",
        "professional experiences",
        "is deneyimi",
        "deneyim",
        "arbetslivserfarenhet",
        "erfarenhet",
        "erhvervserfaring",
        "arbejdserfaring",
        "arbeidserfaring",
        "doswiadczenie",
        "esperienze professionali",
        "esperienza lavorativa",
        "praktika",
        "berufspraxis",
        "relevant work experience",
        "career experience",
        "experience summary",
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "experiences",
        "relevant experience",
        "professional background",
        "career",
        "industry experience",
        "job experience",
        "working experience",
        "professional history",
        "positions",
        "positions held",
        "technical experience",
        "research experience",
        "academic experience",
        "teaching experience",
        "internships",
        "internship experience",
        "internship",
        "work",
        "employment experience",
        "experience professionnelle",
        "experiences professionnelles",
        "parcours professionnel",
        "berufserfahrung",
        "berufliche erfahrung",
        "beruflicher werdegang",
        "praxiserfahrung",
        "experiencia",
        "experiencia laboral",
        "experiencia profesional",
        "experiencia professional",
        "esperienza",
        "esperienze lavorative",
        "esperienza professionale",
        "werkervaring",
        "ervaring",
        "doswiadczenie zawodowe",
    ),
    "education": (
        "egitim",
        "utbildning",
        "uddannelse",
        "utdanning",
        "istruzione e formazione",
        "education history",
        "educational qualifications",
        "academic credentials",
        "education",
        "academic background",
        "educational background",
        "academics",
        "education and training",
        "academic qualifications",
        "qualifications",
        "studies",
        "education & training",
        "academic history",
        "schooling",
        "academic profile",
        "formation",
        "formations",
        "parcours academique",
        "etudes",
        "diplomes",
        "ausbildung",
        "bildung",
        "bildungsweg",
        "studium",
        "akademischer werdegang",
        "educacion",
        "formacion",
        "formacion academica",
        "educacao",
        "formacao",
        "formacao academica",
        "istruzione",
        "formazione",
        "opleiding",
        "opleidingen",
        "wyksztalcenie",
    ),
    "skills": (
        "yetenekler",
        "beceriler",
        "kompetenser",
        "fardigheter",
        "kompetencer",
        "ferdigheter",
        "personal skills",
        "digital skills",
        "job-related skills",
        "computer and it skills",
        "it and digital skills",
        "edv-kenntnisse",
        "technische kenntnisse",
        "competenze tecniche",
        "capacita e competenze",
        "skills and competencies",
        "skills and expertise",
        "technical competencies",
        "key competencies",
        "core qualifications",
        "skills",
        "technical skills",
        "core skills",
        "key skills",
        "core competencies",
        "competencies",
        "skills and tools",
        "skills & tools",
        "tools",
        "technologies",
        "tech stack",
        "technical expertise",
        "expertise",
        "areas of expertise",
        "skill set",
        "skillset",
        "abilities",
        "strengths",
        "programming languages",
        "professional skills",
        "hard skills",
        "soft skills",
        "it skills",
        "computer skills",
        "tools and technologies",
        "tools & technologies",
        "skills summary",
        "technical proficiencies",
        "proficiencies",
        "skills and interests",
        "skills & interests",
        "competences",
        "competences techniques",
        "savoir-faire",
        "kenntnisse",
        "fahigkeiten",
        "kompetenzen",
        "it-kenntnisse",
        "fachkenntnisse",
        "habilidades",
        "competencias",
        "conocimientos",
        "competenze",
        "capacita",
        "vaardigheden",
        "competenties",
        "umiejetnosci",
    ),
    "projects": (
        "projeler",
        "projekt",
        "projekty",
        "notable projects",
        "technical projects",
        "research projects",
        "projects",
        "personal projects",
        "selected projects",
        "key projects",
        "academic projects",
        "side projects",
        "project experience",
        "open source",
        "open source contributions",
        "projets",
        "projekte",
        "proyectos",
        "projetos",
        "progetti",
        "projecten",
    ),
    "certificates": (
        "sertifikalar",
        "certifieringar",
        "certyfikaty",
        "certifications and licenses",
        "licences and certifications",
        "training and courses",
        "weiterbildung",
        "fortbildungen",
        "formations complementaires",
        "certifications",
        "certificates",
        "licenses and certifications",
        "licenses & certifications",
        "certification",
        "courses and certifications",
        "training and certifications",
        "certifications and training",
        "accreditations",
        "licenses",
        "certificats",
        "zertifikate",
        "zertifizierungen",
        "certificaciones",
        "certificados",
        "certificazioni",
        "certificaten",
    ),
    "languages": (
        "diller",
        "sprak",
        "sprog",
        "mother tongue",
        "mother tongues",
        "mother tongue s",
        "other languages",
        "competenze linguistiche",
        "lingue straniere",
        "languages spoken",
        "fremdsprachen",
        "languages",
        "language skills",
        "spoken languages",
        "language",
        "language proficiency",
        "langues",
        "sprachen",
        "sprachkenntnisse",
        "idiomas",
        "lingue",
        "talen",
        "jezyki",
    ),
    "awards": (
        "awards and recognition",
        "recognition",
        "honors and achievements",
        "achievements and awards",
        "awards",
        "honors",
        "honours",
        "awards and honors",
        "honors and awards",
        "honors & awards",
        "awards & honors",
        "achievements",
        "accomplishments",
        "scholarships",
        "distinctions",
        "awards and achievements",
        "key achievements",
        "prix",
        "distinctions et prix",
        "auszeichnungen",
        "premios",
        "premi",
        "prijzen",
    ),
    "publications": (
        "publications",
        "selected publications",
        "papers",
        "research papers",
        "conference papers",
        "journal articles",
        "patents",
        "talks",
        "presentations",
        "publications and talks",
        "veroffentlichungen",
        "publicaciones",
        "publicacoes",
        "pubblicazioni",
    ),
    "volunteer": (
        "volunteering experience",
        "social engagement",
        "volunteer",
        "volunteering",
        "volunteer experience",
        "volunteer work",
        "community service",
        "community involvement",
        "benevolat",
        "ehrenamt",
        "ehrenamtliches engagement",
        "voluntariado",
        "volontariato",
        "vrijwilligerswerk",
    ),
    "interests": (
        "ilgi alanlari",
        "zainteresowania",
        "intressen",
        "interesser",
        "hobbies and activities",
        "interests",
        "hobbies",
        "hobbies and interests",
        "personal interests",
        "interests and hobbies",
        "activities",
        "extracurricular activities",
        "extra-curricular activities",
        "centres d'interet",
        "centres d interet",
        "loisirs",
        "interessen",
        "hobbys",
        "intereses",
        "aficiones",
        "interessi",
        "hobby's",
    ),
    "references": (
        "referanslar",
        "referenser",
        "referencje",
        "references",
        "referees",
        "referenzen",
        "references professionnelles",
        "referencias",
    ),
    "contact": (
        "contact",
        "contact information",
        "contact details",
        "personal information",
        "personal details",
        "coordonnees",
        "kontakt",
        "persönliche daten",
        "personliche daten",
        "datos personales",
        "contatti",
        "info",
    ),
    "other": (
        "driving licence",
        "driving license",
        "leadership",
        "leadership experience",
        "leadership and activities",
        "activities and leadership",
        "research",
        "teaching",
        "courses",
        "coursework",
        "relevant coursework",
        "training",
        "professional development",
        "memberships",
        "affiliations",
        "professional affiliations",
        "conferences",
        "additional information",
        "miscellaneous",
        "other",
        "extracurricular",
        "service",
        "grants",
        "involvement",
        "organizations",
        "most proud of",
        "my life philosophy",
        "a day of my life",
        "strengths and weaknesses",
    ),
}

_LOOKUP: dict[str, str] = {}
for _kind, _names in HEADINGS.items():
    for _name in _names:
        _LOOKUP[_name] = _kind
# "P R O F E S S I O N A L  E X P E R I E N C E" loses its word gaps in extraction.
_SPACELESS = {name.replace(" ", ""): kind for name, kind in _LOOKUP.items()}
_SPACELESS_NAME = {name.replace(" ", ""): name for name in _LOOKUP}


def display_title(text: str) -> str:
    """A heading as people write it: "T E C H N I C A L  S K I L L S" -> "Technical Skills"."""
    text = text.replace(SEP, " ").strip().rstrip(":")
    norm = normalize_heading(text)
    # Letter-spaced or glued ("TECHNICALSKILLS"): the dictionary's words, capitalised.
    if " " not in norm and " " in _SPACELESS_NAME.get(norm, ""):
        return _SPACELESS_NAME[norm].title()
    return text


_STRIP = re.compile(r"^[\W\d_]*(?:[ivx]+\.\s*)?|[\W_]*$")


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")
# Chinese, Japanese and Korean headings are matched whole (no word spaces to split on).
_CJK_HEADINGS = {
    "工作经历": "experience",
    "工作经验": "experience",
    "实习经历": "experience",
    "职业经历": "experience",
    "工作經歷": "experience",
    "職歴": "experience",
    "職務経歴": "experience",
    "경력": "experience",
    "경력사항": "experience",
    "教育背景": "education",
    "教育经历": "education",
    "教育經歷": "education",
    "学歴": "education",
    "학력": "education",
    "学历": "education",
    "专业技能": "skills",
    "技能": "skills",
    "技能特长": "skills",
    "スキル": "skills",
    "技術": "skills",
    "기술": "skills",
    "보유기술": "skills",
    "项目经验": "projects",
    "项目经历": "projects",
    "プロジェクト": "projects",
    "프로젝트": "projects",
    "个人信息": "contact",
    "基本信息": "contact",
    "個人情報": "contact",
    "自我评价": "summary",
    "个人简介": "summary",
    "个人总结": "summary",
    "自己pr": "summary",
    "自己紹介": "summary",
    "자기소개": "summary",
    "语言能力": "languages",
    "语言": "languages",
    "語学": "languages",
    "언어": "languages",
    "证书": "certificates",
    "资格证书": "certificates",
    "資格": "certificates",
    "免許・資格": "certificates",
    "자격증": "certificates",
    "获奖情况": "awards",
    "荣誉奖项": "awards",
    "受賞歴": "awards",
    "수상": "awards",
}


def normalize_heading(text: str) -> str:
    if _CJK.search(text):  # not folded: NFKD would take Hangul syllables apart
        return re.sub(r"[\s:：・\W]+", "", text.lower())
    text = fold(text.replace(SEP, " "))
    text = _STRIP.sub("", text)
    text = text.replace("&", " and ").replace("/", " and ")
    words = re.findall(r"[a-z0-9'-]+", text)
    # Letter-spaced headings ("E X P E R I E N C E") come out as single letters.
    if len(words) > 3 and sum(len(w) == 1 for w in words) >= 0.8 * len(words):
        words = ["".join(words)]
    return " ".join(words)


def heading_kind(text: str) -> str | None:
    """The section kind a heading names, or None if the text is not a known heading."""
    raw = text.replace(SEP, " ").strip()
    if not raw or len(raw) > 60 or raw.endswith((".", ",")):
        return None
    norm = normalize_heading(raw)
    if not norm or len(norm.split()) > 6:
        return None
    if norm in _LOOKUP:
        return _LOOKUP[norm]
    if norm in _CJK_HEADINGS:
        return _CJK_HEADINGS[norm]
    if " " not in norm and norm in _SPACELESS:
        return _SPACELESS[norm]
    variants = {norm.replace(" and ", " "), norm.replace(" and ", " & ")}
    for v in variants:
        if v in _LOOKUP:
            return _LOOKUP[v]
    # "Technical Skills Summary", "Relevant Work Experience": a known heading plus a qualifier.
    words = norm.split()
    if len(words) <= 4 and ":" not in raw.rstrip(":"):
        for size in (3, 2):
            for i in range(len(words) - size + 1):
                if kind := _LOOKUP.get(" ".join(words[i : i + size])):
                    return kind
        last = _LOOKUP.get(words[-1])
        if last and last != "other" and len(words) <= 3:
            return last
    return None


def is_heading_line(line: Line, body_size: float) -> str | None:
    """The section kind if this line is a section heading, 'other' for an unknown styled heading."""
    text = line.text.strip().rstrip(":")
    if line.bullet or not text or SEP in text:
        return None  # a row with a wide gap is a heading only as "HEADING | content" (see layout)
    if "\u2002" in text:
        # "WORK  EXPERIENCE" in wide print is one heading; "Skills  Python, Go" is not.
        return heading_kind(text.replace("\u2002", " ")) or None
    kind = heading_kind(text)
    if kind:
        # A heading stands alone: a known word inside a sentence is not one.
        return kind if len(text) <= 50 and not re.search(r"[.;]\s|\d{4}", text) else None
    if line.heading and len(text) <= 60:
        return "other"
    return None
