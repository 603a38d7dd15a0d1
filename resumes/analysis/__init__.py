"""CV analysis: scores, classification and issues computed from a ``StructuredCV``."""

from .basic import BasicAnalysis, basic_analysis

__all__ = ["BasicAnalysis", "basic_analysis"]
