"""Issues and recommendations that name the section, the bullet, the keyword and the fix.

Every finding is built from the CV's and the job's own words; nothing here is generic filler.
One module per score: ``keywords``, ``formatting``, ``sections``, ``readability``.
"""

from .finding import SEVERITY_ORDER, Finding, ordered
from .formatting import formatting_findings
from .keywords import keyword_findings
from .readability import readability_findings, rewrite_opening
from .sections import section_findings

__all__ = [
    "SEVERITY_ORDER",
    "Finding",
    "formatting_findings",
    "keyword_findings",
    "ordered",
    "readability_findings",
    "rewrite_opening",
    "section_findings",
]
