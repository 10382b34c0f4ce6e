"""The cheaper clustering gives the same links and events as scoring every pair.

``link_graph`` only scores pairs of a block whose dates meet, and
``plan_update`` only follows links from the new mentions; both must find
exactly the links and events of the reference (``naive_link_graph``: every
pair of every block, then the whole set clustered at once).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tidings.dedup import cluster_mentions
from tidings.dedup.cluster import (
    components,
    link_graph,
    naive_link_graph,
    split_component,
)
from tidings.dedup.measure import hand_coded, load_corpus
from tidings.ingestion import store_coded
from tidings.store.base import MentionRow
from tidings.store.memory import MemoryStore
from tidings.store.synthetic import make_article, make_event

CORPUS = Path(__file__).resolve().parents[1] / "data" / "dedup" / "corpus.json"
DAY = dt.date(2025, 3, 1)
DYADS = [("USAGOV", "RUSGOV"), ("RUSGOV", "USAGOV"), ("RUSMIL", "UKR"), ("RUSGOV", "UKR"), ("RUS", "UKR"), ("USA", None)]
CODES = ["040", "042", "036", "190", "195", "010", "173"]
WORDS = ["talks", "strike", "meeting", "drones", "envoy", "ceasefire", "oil", "border"]


def _stream(seed: int, n_articles: int) -> list[tuple[object, list]]:
    """Articles of a few crowded blocks: short, month-long, year-long and publication dates, places."""
    rng = random.Random(seed)
    out = []
    for a in range(n_articles):
        aid = f"x{seed}-{a}"
        day = DAY + dt.timedelta(days=rng.randrange(6))
        evs = []
        for s in range(rng.randint(1, 3)):
            src, tgt = rng.choice(DYADS)
            start, end = day, day
            r = rng.random()
            if r < 0.15:
                start, end = day.replace(day=1), day.replace(day=28)
            elif r < 0.2:
                start, end = dt.date(2024, 1, 1), day
            place = rng.choice(["Kyiv", "Odesa", None, None])
            sentence = f"{src} {' '.join(rng.sample(WORDS, 3))}" + (f" in {place}" if place else "") + "."
            evs.append(
                make_event(aid, src, tgt, rng.choice(CODES), sentence=sentence, day=start, end=end, sentence_index=s,
                           place=place, geonameid={"Kyiv": 1, "Odesa": 2}.get(place or ""),
                           date_source=rng.choice(["text", "publication"]),
                           modality=rng.choice(["asserted", "asserted", "intended"]))
            )
        text = " ".join([aid, *(e.evidence.sentence for e in evs)])
        out.append((make_article(aid, text, date=day, source=f"o{a % 5}"), evs))
    return out


def _rows(coded: list) -> list[MentionRow]:
    return [MentionRow.from_event(e, article=a) for a, evs in coded for e in evs]


def _partition_of(rows: list[MentionRow]) -> set[frozenset[str]]:
    g = naive_link_graph(rows)
    return {frozenset(ids) for comp in components(g) for ids in split_component(g, comp)}


def _stored_partition(store: MemoryStore) -> set[frozenset[str]]:
    by_event: dict[str, set[str]] = {}
    for m in store.iter_mentions():
        by_event.setdefault(m.event_id, set()).add(m.mention_id)
    return {frozenset(v) for v in by_event.values()}


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=1, max_value=7))
def test_sweep_and_incremental_equal_every_pair_scored(seed: int, batch: int) -> None:
    coded = _stream(seed, 24)
    rows = _rows(coded)
    assert link_graph(rows).edges == naive_link_graph(rows).edges
    expected = _partition_of(rows)
    assert {frozenset(m.mention_id for m in c) for c in cluster_mentions(rows)} == expected
    store = MemoryStore()
    for k in range(0, len(coded), batch):
        store_coded(store, coded[k : k + batch])
    assert _stored_partition(store) == expected


def test_the_corpus_clusters_as_with_every_pair_scored() -> None:
    articles, labels = load_corpus(CORPUS)
    coded = hand_coded(articles, labels)
    rows = _rows(coded)
    assert link_graph(rows).edges == naive_link_graph(rows).edges
    store = MemoryStore()
    for pair in coded:
        store_coded(store, [pair])
    assert _stored_partition(store) == _partition_of(rows)
