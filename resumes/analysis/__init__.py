"""CV analysis: scores, issues, recommendations, keyword match and classification.

Public interface:

- ``analyse_cv(cv, job_text=, job=, signals=)`` → ``CVAnalysis`` (``as_dict()``)
- ``analyse_job(text)`` → ``JobRequirements`` (``as_dict()``)
- ``upload_analysis(cv)`` → ``BasicAnalysis`` (the upload's ATS score, industry, level)
- ``basic_analysis(cv)`` → the first checklist scorer (no endpoint uses it since ``analyze-cv-file/``
  moved to the engine; kept for its tests)
- ``document_signals(data, fmt=)`` → hidden/tiny text, images, tables of a PDF or DOCX
"""

from .basic import BasicAnalysis, basic_analysis
from .cvview import DocumentSignals
from .document import document_signals
from .engine import WEIGHTS, CVAnalysis, analyse_cv
from .jd import JobRequirements, analyse_job
from .upload import upload_analysis

__all__ = [
    "WEIGHTS",
    "BasicAnalysis",
    "CVAnalysis",
    "DocumentSignals",
    "JobRequirements",
    "analyse_cv",
    "analyse_job",
    "basic_analysis",
    "document_signals",
    "upload_analysis",
]
