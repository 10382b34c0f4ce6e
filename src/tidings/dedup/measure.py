"""Measure the clustering of mentions into events: pairwise precision and recall.

The corpus (``tests/data/dedup/corpus.json``, format in docs/store.md) holds
articles and labels; a label names one event mention by a snippet of its
sentence and gives its gold event id and a hand coding.  Two runs:

* ``--coder hand``: the hand codings become the mentions (a perfect coder):
  this measures the clustering rules alone;
* ``--coder real``: :class:`tidings.coder.Coder` codes the articles; each coded
  mention in a labelled sentence whose CAMEO root class is the label's takes
  that label's gold event; other mentions (unlabelled sentences, other codes)
  are left out: they are coder errors or other events, not clustering
  errors.  This measures the whole pipeline.

Articles are added one at a time, as ``tidings ingest`` does.  A pair of
mentions counts when they come from different sentences; it is *predicted*
when both are in one event and *gold* when both carry the same gold event.

    python -m tidings.dedup.measure tests/data/dedup/corpus.json --coder hand
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidings.dedup.rules import root_class
from tidings.ingestion import store_coded
from tidings.store.memory import MemoryStore
from tidings.store.synthetic import make_event
from tidings.types import Article, Event

__all__ = ["Label", "Scores", "hand_coded", "load_corpus", "main", "measure", "pairwise"]


@dataclass(frozen=True, slots=True)
class Label:
    article: str
    snippet: str
    event: str
    source: str | None
    target: str | None
    cameo: str
    date: str
    place: str | None
    modality: str = "asserted"


@dataclass(frozen=True, slots=True)
class Scores:
    mentions: int
    gold_events: int
    predicted_events: int
    true_pairs: int
    predicted_pairs: int
    gold_pairs: int

    @property
    def precision(self) -> float:
        return self.true_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.true_pairs / self.gold_pairs if self.gold_pairs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_corpus(path: str | Path) -> tuple[list[Article], list[Label]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    articles = [
        Article(
            id=a["id"],
            text=a["text"],
            date=dt.date.fromisoformat(a["date"]),
            title=a.get("title"),
            source=a.get("source"),
            origin=f"{path}#{a['id']}",
        )
        for a in data["articles"]
    ]
    labels = [Label(**lab) for lab in data["labels"]]
    return articles, labels


def _span(label: Label, article: Article) -> tuple[int, int]:
    start = article.text.find(label.snippet)
    if start < 0:
        raise ValueError(f"label snippet {label.snippet!r} not in article {article.id}")
    return start, start + len(label.snippet)


def hand_coded(articles: Sequence[Article], labels: Sequence[Label]) -> list[tuple[Article, list[Event]]]:
    """The labels as coded mentions (text dates, the labelled place)."""
    by_id = {a.id: a for a in articles}
    events: dict[str, list[Event]] = {a.id: [] for a in articles}
    for lab in labels:
        art = by_id[lab.article]
        start, _ = _span(lab, art)
        end_sentence = art.text.find(". ", start)
        sentence = art.text[start : end_sentence + 1 if end_sentence > 0 else len(art.text)]
        first, _, last = lab.date.partition("/")
        events[art.id].append(
            make_event(
                art.id,
                lab.source,
                lab.target,
                lab.cameo,
                sentence=sentence,
                day=first,
                end=last or first,
                sentence_index=len(events[art.id]),
                modality=lab.modality,
                place=lab.place,
                geonameid=None,
                offset=start,
            )
        )
    return [(a, events[a.id]) for a in articles]


def pairwise(assigned: Sequence[tuple[str, str, str]]) -> tuple[int, int, int]:
    """(true, predicted, gold) pair counts over (sentence key, predicted event, gold event) triples."""
    true = pred = gold = 0
    for (s1, p1, g1), (s2, p2, g2) in itertools.combinations(assigned, 2):
        if s1 == s2:
            continue
        same_p, same_g = p1 == p2, g1 == g2
        pred += same_p
        gold += same_g
        true += same_p and same_g
    return true, pred, gold


def measure(
    articles: Sequence[Article],
    labels: Sequence[Label],
    coded: Sequence[tuple[Article, Sequence[Event]]],
) -> tuple[Scores, list[dict[str, Any]]]:
    """Cluster ``coded`` article by article and score it against the labels."""
    store = MemoryStore()
    for pair in coded:
        store_coded(store, [pair])
    by_id = {a.id: a for a in articles}
    spans = [(lab, *_span(lab, by_id[lab.article])) for lab in labels]
    assigned: list[tuple[str, str, str]] = []
    rows: list[dict[str, Any]] = []
    for m in store.iter_mentions():
        gold = next(
            (lab for lab, s, _ in spans if lab.article == m.article_id and m.evidence_start <= s < m.evidence_end), None
        )
        if gold is None or root_class(gold.cameo) != root_class(m.cameo):
            continue  # not the labelled event (another event in the sentence, or a coder error)
        key = f"{m.article_id}:{m.evidence_start}"
        assigned.append((key, m.event_id, gold.event))
        rows.append(
            {
                "gold": gold.event,
                "event": m.event_id,
                "article": m.article_id,
                "dyad": f"{m.source_code}>{m.target_code}",
                "cameo": m.cameo,
                "date": f"{m.date_start}..{m.date_end}",
                "place": m.place_name,
                "sentence": m.sentence[:70],
            }
        )
    true, pred, gold = pairwise(assigned)
    predicted_events = len({e for _, e, _ in assigned})
    scores = Scores(len(assigned), len({g for _, _, g in assigned}), predicted_events, true, pred, gold)
    rows.sort(key=lambda r: (r["gold"], r["event"], r["article"]))
    return scores, rows


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tidings.dedup.measure", description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", help="the labelled corpus (JSON)")
    ap.add_argument("--coder", choices=["hand", "real"], default="hand")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every mention with its gold and predicted event")
    args = ap.parse_args(argv)
    articles, labels = load_corpus(args.corpus)
    if args.coder == "hand":
        coded = hand_coded(articles, labels)
    else:
        from tidings import default_coder

        coded = list(default_coder().code_articles(articles, batch_size=16))
    scores, rows = measure(articles, labels, coded)
    if args.verbose:
        for r in rows:
            print(
                f"{r['gold']:4} {r['event'][:10]} {r['article']:9} {r['dyad']:15} {r['cameo']} {r['date']:22} "
                f"{(r['place'] or '-'):10} {r['sentence']}"
            )
    print(
        f"coder={args.coder} labelled mentions={scores.mentions} gold events={scores.gold_events} "
        f"predicted events={scores.predicted_events}"
    )
    print(f"pairs: true={scores.true_pairs} predicted={scores.predicted_pairs} gold={scores.gold_pairs}")
    print(f"pairwise precision={scores.precision:.3f} recall={scores.recall:.3f} F1={scores.f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
