"""Line clean-up before extraction: wrapped bullets joined, hyphenation undone, sections split."""

from .base import Section, body_font_size
from .splitting import split_sections
from .wrapping import clean_text, join_wrapped

__all__ = ["Section", "body_font_size", "clean_text", "join_wrapped", "split_sections"]
