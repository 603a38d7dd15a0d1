"""One finding: what is wrong, where, and what to write instead."""

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
