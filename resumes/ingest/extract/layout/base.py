"""A section of a CV, and the body text size that headings stand out from."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from ...document import Line


@dataclass
class Section:
    kind: str
    title: str
    lines: list[Line] = field(default_factory=list)


def body_font_size(lines: list[Line]) -> float:
    sizes = [ln.size for ln in lines if ln.size > 0 for _ in range(max(1, len(ln.text) // 20))]
    return statistics.median(sizes) if sizes else 0.0
