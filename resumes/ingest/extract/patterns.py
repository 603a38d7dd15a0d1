"""Shared text patterns: dates, contacts, locations, bullets.

The date grammar covers the ways CVs print dates in English, French, German, Spanish,
Portuguese, Italian and Dutch: "Jan 2020", "January 2020", "Sept '17", "01/2020", "2020-01",
"2020", with ranges joined by dashes or words ("to", "bis", "à"...) and open ends ("Present",
"heute", "actuel"...). Output is ``YYYY-MM``, ``YYYY``, ``present``, or the text as printed.
"""

from __future__ import annotations

import re
import unicodedata

BULLET_CHARS = frozenset("•▪◦‣●○■□►▶➢➤✓✔∙·⋅◆◇❖★☆➔→»*-–—" + "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).casefold()
    return "".join(c for c in text if not unicodedata.combining(c))


_MONTH_NAMES = {
    1: "jan january janv janvier januar enero ene janeiro gennaio "
    "gen januari jänner jän ocak styczeń styczen sty tammikuu",
    2: "feb february fev fevr fevrier févr fév février februar "
    "febrero fevereiro febbraio februari şubat subat luty lut helmikuu",
    3: "mar march mars marz märz mär maerz marzo marco março maart mart marzec maaliskuu",
    4: "apr april avr avril abril abr aprile nisan kwiecień kwiecien kwi huhtikuu",
    5: "may mai mayo maio maggio mag mei mayıs mayis maj toukokuu",
    6: "jun june juin juni junio junho giugno giu haziran czerwiec cze kesäkuu",
    7: "jul july juil juillet juli julio julho luglio lug temmuz lipiec lip heinäkuu",
    8: "aug august aou aout aoû août agosto " "ago augustus ağustos agustos sierpień sierpien sie elokuu",
    9: "sep sept september septembre sept. septiembre setembro "
    "settembre set eylül eylul wrzesień wrzesien wrz syyskuu",
    10: "oct october octobre okt oktober octubre outubro "
    "ottobre ott ekim październik pazdziernik paź paz lokakuu",
    11: "nov november novembre noviembre novembro kasım kasim listopad lis marraskuu",
    12: "dec december decembre déc décembre dez dezember diciembre "
    "dic dezembro dicembre aralık aralik grudzień grudzien gru joulukuu",
}
MONTHS: dict[str, int] = {}
for _num, _names in _MONTH_NAMES.items():
    for _name in _names.split():
        MONTHS[fold(_name.rstrip("."))] = _num
        MONTHS[_name.rstrip(".")] = _num

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
_SEASON = r"(?:spring|summer|fall|autumn|winter|été|printemps|automne|hiver|sommer|winter|frühjahr|herbst)"
DATE_TOKEN = (
    rf"(?:(?:0?[1-9]|[12]\d|3[01])\s*[/.-]\s*(?:0?[1-9]|1[0-2])\s*[/.-]\s*{_YEAR}"  # 01/09/2019 (Europass)
    rf"|{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"  # 2019-09-01
    rf"|{_YEAR}\s*年\s*(?:\d{{1,2}}\s*月)?"  # 2019年3月 (Chinese, Japanese)
    rf"|{_YEAR}\s*\.\s*(?:0?[1-9]|1[0-2])(?!\d)"  # 2019.03 (Korean, Chinese)
    rf"|(?:\d{{1,2}}\s+)?(?:{_MONTH_RE})\.?\s*,?\s*(?:{_YEAR}|['’]\d\d)"  # (1) Jan 2020, Sept '17
    rf"|(?:0?[1-9]|1[0-2])\s*[/.]\s*{_YEAR}"  # 01/2020, 1.2020
    rf"|{_YEAR}\s*[/.-]\s*(?:0[1-9]|1[0-2])(?![\d])"  # 2020-01
    rf"|(?:Q[1-4]|H[12]|{_SEASON})\s+{_YEAR}"  # Summer 2022 (kept as printed)
    rf"|(?:month|mon\.?)\s+(?:{_YEAR}|20XX|19XX)"  # placeholder templates
    rf"|{_YEAR}|20XX|19XX|\byear\b)"
)
PRESENT = (
    r"(?:present|current(?:ly)?|now|ongoing|today|to\s+date|date|heute|jetzt|aujourd['’]hui|actuel(?:lement)?"
    r"|presente|actualidad|actual|atual|oggi|heden|nu|en\s+cours|laufend|aktuell|bis\s+dato|obecnie|teraz"
    r"|halen|devam\s+ediyor|g[üu]n[üu]m[üu]z|nuvarande|p[åa]g[åa]ende|dags\s+dato|i\s+dag|in\s+corso|tuttora"
    r"|attuale|atualmente|actualmente|hoje|nykyhetki|nyt|至今|现在|現在|目前|今|현재|재직중)"
)
_RANGE_SEP = r"(?:\s*(?:[–—−‐‑-]{1,3}|~|～|〜|→|\.\.|to|until|till|bis|au|à|a|al|hasta|tot|ate|até)\s*)"
DATE_RANGE = re.compile(
    rf"(?<![\w/])(?:(?:from|since|seit|depuis|desde|dal|van)\s+)?(?P<start>{DATE_TOKEN})"
    rf"(?:{_RANGE_SEP}(?P<end>{DATE_TOKEN}|{PRESENT})|\s*(?P<open>[-–—]\s*)?)"
    rf"(?![\w/])",
    re.I,
)
_SINCE = re.compile(r"^\s*(?:since|seit|depuis|desde|dal|van)\b", re.I)
DURATION = re.compile(
    r"\(?\b\d+\+?\s*(?:years?|yrs?|months?|mos?|ans?|mois|jahre?|monate?|años|meses)\b"
    r"(?:\s*(?:,|and|et|und|y)?\s*\d+\s*(?:months?|mos?|mois|monate?|meses))?\)?",
    re.I,
)


_PRESENT_ONLY = re.compile(PRESENT, re.I)
_CJK_DATE = re.compile(rf"({_YEAR})\s*年\s*(?:(\d{{1,2}})\s*月)?")
_DAY_MONTH_YEAR = re.compile(rf"\d{{1,2}}\s*[/.-]\s*(\d{{1,2}})\s*[/.-]\s*({_YEAR})")
_ISO_DAY = re.compile(rf"({_YEAR})-(\d\d)-\d\d")
_LEADING_DAY = re.compile(r"^\d{1,2}\s+(?=[a-z])")
_MONTH_YEAR = re.compile(rf"(\d{{1,2}})\s*[/.]\s*({_YEAR})")
_YEAR_MONTH = re.compile(rf"({_YEAR})\s*[/.-]\s*(\d{{1,2}})")
_NAMED_MONTH = re.compile(rf"([a-z]+)\.?\s*,?\s*(?:({_YEAR})|['’](\d\d))")
_YEAR_ONLY = re.compile(_YEAR)


def normalize_date(token: str) -> str:
    """One printed date -> YYYY-MM | YYYY | present | the text as printed."""
    raw = token.strip().strip(".,;()")
    t = fold(raw)
    if not t:
        return ""
    if _PRESENT_ONLY.fullmatch(t) or _PRESENT_ONLY.fullmatch(raw):
        return "present"
    if m := _CJK_DATE.fullmatch(t):
        return _ym(m.group(1), m.group(2)) if m.group(2) else m.group(1)
    if m := _DAY_MONTH_YEAR.fullmatch(t):
        return _ym(m.group(2), m.group(1))  # day first, as Europass and most of the world print it
    if m := _ISO_DAY.fullmatch(t):
        return _ym(m.group(1), m.group(2))
    t = _LEADING_DAY.sub("", t)  # "1 Sept 2019"
    if m := _MONTH_YEAR.fullmatch(t):
        return _ym(m.group(2), m.group(1))
    if m := _YEAR_MONTH.fullmatch(t):
        return _ym(m.group(1), m.group(2))
    if m := _NAMED_MONTH.fullmatch(t):
        month = MONTHS.get(m.group(1)) or MONTHS.get(m.group(1)[:4]) or MONTHS.get(m.group(1)[:3])
        if month:
            year = m.group(2) or str(
                2000 + int(m.group(3)) if int(m.group(3)) < 70 else 1900 + int(m.group(3))
            )
            return _ym(year, month)
    if _YEAR_ONLY.fullmatch(t):
        return t
    return raw


def _ym(year: str | int, month: str | int) -> str:
    month = int(month)
    return f"{int(year):04d}-{month:02d}" if 1 <= month <= 12 else f"{int(year):04d}"


DATE_AT_START = re.compile(rf"^\s*(?:{DATE_TOKEN}|{PRESENT})(?![\w/])\.?", re.I)


def find_date_range(text: str) -> tuple[str, str, tuple[int, int]] | None:
    """The first date or date range in ``text``: (start, end, span); end '' when none printed.

    "Jan 2020 –" with nothing after the dash reads as ongoing: (2020-01, present).
    """
    for m in DATE_RANGE.finditer(text):
        start = normalize_date(m.group("start"))
        if m.group("end"):
            return start, normalize_date(m.group("end")), m.span()
        if m.group("open") or _SINCE.match(m.group(0)):
            return start, "present", m.span()
        return start, "", m.span()
    return None


def looks_like_location(text: str) -> bool:
    """A place: "Remote", "Berlin", "San Francisco, CA", "Mountain View, CA, USA", "Paris, France"."""
    from .places import split_location_tail

    text = text.strip().strip(",;|()")
    if not text or len(text) > 60 or re.search(r"\d{3,}|@", text):
        return False
    if fold(text) in {"remote", "hybrid", "online", "on-site", "onsite", "worldwide", "télétravail"}:
        return True
    text = re.sub(r"\s*\((?:remote|hybrid|on-?site)\)$", "", text, flags=re.I)
    parts = [p.strip() for p in text.split(",")]
    if len(parts) > 4 or any(not _place_shaped(p) for p in parts):
        return False
    before, place = split_location_tail(parts, whole=True)
    return bool(place) and not before


def _place_shaped(part: str) -> bool:
    words = part.split()
    return 1 <= len(words) <= 4 and all(
        _capital(w) or w.lower() in ("de", "am", "upon", "of", "la", "le", "del") for w in words
    )


def _capital(word: str) -> bool:
    """Capitalised, or written in a script without letter case (上海, 서울)."""
    first = word[:1]
    return first.isupper() or (first.isalpha() and not first.isascii() and first.lower() == first.upper())


def looks_like_meta(text: str) -> bool:
    """A date, a duration, a place, or a mix: what right-aligned CV columns hold."""
    rest = DURATION.sub(" ", DATE_RANGE.sub(" ", text))
    rest = re.sub(r"[\s|,–—\-()•·]+", " ", rest).strip()
    if not rest:
        return True
    return looks_like_location(rest)


EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w])", re.I)
PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d\s().\-/]{6,18}\d(?![\w])")
URL = re.compile(
    r"(?<![@\w])(?:https?://|www\.)[^\s,;|<>\"')]+|(?<![@\w.])(?:[a-z0-9-]+\.)+"
    r"(?:com|org|net|io|dev|me|ai|app|co|tech|info|xyz|site|page|blog|page|eu|uk|de|fr|in)"
    r"(?:/[^\s,;|<>\"')]*)?(?![\w@])",
    re.I,
)

# A line that is only page numbering: "3", "Page 2 of 3", "2/3", "- 2 -", "Seite 1 von 2".
PAGE_NUMBER_LINE = re.compile(
    r"^(?:page|seite|p\.|pagina|página)?\s*\d{1,3}\s*(?:(?:/|of|von|sur|de)\s*\d{1,3})?$|^-\s*\d{1,3}\s*-$",
    re.I,
)
