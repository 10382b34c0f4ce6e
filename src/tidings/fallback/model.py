"""The fallback classifier: multinomial logistic regression over sentence embeddings.

A model is one ``.npz`` file: the weights ``W`` (dim x labels), the bias ``b``
and ``header``, a JSON string with the labels, the embedder's name and the
provenance (what it was trained on, when, how).  A model trained with ``NONE``
examples also holds its event / no-event gate (``fallback/gate.py``): the
weights ``GW`` (dim), the bias ``Gb`` and the header's ``gate.threshold``.
It loads without pickle.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import E_FALLBACK_MODEL, E_TRAINING_LABELS, ConfigError, ModelError

if TYPE_CHECKING:
    from .gate import Gate

FORMAT = "tidings-fallback/2"
#: formats that load (version 1 has no gate)
READABLE_FORMATS = ("tidings-fallback/1", FORMAT)
#: the label of examples that report no event: learnt, never proposed
NO_EVENT = "NONE"
#: probability the best event type needs before an event is proposed (``--fallback-threshold``)
DEFAULT_THRESHOLD = 0.3


@dataclass(frozen=True)
class Prediction:
    label: str
    probability: float


@dataclass(frozen=True)
class Proposal:
    """An event type to propose: its probability among the event types, and the gate's
    probability that the sentence reports an event at all (1.0 for a model without gate)."""

    label: str
    probability: float
    event_probability: float


@dataclass(frozen=True)
class FallbackModel:
    """Labels, weights and where they came from."""

    labels: tuple[str, ...]
    weights: np.ndarray = field(repr=False)  # (dim, len(labels))
    bias: np.ndarray = field(repr=False)  # (len(labels),)
    embedder: str
    provenance: Mapping[str, Any] = field(default_factory=dict)
    #: the event / no-event gate; None for a model trained without NONE examples
    gate: "Gate | None" = field(default=None, repr=False)

    @property
    def dim(self) -> int:
        return int(self.weights.shape[0])

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """(n, labels) class probabilities of embedded rows ``x``."""
        return _softmax(np.asarray(x, dtype=np.float64) @ self.weights + self.bias)

    def predict(self, x: np.ndarray) -> list[Prediction]:
        p = self.probabilities(x)
        best = p.argmax(1)
        return [Prediction(self.labels[j], float(p[i, j])) for i, j in enumerate(best)]

    def decide(self, x: np.ndarray, threshold: float = DEFAULT_THRESHOLD) -> list[Proposal | None]:
        """For each embedded row, the event type to propose, or None.

        With a gate: None when the gate's probability is below its threshold; else the
        best event type, its probability renormalised over the event types (``NONE``
        left out: the gate has decided that), None when it is below ``threshold``.
        Without a gate (a model trained without ``NONE`` examples, or an old one): the
        best label over all, None when it is ``NONE`` or below ``threshold``."""
        p = self.probabilities(x)
        out: list[Proposal | None] = []
        if self.gate is None:
            for pred in self.predict(x):
                ok = pred.label != NO_EVENT and pred.probability >= threshold
                out.append(Proposal(pred.label, pred.probability, 1.0) if ok else None)
            return out
        events = self.event_labels()
        gate_p = self.gate.probabilities(x)
        for row, g in zip(p, gate_p):
            sub = row[events] / max(row[events].sum(), 1e-12)
            j = int(sub.argmax())
            ok = g >= self.gate.threshold and sub[j] >= threshold
            out.append(Proposal(self.labels[events[j]], float(sub[j]), float(g)) if ok else None)
        return out

    # -- files -------------------------------------------------------------

    def event_labels(self) -> list[int]:
        """Indexes of the labels that are event types (all but ``NONE``)."""
        return [i for i, lab in enumerate(self.labels) if lab != NO_EVENT]

    def header(self) -> dict[str, Any]:
        out = {"format": FORMAT, "labels": list(self.labels), "embedder": self.embedder,
               "dim": self.dim, "provenance": dict(self.provenance)}
        if self.gate is not None:
            out["gate"] = self.gate.header()
        return out

    def save(self, path: str | Path) -> Path:
        p = Path(path)
        if p.suffix != ".npz":
            p = p.with_name(p.name + ".npz")
        p.parent.mkdir(parents=True, exist_ok=True)
        arrays = {"W": self.weights.astype(np.float32), "b": self.bias.astype(np.float32)}
        if self.gate is not None:
            arrays.update(GW=np.asarray(self.gate.weights, np.float32), Gb=np.array([self.gate.bias], np.float32))
        with open(p, "wb") as f:
            np.savez_compressed(f, **arrays, header=np.array(json.dumps(self.header(), sort_keys=True)))
        return p

    @classmethod
    def load(cls, path: str | Path) -> FallbackModel:
        p = Path(path)
        try:
            with np.load(p, allow_pickle=False) as z:
                header = json.loads(str(z["header"]))
                weights, bias = np.asarray(z["W"], np.float64), np.asarray(z["b"], np.float64)
                gate_w = np.asarray(z["GW"], np.float64) if "GW" in z.files else None
                gate_b = float(np.asarray(z["Gb"], np.float64).reshape(-1)[0]) if "Gb" in z.files else 0.0
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"cannot read the fallback model {p}: {exc}", code=E_FALLBACK_MODEL,
                             hint="train one with `tidings train`, or use --fallback builtin") from exc
        if header.get("format") not in READABLE_FORMATS:
            raise ModelError(f"{p} is not a Tidings fallback model ({header.get('format')!r})",
                             code=E_FALLBACK_MODEL, hint="train one with `tidings train`")
        labels = tuple(header["labels"])
        if weights.shape != (int(header["dim"]), len(labels)) or bias.shape != (len(labels),):
            raise ModelError(f"{p}: weights do not match the header", code=E_FALLBACK_MODEL)
        gate = None
        if gate_w is not None:
            from .gate import Gate

            if gate_w.shape != (weights.shape[0],) or "gate" not in header:
                raise ModelError(f"{p}: the gate does not match the header", code=E_FALLBACK_MODEL)
            gate = Gate(weights=gate_w, bias=gate_b, threshold=float(header["gate"]["threshold"]))
        return cls(labels=labels, weights=weights, bias=bias, embedder=header["embedder"],
                   provenance=header.get("provenance", {}), gate=gate)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


@dataclass(frozen=True)
class FitOptions:
    """L2 penalty, full-batch gradient steps, step size."""

    l2: float = 1e-3
    steps: int = 300
    rate: float = 0.05


def fit(
    x: np.ndarray,
    labels: Sequence[str],
    *,
    embedder: str,
    options: FitOptions = FitOptions(),
    provenance: Mapping[str, Any] | None = None,
) -> FallbackModel:
    """Multinomial logistic regression by full-batch gradient descent (Adam steps).

    ``x`` are the embedded examples (n, dim), ``labels`` their labels.  Classes are
    weighted by the inverse of their size, so a large class does not drown a small one.
    """
    names = tuple(sorted(set(labels)))
    if len(names) < 2:
        raise ConfigError(f"training needs at least two labels, got {list(names)}", code=E_TRAINING_LABELS)
    x = np.asarray(x, dtype=np.float64)
    index = {n: i for i, n in enumerate(names)}
    y = np.array([index[lab] for lab in labels])
    n, dim = x.shape
    k = len(names)
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0
    counts = onehot.sum(0)
    sample_w = (n / (k * counts))[y] / n
    w = np.zeros((dim, k))
    b = np.zeros(k)
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    beta1, beta2 = 0.9, 0.999
    for t in range(1, options.steps + 1):
        p = _softmax(x @ w + b)
        g = (p - onehot) * sample_w[:, None]
        grad_w = x.T @ g + options.l2 * w
        grad_b = g.sum(0)
        m_w = beta1 * m_w + (1 - beta1) * grad_w
        v_w = beta2 * v_w + (1 - beta2) * grad_w**2
        m_b = beta1 * m_b + (1 - beta1) * grad_b
        v_b = beta2 * v_b + (1 - beta2) * grad_b**2
        lr = options.rate * np.sqrt(1 - beta2**t) / (1 - beta1**t)
        w -= lr * m_w / (np.sqrt(v_w) + 1e-8)
        b -= lr * m_b / (np.sqrt(v_b) + 1e-8)
    prov = dict(provenance or {})
    prov.update({"examples": int(n), "per_label": {nm: int(c) for nm, c in zip(names, counts)},
                 "l2": options.l2, "steps": options.steps})
    return FallbackModel(labels=names, weights=w, bias=b, embedder=embedder, provenance=prov)
