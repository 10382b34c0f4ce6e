"""Training and checking the fallback classifier.

    from tidings.fallback.train import read_csv_examples, train
    from tidings.fallback.embed import MiniLM
    examples = read_csv_examples("labelled.csv", text_col="text", label_col="label")
    model = train(examples, MiniLM.load(), source="labelled.csv")
    model.save("my-model.npz")

The built-in model (``--fallback builtin``) is trained on the team's examples in
``data/fallback/examples.tsv`` and shipped as ``data/fallback/builtin.npz``;
it is rebuilt with

    tidings train src/tidings/data/fallback/examples.tsv -o src/tidings/data/fallback/builtin.npz
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from ..errors import E_TRAINING_DATA, E_TRAINING_LABELS, ConfigError, InputError
from .embed import Embedder
from .gate import can_gate, fit_gate, is_event_label
from .labels import is_known, normalise_label
from .model import DEFAULT_THRESHOLD, NO_EVENT, FallbackModel, FitOptions, fit

#: fewest examples a label needs
MIN_PER_LABEL = 2


@dataclass(frozen=True)
class Example:
    text: str
    label: str


def data_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "data" / "fallback"


def builtin_examples_path() -> Path:
    return data_dir() / "examples.tsv"


def builtin_model_path() -> Path:
    return data_dir() / "builtin.npz"


def read_tsv_examples(path: str | Path) -> list[Example]:
    """``label<TAB>text`` lines after a ``label	text`` header; ``#`` comments and blank lines skipped."""
    p = Path(path)
    out: list[Example] = []
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {p}: {exc}", code=E_TRAINING_DATA) from exc
    header_seen = False
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            if line.split("\t")[:2] == ["label", "text"]:
                continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise InputError(f"{p}:{n}: expected label<TAB>text", code=E_TRAINING_DATA)
        out.append(Example(text=parts[1].strip(), label=normalise_label(parts[0])))
    return out


def read_csv_examples(path: str | Path, *, text_col: str = "text", label_col: str = "label") -> list[Example]:
    """Examples from a CSV file with a header naming ``text_col`` and ``label_col``.

    A row with an empty label is a sentence with no event (``NONE``)."""
    p = Path(path)
    out: list[Example] = []
    try:
        with open(p, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            cols = reader.fieldnames or []
            missing = [c for c in (text_col, label_col) if c not in cols]
            if missing:
                raise InputError(f"{p}: no column {', '.join(missing)} (columns: {', '.join(cols) or 'none'})",
                                 code=E_TRAINING_DATA, hint="name them with --text-col and --label-col")
            for n, row in enumerate(reader, 2):
                text, label = (row.get(text_col) or "").strip(), (row.get(label_col) or "").strip()
                if not text:
                    raise InputError(f"{p}:{n}: empty text", code=E_TRAINING_DATA)
                out.append(Example(text=text, label=normalise_label(label) if label else NO_EVENT))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"cannot read {p}: {exc}", code=E_TRAINING_DATA) from exc
    return out


def read_examples(path: str | Path, *, text_col: str = "text", label_col: str = "label") -> list[Example]:
    """A ``.tsv`` file in the examples format, else a CSV file with a header."""
    if str(path).endswith(".tsv"):
        return read_tsv_examples(path)
    return read_csv_examples(path, text_col=text_col, label_col=label_col)


def check_examples(examples: Sequence[Example]) -> Counter[str]:
    """The count per label; raises when a label is unknown or has too few examples."""
    if not examples:
        raise InputError("no training examples", code=E_TRAINING_DATA)
    counts = Counter(e.label for e in examples)
    unknown = sorted(lab for lab in counts if not is_known(lab))
    if unknown:
        raise ConfigError(
            f"unknown label(s): {', '.join(unknown[:10])}",
            code=E_TRAINING_LABELS,
            hint="use PLOVER 2021 types (AGREE, ASSAULT, ...), CAMEO codes (e.g. 190) or NONE",
        )
    few = sorted(lab for lab, c in counts.items() if c < MIN_PER_LABEL)
    if few:
        raise ConfigError(f"label(s) with fewer than {MIN_PER_LABEL} examples: {', '.join(few)}",
                          code=E_TRAINING_LABELS)
    if len(counts) < 2:
        raise ConfigError("training needs at least two labels", code=E_TRAINING_LABELS)
    return counts


def examples_digest(examples: Sequence[Example]) -> str:
    h = hashlib.sha256()
    for e in examples:
        h.update(f"{e.label}\t{e.text}\n".encode())
    return h.hexdigest()[:16]


def train(
    examples: Sequence[Example],
    embedder: Embedder,
    *,
    source: str = "",
    options: FitOptions = FitOptions(),
    today: dt.date | None = None,
) -> FallbackModel:
    """A classifier over ``embedder``'s embeddings of the examples, with its event / no-event
    gate when there are ``NONE`` examples (at least two, and two with an event type)."""
    check_examples(examples)
    x = embedder.embed([e.text for e in examples])
    labels = [e.label for e in examples]
    provenance = {
        "trained_on": source,
        "digest": examples_digest(examples),
        "date": (today or dt.date.today()).isoformat(),
    }
    model = fit(x, labels, embedder=embedder.name, options=options, provenance=provenance)
    return replace(model, gate=fit_gate(x, labels, options=options)) if can_gate(labels) else model


