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
    jefa gerenta analyste analystin
    arquitecto arquitecta architecte técnico técnica tecnico tecnica technicien technicienne
    programador programadora programmeur programmeuse diseñador diseñadora disenador disenadora
    concepteur conceptrice investigador investigadora chercheur chercheuse coordinador coordinadora
    coordinateur coordinatrice administrador administradora administrateur administratrice asesor
    asesora conseiller conseillère conseillere especialista spécialiste specialiste gestor gestora
    gestionnaire asistente profesor profesora professeur enseignant enseignante formateur formatrice
    becaria practicante alternant alternante auditeur auditrice auditor auditora directora
    redactor redactora rédacteur rédactrice ingenieurin architektin""".split()
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
    r"|ingénieur|dut|bts|hnd|mphil|msc|bsc|meng|beng|btech|mtech|mba|phd"
    r"|grado|máster|doctorado|doctorat|[bm]\.?\s?com|[bm]\.?\s?arch|[bm]\.?\s?pharm|[bm]\.?\s?ed|mbbs|pgdm|pgd|bachillerato|magister|magistère)\b\.?",
    re.I,
)


def words(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ][a-zà-ÿ.&'-]*", text.lower())


def _head_words(text: str) -> list[str]:
    ws = [w.strip(".") for w in words(text)]
    while ws and ws[-1] in _ROMAN:  # "Engineer III", "Developer Sr."
        ws.pop()
    return ws


# Chinese, Japanese and Korean: the head noun is the end of the word.
_CJK_TITLE = re.compile(
    r"(?:工程师|工程師|经理|經理|总监|總監|主管|专员|專員|顾问|顧問|架构师|设计师|設計師|分析师|实习生|實習生|开发|研究员|助理|总裁|エンジニア|マネージャー|デザイナー|開発者|研究員|엔지니어|개발자|매니저|디자이너|연구원)$"
)
_CJK_ORG = re.compile(
    r"(?:公司|集团|集團|银行|銀行|科技|有限|研究院|株式会社|商事|銀行|회사|그룹|은행)$|^(?:株式会社)"
)
_CJK_SCHOOL = re.compile(r"大学|大學|学院|學院|学校|大学校|대학교|대학원")
_CJK_DEGREE = re.compile(r"硕士|碩士|学士|學士|博士|本科|研究生|大专|修士|학사|석사|박사")


# German compounds end in their head noun: "Software*entwickler*", "IT-*Berater*", "Daten*analystin*".
_COMPOUND_TITLE = re.compile(
    r"(?:entwickler|berater|leiter|analyst|administrator|ingenieur|architekt|manager|referent"
    r"|praktikant|mitarbeiter|werkstudent|designer)(?:in)?$"
)


def _title_word(word: str) -> bool:
    return word in TITLE_WORDS or (len(word) > 8 and bool(_COMPOUND_TITLE.search(word)))


def title_score(text: str) -> float:
    """Job-title words; the head noun counts double: the last word ("Research *Intern*"), or
    the first where the words after it qualify it ("*Arquitecta* de software", "*Chef* de
    projet", "*Head* of Research")."""
    ws = _head_words(text)
    score = sum(1.0 for w in ws if _title_word(w))
    score += 2.0 if _CJK_TITLE.search(text.strip()) else 0.0
    if ws and _title_word(ws[-1]):
        return score + 1.0
    return score + (1.0 if len(ws) >= 2 and _title_word(ws[0]) else 0.0)


def org_score(text: str) -> float:
    """Organisation words; the last word counts double ("Apple ML *Research*", "Acme *Inc.*")."""
    ws = _head_words(text)
    score = sum(1.0 for w in ws if w in ORG_WORDS)
    if ws and (ws[-1] in ORG_WORDS or ws[-1] in WEAK_ORG_WORDS):
        score += 1.0
    if _CJK_ORG.search(text.strip()):
        score += 2.0
    return score


def institution_score(text: str) -> float:
    ws = [w.strip(".") for w in words(text)]
    score = sum(1.0 for w in ws if w in INSTITUTION_WORDS) + (0.5 if "of technology" in text.lower() else 0)
    return score + (1.0 if _CJK_SCHOOL.search(text) else 0.0)


def degree_match(text: str) -> re.Match[str] | None:
    return DEGREE_PATTERN.search(text) or _CJK_DEGREE.search(text)
