"""Word lists that tell a job title from an employer and a degree from a school."""

from __future__ import annotations

import re

TITLE_WORDS = frozenset(
    """engineer engineering developer programmer manager intern internship analyst scientist designer
    consultant director lead head officer architect specialist assistant associate researcher
    professor lecturer teacher tutor founder co-founder cofounder cto ceo cfo coo cio vp president
    coordinator administrator technician owner partner principal fellow student programmer writer editor
    accountant nurse physician doctor executive representative advisor adviser strategist recruiter
    supervisor trainee apprentice contractor freelancer freelance staff senior junior sr jr chief
    product marketing sales operations member volunteer instructor assistant postdoc postdoctoral
    ra ta mentor chair secretary treasurer clerk agent attorney lawyer paralegal counsel auditor
    economist statistician sde swe sre devops qa tester maintainer contributor owner
    ingenieur ingénieur développeur developpeur chef stagiaire responsable directeur chargé charge
    entwickler leiter praktikant werkstudent berater referent sachbearbeiter mitarbeiter
    desarrollador ingeniero gerente jefe becario consultor analista diretor desenvolvedor
    sviluppatore responsabile stagista ontwikkelaar adviseur medewerker title développeuse
    developpeuse ingénieure ingenieure consultante directrice stagiaire chargée chargee cheffe
    entwicklerin ingenieurin leiterin beraterin praktikantin mitarbeiterin desarrolladora ingeniera
    jefa gerenta analyste analystin""".split()
)
ORG_WORDS = frozenset(
    """inc inc. llc ltd ltd. limited corp corp. corporation company co co. gmbh ag sa sas sarl plc pvt
    bv nv srl spa oy ab kg university college institute school academy labs lab laboratory
    laboratories bank agency studio studios hospital clinic capital partners ventures foundation
    association society council ministry department government startup industries holdings
    enterprises center centre bureau authority commission club employer groupe société societe
    stiftung verein firma empresa université universität universidad
    universidade università universiteit hochschule""".split()
)
# Words that name an organisation only as its last word ("Apple ML *Research*", "Acme *Software*"),
# but are ordinary in titles ("*Software* Engineer", "*Research* Intern").
WEAK_ORG_WORDS = frozenset(
    """research technologies technology tech solutions group systems software consulting services
    networks media health healthcare pharma pharmaceuticals motors airlines energy insurance analytics
    ai international global digital games entertainment logistics robotics dynamics""".split()
)
_ROMAN = frozenset({"i", "ii", "iii", "iv", "v", "sr", "jr", "1", "2", "3"})
INSTITUTION_WORDS = frozenset(
    """university college institute institution school academy polytechnic polytechnique conservatory
    seminary iit nit mit ucla ucl eth epfl kth tu lycée lycee gymnasium université universite
    universität universitat hochschule fachhochschule universidad universidade università universita
    universiteit uniwersytet escuela escola ecole école scuola politecnico""".split()
)
_OF_FIELD = r"(?: of (?!in\b)[a-z]+(?: (?!in\b)[a-z]+)?)?"  # "Master of Science", not "... of Arts in"
DEGREE_PATTERN = re.compile(
    r"\b(?:ph\.?\s?d|d\.?\s?phil|doctor(?:ate)?(?: of [a-z ]+)?"
    rf"|master(?:['’]?s)?(?: degree)?{_OF_FIELD}|bachelor(?:['’]?s)?(?: degree)?{_OF_FIELD}"
    rf"|associate(?:['’]?s)?(?: degree|{_OF_FIELD})"
    r"|m\.?\s?b\.?\s?a|m\.?\s?sc?|b\.?\s?sc?|b\.?\s?a|m\.?\s?a|b\.?\s?eng?|m\.?\s?eng?|b\.?\s?tech|m\.?\s?tech"
    r"|m\.?\s?phil|m\.?\s?res|b\.?\s?b\.?\s?a|b\.?\s?c\.?\s?a|m\.?\s?c\.?\s?a|ll\.?\s?[bm]|j\.?\s?d|m\.?\s?d"
    r"|a\.?\s?b|s\.?\s?b|diploma|diplôme|diplome|certificate|high school|secondary school|a-levels?"
    r"|gcse|baccalaur[ée]at|licence|licenciatura|laurea|maîtrise|mastère|diplom|abitur|bachelier"
    r"|ingénieur|dut|bts|hnd|mphil|msc|bsc|meng|beng|btech|mtech|mba|phd)\b\.?",
    re.I,
)


def words(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ][a-zà-ÿ.&'-]*", text.lower())


def _head_words(text: str) -> list[str]:
    ws = [w.strip(".") for w in words(text)]
    while ws and ws[-1] in _ROMAN:  # "Engineer III", "Developer Sr."
        ws.pop()
    return ws


def title_score(text: str) -> float:
    """Job-title words; the last word counts double (the head noun: "Research *Intern*")."""
    ws = _head_words(text)
    score = sum(1.0 for w in ws if w in TITLE_WORDS)
    return score + (1.0 if ws and ws[-1] in TITLE_WORDS else 0.0)


def org_score(text: str) -> float:
    """Organisation words; the last word counts double ("Apple ML *Research*", "Acme *Inc.*")."""
    ws = _head_words(text)
    score = sum(1.0 for w in ws if w in ORG_WORDS)
    if ws and (ws[-1] in ORG_WORDS or ws[-1] in WEAK_ORG_WORDS):
        score += 1.0
    return score


def institution_score(text: str) -> float:
    ws = [w.strip(".") for w in words(text)]
    return sum(1.0 for w in ws if w in INSTITUTION_WORDS) + (0.5 if "of technology" in text.lower() else 0)


def degree_match(text: str) -> re.Match[str] | None:
    return DEGREE_PATTERN.search(text)
