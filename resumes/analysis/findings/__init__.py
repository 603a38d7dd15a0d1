"""Issues and recommendations that name the section, the bullet, the keyword and the fix.

Every finding is built from the CV's and the job's own words; nothing here is generic filler.
One module per score: ``keywords``, ``formatting``, ``sections``, ``readability``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class Finding:
    category: str  # keywords | formatting | sections | readability | integrity
    severity: str  # high | medium | low
    section: str  # experience, skills, summary, header, education, document
    message: str  # what is wrong
    recommendation: str  # what to write instead
    field: str = ""  # where in the StructuredCV, e.g. work[0].highlights[1]
    keyword: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def ordered(findings: list[Finding]) -> list[Finding]:
    """Most serious first; stable within a severity so the order is reproducible."""
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])


from .formatting import formatting_findings  # noqa: E402
from .keywords import keyword_findings  # noqa: E402
from .readability import readability_findings, rewrite_opening  # noqa: E402
from .sections import section_findings  # noqa: E402

__all__ = [
    "Finding",
    "formatting_findings",
    "keyword_findings",
    "ordered",
    "readability_findings",
    "rewrite_opening",
    "section_findings",
]
