"""Name, headline, e-mail, phone, links and place from the top of the CV."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from ...schema import Profile
from ..document import SEP, Line
from .patterns import DATE_RANGE, EMAIL, PHONE, URL, looks_like_location
from .sections import heading_kind

_NETWORKS = {
    "github.com": "GitHub",
    "gitlab.com": "GitLab",
    "linkedin.com": "LinkedIn",
    "twitter.com": "Twitter",
    "x.com": "X",
    "stackoverflow.com": "StackOverflow",
    "medium.com": "Medium",
    "kaggle.com": "Kaggle",
    "orcid.org": "ORCID",
    "scholar.google.com": "Google Scholar",
    "researchgate.net": "ResearchGate",
    "behance.net": "Behance",
    "dribbble.com": "Dribbble",
    "youtube.com": "YouTube",
    "instagram.com": "Instagram",
    "facebook.com": "Facebook",
    "leetcode.com": "LeetCode",
    "bitbucket.org": "Bitbucket",
    "hashnode.com": "Hashnode",
    "dev.to": "DEV",
}
# Networks as CVs name them in labels and LaTeX macros ("linkedin", "googlescholar").
NETWORK_NAMES = {
    "github": "GitHub",
    "gitlab": "GitLab",
    "linkedin": "LinkedIn",
    "twitter": "Twitter",
    "x": "X",
    "stackoverflow": "StackOverflow",
    "kaggle": "Kaggle",
    "orcid": "ORCID",
    "researchgate": "ResearchGate",
    "googlescholar": "Google Scholar",
}
# "LinkedIn: jdoe", "github.com/jdoe" printed without a scheme, or an icon then a username.
_LABELLED = re.compile(
    r"\b(github|gitlab|linkedin|twitter|x|stackoverflow|kaggle|orcid)\s*[:/]\s*@?([\w.-]{2,40})\b", re.I
)
_NOT_NAME = re.compile(
    r"curriculum|vitae|\bresume\b|\bcv\b|lebenslauf|@|\d|https?:|www\.|\.com\b|page\s", re.I
)


# An address a narrow column wrapped after its "@" or a dot: "jane.doe@post." / "example.net".
_WRAPPED_EMAIL = re.compile(
    r"(?<![\w.+-])([\w.+-]+@(?:[\w-]+\.)*)[ \t]*\n[ \t]*(?=[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b)", re.I
)


def unwrap_emails(text: str) -> str:
    """Lines of ``text`` rejoined where an e-mail address was wrapped onto the next line."""
    return _WRAPPED_EMAIL.sub(r"\1", text)


def find_emails(text: str) -> list[str]:
    seen: list[str] = []
    for m in EMAIL.finditer(text):
        email = m.group(0).strip(".").lower()
        if email not in seen:
            seen.append(email)
    return seen


def find_phones(text: str) -> list[str]:
    out: list[str] = []
    for m in PHONE.finditer(text):
        raw = m.group(0).strip()
        digits = re.sub(r"\D", "", raw)
        if not 7 <= len(digits) <= 15:
            continue
        if DATE_RANGE.fullmatch(raw) or (
            re.fullmatch(r"[\d\s./-]*(?:19|20)\d\d[\d\s./-]*", raw) and len(digits) <= 8
        ):
            continue  # "2018 - 2020", "01/2020"
        if raw.count("(") != raw.count(")"):
            raw = raw.strip("()")
        if raw not in out:
            out.append(raw)
    return out


def find_urls(text: str) -> list[str]:
    out = []
    for m in URL.finditer(text):
        url = m.group(0).rstrip(".,;:)")
        if "@" in url:
            continue
        out.append(url)
    return out


def normalise_url(url: str) -> str:
    url = url.strip()
    if url.lower().startswith("mailto:") or url.lower().startswith("tel:"):
        return url
    if not re.match(r"^[a-z]+://", url, re.I):
        url = "https://" + url
    return url


def profile_for(url: str) -> Profile | None:
    try:
        parsed = urlparse(normalise_url(url))
    except ValueError:  # "http://[broken" and friends
        return None
    host = parsed.netloc.lower().removeprefix("www.")
    network = next((n for h, n in _NETWORKS.items() if host == h or host.endswith("." + h)), None)
    if not network:
        return None
    segs = [s for s in parsed.path.split("/") if s]
    if network == "LinkedIn":
        user = segs[-1] if segs and segs[0] in ("in", "pub", "company") else (segs[0] if segs else "")
    else:
        user = segs[0] if segs else ""
    return Profile(network=network, username=user.lstrip("@"), url=normalise_url(url).rstrip("/"))


def profiles_from_labels(text: str) -> list[Profile]:
    out = []
    for m in _LABELLED.finditer(text):
        net, user = m.group(1).lower(), m.group(2)
        if "." in user and net not in ("x",):
            continue  # a domain, handled as a URL
        out.append(Profile(network=NETWORK_NAMES[net], username=user))
    return out


def is_name_candidate(text: str) -> bool:
    text = text.replace(SEP, " ").strip()
    if not text or len(text) > 50 or _NOT_NAME.search(text) or heading_kind(text):
        return False
    if re.fullmatch(r"[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af·・ ]{2,8}", text):
        return True  # a CJK name: two to four characters, no letter case
    words = text.split()
    if not 1 <= len(words) <= 5:
        return False
    letters = sum(c.isalpha() for c in text)
    return letters >= 0.75 * len(text.replace(" ", "")) and any(w[:1].isupper() for w in words)


def name_line_by_size(lines: list[Line], body: float) -> Line | None:
    """The biggest name-like line on page 1, when it clearly stands out (PDF, DOCX sizes)."""
    cands = [
        ln
        for ln in lines[:80]
        if ln.page == 1 and ln.size and not ln.bullet and is_name_candidate(first_piece(ln.text))
    ]
    if not cands or not body:
        return None
    best = max(cands, key=lambda ln: ln.size)  # max keeps the earliest of equal sizes
    return best if best.size >= body + 2.5 else None


def pick_name(header: list[Line]) -> tuple[str, int]:
    """The name and its index in ``header``: the largest-font name-like line near the top."""
    cands = [(i, ln) for i, ln in enumerate(header[:12]) if is_name_candidate(first_piece(ln.text))]
    if not cands:
        return "", -1
    top_size = max((ln.size for _, ln in cands), default=0)
    if top_size:
        sized = [(i, ln) for i, ln in cands if ln.size >= top_size - 0.1]
        i, ln = sized[0]
    else:
        i, ln = cands[0]
    return clean_name(first_piece(ln.text)), i


def first_piece(text: str) -> str:
    return re.split(r"\t|\u2002|\s[|•·]\s", text)[0].strip()


_HONORIFIC = re.compile(r"^(?:dr|prof|mr|mrs|ms|mx|eng|ing|dipl\.-ing|herr|frau|mme|m)\.?\s+(?=\w)", re.I)
_POSTNOMINAL = re.compile(
    r"(?:,?\s+(?:ph\.?\s?d|m\.?d|mba|cpa|pmp|cfa|acca|aca|msc|m\.sc|bsc|b\.sc|ma|ba|meng|beng|jr|sr|ii|iii"
    r"|frcs|mrcp|pe|p\.eng|ceng|mcse|cissp)\.?)+$",
    re.I,
)


def clean_name(text: str) -> str:
    """The person's name without "Dr." or ", PhD", in natural capitalisation."""
    text = re.sub(r"\s+", " ", text).strip(" ,;|")
    bare = _POSTNOMINAL.sub("", _HONORIFIC.sub("", text)).strip(" ,")
    if len(bare.split()) >= 2:
        text = bare
    if text.isupper() and len(text) > 3:
        # "JONATHAN O'NEILL" -> "Jonathan O'Neill", "ANNE-MARIE" -> "Anne-Marie"
        text = re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), text)
    return text


