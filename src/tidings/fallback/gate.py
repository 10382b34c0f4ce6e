"""The event / no-event gate: does a sentence report a political event at all?

A binary logistic regression over the same sentence embedding as the type
classifier, trained on the same examples: every example with an event type is
an *event*, every ``NONE`` example is *no event*.  Its threshold is learnt too:
the training examples are split in folds, each is scored by a gate that never
saw it, and the threshold is the one that best separates the held-out scores
(Youden's J: event recall + no-event recall - 1).

The fallback proposes an event only when the gate's probability reaches its
threshold (coder/fallback_hook.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .model import NO_EVENT, FitOptions, fit

#: the two labels the gate is fitted with
EVENT = "EVENT"
#: folds of the internal split that chooses the threshold
THRESHOLD_FOLDS = 5
#: fewest examples of each side (event, no event) a gate needs
MIN_PER_SIDE = 2


@dataclass(frozen=True)
class Gate:
    """``P(event | x) = sigmoid(x @ weights + bias)``; an event when it reaches ``threshold``."""

    weights: np.ndarray = field(repr=False)  # (dim,)
    bias: float
    threshold: float

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """(n,) probability that each embedded row reports an event."""
        z = np.asarray(x, dtype=np.float64) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))

    def header(self) -> dict[str, Any]:
        return {"threshold": round(float(self.threshold), 6)}


def is_event_label(label: str) -> bool:
    return label != NO_EVENT


def can_gate(labels: Sequence[str]) -> bool:
    """Whether the examples have enough of both sides to learn a gate."""
    n_none = sum(1 for lab in labels if not is_event_label(lab))
    return n_none >= MIN_PER_SIDE and len(labels) - n_none >= MIN_PER_SIDE


def _fit_weights(x: np.ndarray, is_event: np.ndarray, options: FitOptions) -> tuple[np.ndarray, float]:
    # a two-class softmax is a logistic regression on the difference of its columns
    m = fit(x, [EVENT if e else NO_EVENT for e in is_event], embedder="gate", options=options)
    e, n = m.labels.index(EVENT), m.labels.index(NO_EVENT)
    return m.weights[:, e] - m.weights[:, n], float(m.bias[e] - m.bias[n])


def held_out_probabilities(
    x: np.ndarray, is_event: np.ndarray, *, folds: int = THRESHOLD_FOLDS, seed: int = 0,
    options: FitOptions = FitOptions(),
) -> np.ndarray:
    """Each example's event probability from a gate fitted on the other folds (stratified)."""
    is_event = np.asarray(is_event, dtype=bool)
    rng = np.random.default_rng(seed)
    fold_of = np.zeros(len(is_event), dtype=int)
    for side in (True, False):
        idx = np.flatnonzero(is_event == side)
        rng.shuffle(idx)
        fold_of[idx] = np.arange(len(idx)) % folds
    out = np.zeros(len(is_event))
    for f in range(folds):
        test, train = fold_of == f, fold_of != f
        if not test.any() or len(set(is_event[train])) < 2:
            out[test] = 1.0
            continue
        w, b = _fit_weights(x[train], is_event[train], options)
        out[test] = Gate(w, b, 0.5).probabilities(x[test])
    return out


def best_threshold(probabilities: np.ndarray, is_event: np.ndarray) -> float:
    """The threshold with the highest Youden's J (event recall + no-event recall - 1) over
    held-out probabilities.  Candidates are the midpoints between neighbouring scores (a
    threshold in the middle of a gap, not on an example); of tied candidates, the median."""
    p = np.asarray(probabilities, dtype=np.float64)
    is_event = np.asarray(is_event, dtype=bool)
    scores = np.unique(p)
    candidates = (scores[1:] + scores[:-1]) / 2 if len(scores) > 1 else scores
    j = np.array([(p[is_event] >= t).mean() + (p[~is_event] < t).mean() - 1.0 for t in candidates])
    best = candidates[np.isclose(j, j.max())]
    return float(np.median(best))


def fit_gate(x: np.ndarray, labels: Sequence[str], *, options: FitOptions = FitOptions(), seed: int = 0) -> Gate:
    """The gate of the examples ``x`` (embedded) with their ``labels`` (``NONE`` = no event)."""
    x = np.asarray(x, dtype=np.float64)
    is_event = np.array([is_event_label(lab) for lab in labels])
    folds = min(THRESHOLD_FOLDS, int(is_event.sum()), int((~is_event).sum()))
    threshold = best_threshold(held_out_probabilities(x, is_event, folds=folds, seed=seed, options=options),
                               is_event) if folds >= 2 else 0.5
    w, b = _fit_weights(x, is_event, options)
    return Gate(weights=w, bias=b, threshold=threshold)