@dataclass(frozen=True)
class GateFigures:
    """How the held-out examples fare through the gate and the whole decision
    (:meth:`FallbackModel.decide` at ``threshold``)."""

    events: int  # examples with an event type
    no_events: int  # NONE examples
    events_passed: int  # event examples the gate lets through
    no_events_passed: int  # NONE examples the gate lets through
    auc: float  # how well the gate's probability ranks events above NONE (1 = perfectly)
    threshold: float
    proposed: int  # event examples given an event type by the whole decision
    proposed_right: int  # ... the right one
    no_events_proposed: int  # NONE examples given an event type by the whole decision

    def render(self) -> str:
        e, n = max(self.events, 1), max(self.no_events, 1)
        return "\n".join([
            f"gate (held out): {self.events_passed}/{self.events} event sentences pass "
            f"({self.events_passed / e:.3f}), {self.no_events_passed}/{self.no_events} no-event sentences pass "
            f"({self.no_events_passed / n:.3f}); AUC {self.auc:.3f}",
            f"gate + type at threshold {self.threshold:g}: {self.proposed}/{self.events} event sentences "
            f"get a type ({self.proposed / e:.3f}), {self.proposed_right} the right one ({self.proposed_right / e:.3f}); "
            f"{self.no_events_proposed}/{self.no_events} no-event sentences get one ({self.no_events_proposed / n:.3f})",
        ])


@dataclass(frozen=True)
class CrossValidation:
    """Held-out accuracy and macro-F1 over ``folds`` stratified folds, and the gate's figures
    when the examples have ``NONE`` ones."""

    folds: int
    examples: int
    accuracy: float
    macro_f1: float
    per_label_f1: tuple[tuple[str, float], ...]
    gate: GateFigures | None = None

    def render(self) -> str:
        lines = [f"{self.folds}-fold cross-validation, {self.examples} examples: "
                 f"accuracy {self.accuracy:.3f}, macro-F1 {self.macro_f1:.3f}"]
        lines += [f"  {lab:<10} F1 {f:.3f}" for lab, f in self.per_label_f1]
        if self.gate is not None:
            lines.append(self.gate.render())
        return "\n".join(lines)


def fold_assignment(labels: Sequence[str], folds: int, seed: int = 0) -> np.ndarray:
    """Stratified folds: each label's examples dealt round-robin after a seeded shuffle."""
    rng = np.random.default_rng(seed)
    fold_of = np.zeros(len(labels), dtype=int)
    for lab in sorted(set(labels)):
        idx = np.array([i for i, y in enumerate(labels) if y == lab])
        rng.shuffle(idx)
        fold_of[idx] = np.arange(len(idx)) % folds
    return fold_of


def auc(scores: np.ndarray, positive: np.ndarray) -> float:
    """Probability that a random positive scores above a random negative (ties count half)."""
    pos, neg = np.asarray(scores)[positive], np.asarray(scores)[~np.asarray(positive)]
    if not len(pos) or not len(neg):
        return float("nan")
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(wins / (len(pos) * len(neg)))


def cross_validate(
    examples: Sequence[Example],
    embedder: Embedder,
    *,
    folds: int = 5,
    seed: int = 0,
    options: FitOptions = FitOptions(),
    threshold: float = DEFAULT_THRESHOLD,
) -> CrossValidation:
    """Stratified k-fold: each example is predicted by a model (classifier, and gate with its
    learnt threshold) that never saw it."""
    check_examples(examples)
    x = embedder.embed([e.text for e in examples])
    labels = [e.label for e in examples]
    fold_of = fold_assignment(labels, folds, seed)
    predicted = [""] * len(examples)
    gated = can_gate(labels)
    decided: list = [None] * len(examples)
    gate_p = np.ones(len(examples))
    gate_t = np.zeros(len(examples))
    for f in range(folds):
        test = np.flatnonzero(fold_of == f)
        train_idx = np.flatnonzero(fold_of != f)
        if not len(test):
            continue
        train_labels = [labels[i] for i in train_idx]
        model = fit(x[train_idx], train_labels, embedder=embedder.name, options=options)
        for i, p in zip(test, model.predict(x[test])):
            predicted[i] = p.label
        if gated and can_gate(train_labels):
            model = replace(model, gate=fit_gate(x[train_idx], train_labels, options=options, seed=seed))
            gate_p[test] = model.gate.probabilities(x[test])
            gate_t[test] = model.gate.threshold
        for i, d in zip(test, model.decide(x[test], threshold)):
            decided[i] = d
    right = sum(p == y for p, y in zip(predicted, labels))
    f1s = []
    for lab in sorted(set(labels)):
        tp = sum(p == y == lab for p, y in zip(predicted, labels))
        n_sys = sum(p == lab for p in predicted)
        n_gold = sum(y == lab for y in labels)
        f1s.append((lab, round(2 * tp / (n_sys + n_gold), 4) if n_sys + n_gold else 0.0))
    figures = None
    if gated:
        is_event = np.array([is_event_label(y) for y in labels])
        passed = gate_p >= gate_t
        figures = GateFigures(
            events=int(is_event.sum()), no_events=int((~is_event).sum()),
            events_passed=int((passed & is_event).sum()), no_events_passed=int((passed & ~is_event).sum()),
            auc=round(auc(gate_p, is_event), 4), threshold=threshold,
            proposed=sum(1 for d, e in zip(decided, is_event) if d is not None and e),
            proposed_right=sum(1 for d, y in zip(decided, labels) if d is not None and d.label == y),
            no_events_proposed=sum(1 for d, e in zip(decided, is_event) if d is not None and not e),
        )
    return CrossValidation(
        folds=folds,
        examples=len(examples),
        accuracy=round(right / len(examples), 4),
        macro_f1=round(sum(f for _, f in f1s) / len(f1s), 4),
        per_label_f1=tuple(f1s),
        gate=figures,
    )
