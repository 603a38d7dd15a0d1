"""Turning a task's inputs into the ``StructuredCV`` and job text the handlers work on.

Both come from the CV engine: text is parsed by the one parser (``resumes.ingest``), and lines
addressed to an AI are removed by the one filter before anything reads them.
"""

from __future__ import annotations

from resumes.analysis.llm_handler import job_text, task_cv
from resumes.analysis.text import ignored_lines
from resumes.schema import StructuredCV

__all__ = ["cv_from_inputs", "job_text"]


def cv_from_inputs(inputs: dict) -> tuple[StructuredCV, list[str]]:
    """(the CV without the lines addressed to an AI, those lines)."""
    cv = task_cv(inputs)
    return cv, ignored_lines(cv.warnings)