def header_location(lines: list[Line]) -> str:
    """The first place in the contact lines; a postal address counts by its town part."""
    for ln in lines:
        for piece in re.split(r"\t|\u2002|\s*[|•·◦⋄]\s*|\s[–—-]\s|\s{2,}|[\ue000-\uf8ff]", ln.text):
            piece = piece.strip(" ,;")
            if not piece or EMAIL.search(piece):
                continue
            if looks_like_location(piece) and not PHONE.search(piece):
                return piece
            if town := address_town(piece):
                return town
    return ""


_STREET = re.compile(
    r"^\s*\d+[a-z]?\s+[\w.' -]+\b(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way|court|ct"
    r"|place|pl|square|sq|terrace|close|crescent|parkway|highway)\b\.?"
    r"|^\s*[\w.' -]*(?:straße|strasse|str\.|weg|gasse|platz|allee|rue|avenue|via|calle|carrer|rua|laan"
    r"|straat)\b[\w.' -]*\d*",
    re.I,
)
_POSTCODE = re.compile(r"\b(?:\d{4,6}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\b")


def address_town(piece: str) -> str:
    """ "123 Main Street, Springfield, IL 62701" -> "Springfield, IL"; "" if not an address."""
    parts = [p.strip() for p in piece.split(",")]
    if len(parts) < 2 or not (_STREET.search(parts[0]) or _POSTCODE.search(piece)):
        return ""
    rest = [p for p in parts if not _STREET.search(p)]
    rest = [_POSTCODE.sub("", p).strip() for p in rest]
    rest = [p for p in rest if p and not re.search(r"\d", p)]
    town = ", ".join(rest)
    return town if rest and looks_like_location(town) else ""
