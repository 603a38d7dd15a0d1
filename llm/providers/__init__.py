"""Remote providers by name. The builtin engine is not here: it runs in-process (llm.builtin)."""

from llm.models import Provider

from . import gemini, openai_compat
from .base import Completion, Embeddings, Message, ProviderError

REMOTE = {Provider.OPENAI: openai_compat, Provider.GEMINI: gemini}

__all__ = ["REMOTE", "Completion", "Embeddings", "Message", "ProviderError"]
