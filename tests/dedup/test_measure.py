"""The written de-duplication corpus: hand-coded mentions cluster into the gold events, in any order."""

from __future__ import annotations

import random
from pathlib import Path

from tidings.dedup import cluster_mentions
from tidings.dedup.measure import hand_coded, load_corpus, measure, pairwise
from tidings.ingestion import store_coded
from tidings.store.base import MentionRow
from tidings.store.memory import MemoryStore

CORPUS = Path(__file__).resolve().parents[1] / "data" / "dedup" / "corpus.json"


def test_pairwise_counts() -> None:
    # s1, s2 same gold and same prediction; s3 gold-different but predicted-same; s4 alone
    got = pairwise([("s1", "p", "g"), ("s2", "p", "g"), ("s3", "p", "h"), ("s4", "q", "g"), ("s1", "p", "g")])
    # pairs across sentences: (1,2) tp; (1,3) fp; (1,4) fn; (2,3) fp; (2,4) fn; (3,4) -; (2,1') tp; (3,1') fp; (4,1') fn
    assert got == (2, 5, 5)


def test_hand_coded_corpus_clusters_into_gold_events() -> None:
    articles, labels = load_corpus(CORPUS)
    assert len({lab.event for lab in labels}) >= 15 and len(articles) >= 12
    scores, rows = measure(articles, labels, hand_coded(articles, labels))
    assert scores.mentions == len(labels)
    assert scores.precision >= 0.9 and scores.recall >= 0.9, rows
    # the distinct-but-similar pairs stay apart: same day other town, same town other day
    event_of = {(r["gold"], r["article"]): r["event"] for r in rows}
    assert event_of[("E1", "kw-0304")] != event_of[("E2", "kw-0304")]
    assert event_of[("E1", "kw-0304")] != event_of[("E8", "dm-0305")]
    assert event_of[("E3", "lc-0303")] != event_of[("E4", "lc-0303")]
    assert event_of[("E5", "ad-0305")] != event_of[("E10", "ad-0305")]


def test_article_order_does_not_change_the_events() -> None:
    articles, labels = load_corpus(CORPUS)
    coded = hand_coded(articles, labels)
    once = {
        frozenset(m.mention_id for m in c)
        for c in cluster_mentions([MentionRow.from_event(e, article=a) for a, evs in coded for e in evs])
    }
    for seed in range(3):
        order = coded[:]
        random.Random(seed).shuffle(order)
        store = MemoryStore()
        for k in range(0, len(order), 1 + seed):
            store_coded(store, order[k : k + 1 + seed])
        groups: dict[str, set[str]] = {}
        for m in store.iter_mentions():
            groups.setdefault(m.event_id, set()).add(m.mention_id)
        assert {frozenset(g) for g in groups.values()} == once
