"""A local, dependency-light text embedding: hashed word unigrams, bigrams and character
trigrams, sublinear term frequency, L2-normalised. Known skill aliases are folded to one name
first (by the one skills vocabulary), so "k8s" and "Kubernetes" land on the same features.
Good enough to rank CV items against a job description; not a semantic model."""

from __future__ import annotations

import hashlib
import itertools
import math
import re
from functools import lru_cache

from resumes.ingest import canonical_skill

from .text import STOPWORDS

_TOKEN = re.compile(r"[a-z0-9+#.]+")
# v2: aliases fold through the one skills vocabulary; v1 vectors are not comparable with these.
MODEL_LABEL = "builtin:hash-v2"


def _bucket(feature: str, dims: int) -> tuple[int, float]:
    digest = hashlib.blake2b(feature.encode(), digest_size=8).digest()
    value = int.from_bytes(digest, "little")
    # The sign bit spreads collisions so they cancel out on average instead of piling up.
    return value % dims, (1.0 if (value >> 63) & 1 else -1.0)


def _features(text: str) -> dict[str, float]:
    tokens = [t.strip(".") for t in _TOKEN.findall(text.lower())]
    tokens = [_folded(t) for t in tokens if t and t not in STOPWORDS]
    counts: dict[str, float] = {}
    for tok in tokens:
        counts[f"w:{tok}"] = counts.get(f"w:{tok}", 0) + 1.0
        padded = f" {tok} "
        for i in range(len(padded) - 2):
            key = f"c:{padded[i:i + 3]}"
            counts[key] = counts.get(key, 0) + 0.25
    for a, b in itertools.pairwise(tokens):
        counts[f"b:{a} {b}"] = counts.get(f"b:{a} {b}", 0) + 0.5
    return counts


@lru_cache(maxsize=65536)
def _folded(token: str) -> str:
    """A word as the vocabulary names it ("k8s" -> "kubernetes"); other words as they are."""
    return (canonical_skill(token) or token).lower()


def embed_one(text: str, dims: int) -> list[float]:
    vector = [0.0] * dims
    for feature, count in _features(text or "").items():
        index, sign = _bucket(feature, dims)
        vector[index] += sign * (1.0 + math.log(count)) if count >= 1 else sign * count
    norm = math.sqrt(sum(v * v for v in vector))
    return [round(v / norm, 6) for v in vector] if norm else vector


def cosine(a: list[float], b: list[float]) -> float:
    if len(a) != len(b):
        return 0.0
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    na = math.sqrt(sum(x * x for x in a))
    nb = math.sqrt(sum(y * y for y in b))
    return dot / (na * nb) if na and nb else 0.0
