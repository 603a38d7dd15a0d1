"""CV analysis: scores, issues, recommendations, keyword match and classification.

Public interface:

- ``analyse_cv(cv, job_text=, job=, signals=)`` → ``CVAnalysis`` (``as_dict()``)
- ``analyse_job(text)`` → ``JobRequirements`` (``as_dict()``)
- ``upload_analysis(cv)`` → ``UploadAnalysis`` (the upload's ATS score, industry, level)
- ``document_signals(data, fmt=)`` → hidden/tiny text, images, tables of a PDF or DOCX
"""

from .cvview import DocumentSignals
from .document import document_signals
from .engine import WEIGHTS, CVAnalysis, analyse_cv
from .jd import JobRequirements, analyse_job
from .upload import UploadAnalysis, upload_analysis

__all__ = [
    "WEIGHTS",
    "CVAnalysis",
    "DocumentSignals",
    "JobRequirements",
    "UploadAnalysis",
    "analyse_cv",
    "analyse_job",
    "document_signals",
    "upload_analysis",
]
