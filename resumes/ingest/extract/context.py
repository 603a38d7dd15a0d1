"""What every field extractor shares: the CV being built and where values were read."""

from __future__ import annotations

from ...schema import Provenance, StructuredCV
from ..document import Line


class Context:
    def __init__(self, cv: StructuredCV) -> None:
        self.cv = cv

    def mark(self, path: str, line: Line | None, confidence: float | None = None) -> None:
        """Provenance: ``line`` is the 1-based line of ``raw_text`` the value was read from."""
        if line is not None and line.no:
            self.cv.provenance.append(
                Provenance(
                    field=path,
                    page=line.page,
                    line=line.no,
                    source="builtin",
                    confidence=None if confidence is None else round(confidence, 2),
                )
            )
        elif confidence is not None:
            self.cv.provenance.append(
                Provenance(field=path, source="builtin", confidence=round(confidence, 2))
            )
