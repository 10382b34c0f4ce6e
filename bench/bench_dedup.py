"""Benchmark: clustering cost per batch as the store grows, against the old algorithm.

    .venv/bin/python bench/bench_dedup.py [--articles 1200] [--batch 16] [--seed 7]
    .venv/bin/python bench/bench_dedup.py --corpus ../shared/corpus/news-817.jsonl --cache /tmp/news817.pkl

Writes a reproducible synthetic stream of articles (each reports 4 events of
its day; every event is reported by 1-4 articles of different outlets, in
other words; a few big dyads, so blocks are crowded as in real news), and
ingests it batch by batch into an in-memory store twice:

* ``new``: :func:`tidings.dedup.plan_update` (follows links from the new
  mentions; pairs scored only within a block when their dates meet);
* ``old``: the algorithm before it (kept here as the reference): every stored
  mention of the block within the chained date windows of the new ones is
  fetched, and every pair among them scored with ``rules.link_score``.

``--corpus ../shared/corpus/news-817.jsonl --cache /tmp/news817.pkl`` runs the
same on a real corpus, coded once (the pickle keeps the coded articles).

Prints the time per slice of batches (so the growth with store size shows),
the pairs scored, and checks that both give the same events.  Also times a
one-pass link graph (the engines' path, :func:`tidings.dedup.cluster_mentions`)
against ``naive_link_graph`` (every pair of a block, on profiles) and the old one.  Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from typing import Self

from tidings.dedup import cluster as cl
from tidings.dedup import rules
from tidings.dedup.cluster import (
    components,
    link_graph,
    naive_link_graph,
)
from tidings.dedup.incremental import ClusterUpdate, component_rows, plan_update
from tidings.dedup.rules import block_key
from tidings.store.base import ArticleRow, BlockKey, MentionRow, WriteBatch
from tidings.store.memory import MemoryStore
from tidings.store.synthetic import make_article, make_event

DYADS = [("USAGOV", "RUSGOV"), ("RUSMIL", "UKR"), ("ISRMIL", "PSE"), ("CHNGOV", "USAGOV"), ("IRNGOV", "USA"),
         ("UKRGOV", "RUSGOV"), ("INDGOV", "PAKGOV"), ("TURGOV", "SYR"), ("NGACOP", "NGAOPP"), ("SRBCOP", "SRBOPP")]
CODES = ["040", "042", "190", "195", "111", "163", "173", "141", "036", "057", "010", "112"]
PLACES = [("Kyiv", 1), ("Kharkiv", 2), ("Odesa", 3), ("Gaza", 4), ("Geneva", 5), ("Lagos", 6), ("Belgrade", 7), (None, None)]
WORDS = ["talks", "strike", "attack", "meeting", "sanctions", "protest", "arrest", "agreement", "drones", "border", "envoy", "ceasefire", "oil", "fuel"]
OUTLETS = [f"outlet{i}" for i in range(12)]


def stream(n_articles: int, seed: int) -> list[list[MentionRow]]:
    """Articles (as their mention rows), in publication order."""
    rng = random.Random(seed)
    day0 = dt.date(2025, 1, 1)
    per_day = 24
    articles: list[list[MentionRow]] = []
    pending: dict[int, list[tuple]] = defaultdict(list)  # day -> events still to report
    for a in range(n_articles):
        day_n = a // per_day
        day = day0 + dt.timedelta(days=day_n)
        if not pending[day_n]:
            for e in range(per_day * 4 // 3):
                w = 1 + int(2.5 * rng.random() ** 2 * len(DYADS)) % len(DYADS)
                src, tgt = DYADS[min(w - 1, len(DYADS) - 1)]
                place, gid = rng.choice(PLACES)
                words = rng.sample(WORDS, 4)
                pending[day_n].extend([(src, tgt, rng.choice(CODES), place, gid, words, e)] * rng.randint(1, 4))
            rng.shuffle(pending[day_n])
        aid = f"a{a:05d}"
        outlet = OUTLETS[a % len(OUTLETS)]
        rows = []
        for s in range(4):
            if not pending[day_n]:
                break
            src, tgt, code, place, gid, words, e = pending[day_n].pop()
            extra = rng.sample(WORDS, 2)
            sentence = f"{src} and {tgt} {' '.join(words[:3])} {' '.join(extra)}" + (f" in {place}" if place else "") + "."
            start, end, source = day, day, rng.choice(["text", "publication"])
            r = rng.random()
            if r < 0.05:  # "in February": a month
                start, end, source = day.replace(day=1), day.replace(day=28), "text"
            elif r < 0.06:  # "since 2022", "in 2024": a year or more
                start, end, source = dt.date(day.year - 1, 1, 1), day, "text"
            ev = make_event(aid, src, tgt, code, sentence=sentence, day=start, end=end, sentence_index=s, place=place,
                            geonameid=gid, date_source=source)
            art = make_article(aid, sentence, date=day, source=outlet)
            rows.append(MentionRow.from_event(ev, article=art))
        articles.append(rows)
    return articles


# -- the old algorithm (before this change), the reference -----------------------------------------

_SLACK = dt.timedelta(days=1)


def _old_span(ms: Sequence[MentionRow]) -> tuple[dt.date | None, dt.date | None]:
    starts = [m.date_start or m.article_date for m in ms]
    ends = [m.date_end or m.date_start or m.article_date for m in ms]
    if any(s is None for s in starts) or any(e is None for e in ends):
        return None, None
    return min(s for s in starts if s) - _SLACK, max(e for e in ends if e) + _SLACK


def _old_neighbourhood(store: MemoryStore, new: Sequence[MentionRow]) -> dict[str, MentionRow]:
    found: dict[str, MentionRow] = {}
    frontier: list[MentionRow] = list(new)
    new_ids = {m.mention_id for m in new}
    while frontier:
        by_block: dict[BlockKey, list[MentionRow]] = defaultdict(list)
        for m in frontier:
            by_block[block_key(m)].append(m)
        frontier = []
        for key in sorted(by_block, key=lambda k: (k.actor_a, k.actor_b, k.root_class)):
            start, end = _old_span(by_block[key])
            for m in store.mentions_in_blocks([key], start=start, end=end):
                if m.mention_id not in found and m.mention_id not in new_ids:
                    found[m.mention_id] = m
                    frontier.append(m)
    return found


class Tally:
    n = 0


TALLY = Tally()


def old_link_graph(mentions: Sequence[MentionRow]) -> cl.LinkGraph:
    """Every pair of a block, with :func:`rules.link_score` on the rows (intervals,
    root classes recomputed per pair; every mention's specifics computed)."""
    g = cl.LinkGraph(mentions)
    spec = {i: rules.specifics_of(p.mention) for i, p in g.profiles.items()}
    blocks: dict[BlockKey, list[str]] = defaultdict(list)
    for i, p in g.profiles.items():
        blocks[block_key(p.mention)].append(i)
    for ids in blocks.values():
        ids.sort()
        for x, a in enumerate(ids):
            for b in ids[x + 1 :]:
                TALLY.n += 1
                s = rules.link_score(g.mention(a), g.mention(b), spec[a], spec[b])
                if s is not None:
                    g.add_edge(a, b, s)
    return g


def old_plan_update(store: MemoryStore, new: Sequence[MentionRow]) -> ClusterUpdate:
    stored = _old_neighbourhood(store, new)
    new_ids = {m.mention_id for m in new}
    g = old_link_graph([*stored.values(), *new])
    mentions, events, claims, old_events = [], [], [], set()
    for comp in components(g):
        if not new_ids.intersection(comp):
            continue
        old_events.update(stored[i].event_id for i in comp if i in stored)
        rows = component_rows(g, comp, new_ids)
        mentions += rows[0]
        events += rows[1]
        claims += rows[2]
    kept = {e.event_id for e in events}
    return ClusterUpdate(tuple(mentions), tuple(events), tuple(claims), tuple(sorted(old_events - kept - {""})))


# -- running ------------------------------------------------------------------------------------------


class Counter:
    """Counts the pairs looked at (wraps LinkGraph.score)."""

    def __init__(self) -> None:
        self.n = 0
        self._orig = cl.LinkGraph.score

    def __enter__(self) -> Self:
        orig = self._orig

        def counted(graph: cl.LinkGraph, a: str, b: str) -> None:
            self.n += 1
            orig(graph, a, b)

        cl.LinkGraph.score = counted  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        cl.LinkGraph.score = self._orig  # type: ignore[method-assign]


def run(articles: list[list[MentionRow]], batch: int, planner: Callable, slices: int) -> tuple[MemoryStore, list[float], int]:
    store = MemoryStore()
    times: list[float] = []
    per_slice = max(1, len(articles) // batch // slices)
    t_slice = 0.0
    TALLY.n = 0
    with Counter() as counter:
        for b, i in enumerate(range(0, len(articles), batch)):
            chunk = articles[i : i + batch]
            new = [m for rows in chunk for m in rows]
            t0 = time.perf_counter()
            update = planner(store, new)
            t_slice += time.perf_counter() - t0
            arts = tuple(ArticleRow.from_article(make_article(rows[0].article_id, " ".join([rows[0].article_id, *(m.sentence for m in rows)]), date=rows[0].article_date,
                                                              source=rows[0].article_source), num_mentions=len(rows))
                         for rows in chunk if rows)
            store.write_batch(WriteBatch(articles=arts, mentions=update.mentions, events=update.events,
                                         deleted_events=update.deleted_events, actors=(), claims=update.claims))
            if (b + 1) % per_slice == 0:
                times.append(t_slice)
                t_slice = 0.0
    if t_slice:
        times.append(t_slice)
    return store, times, counter.n + TALLY.n


def partition(store: MemoryStore) -> set[frozenset[str]]:
    by_event: dict[str, set[str]] = defaultdict(set)
    for m in store.iter_mentions():
        by_event[m.event_id].add(m.mention_id)
    return {frozenset(v) for v in by_event.values()}


def coded_corpus(path: str, cache: str | None, limit: int) -> list[list[MentionRow]]:
    """The mentions of a real corpus (e.g. ../shared/corpus/news-817.jsonl), coded once and
    kept in ``cache`` (a pickle) so later runs time the clustering only."""
    import pickle

    if cache and Path(cache).exists():
        coded = pickle.loads(Path(cache).read_bytes())
    else:
        from tidings import default_coder
        from tidings.ingest.readers import read_path
        from tidings.types import Article

        arts = [a for a in read_path(Path(path)) if isinstance(a, Article)]
        t0 = time.perf_counter()
        coded = [(a, list(evs)) for a, evs in default_coder().code_articles(arts, batch_size=16)]
        print(f"coded {len(arts)} articles in {time.perf_counter() - t0:.0f} s")
        if cache:
            Path(cache).write_bytes(pickle.dumps(coded))
    out = []
    for a, evs in coded[:limit]:
        rows = {e.event_id: MentionRow.from_event(e, article=a) for e in evs}
        if rows:
            out.append(sorted(rows.values(), key=lambda m: m.mention_id))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1200)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--slices", type=int, default=5)
    ap.add_argument("--corpus", help="a real corpus (JSONL) instead of the synthetic stream; --articles limits it")
    ap.add_argument("--cache", help="with --corpus: pickle of the coded corpus (written on the first run)")
    ap.add_argument("--no-old", action="store_true", help="time the new algorithm only (the old one is quadratic)")
    args = ap.parse_args()
    if args.corpus:
        articles = coded_corpus(args.corpus, args.cache, args.articles)
        seen: set[str] = set()
        for rows in articles:  # the same mention id twice (a repeated article) is stored once
            rows[:] = [m for m in rows if m.mention_id not in seen]
            seen.update(m.mention_id for m in rows)
        articles = [rows for rows in articles if rows]
    else:
        articles = stream(args.articles, args.seed)
    n = sum(len(a) for a in articles)
    print(f"{len(articles)} articles with mentions, {n} mentions, batches of {args.batch} articles")
    results = {}
    planners = [("new", plan_update)] + ([] if args.no_old else [("old", old_plan_update)])
    for name, planner in planners:
        t0 = time.perf_counter()
        store, times, pairs = run(articles, args.batch, planner, args.slices)
        total = time.perf_counter() - t0
        results[name] = partition(store)
        print(f"{name}: clustering {sum(times):7.2f} s (total with store writes {total:.2f} s), {pairs:,} pairs scored; "
              f"per slice of {len(articles) // args.slices} articles: " + " ".join(f"{t:.2f}" for t in times))
    same = results["new"] == results.get("old", results["new"])
    print(f"events: new {len(results['new'])}, old {len(results.get('old', ()))}; same partition: {same}")
    rows = [m for a in articles for m in a]
    for name, fn in (("sweep", link_graph), ("naive", naive_link_graph), ("old", old_link_graph)):
        TALLY.n = 0
        with Counter() as counter:
            t0 = time.perf_counter()
            g = fn(rows)
            dt_ = time.perf_counter() - t0
        print(f"one pass {name:5}: link graph {dt_:.2f} s, {counter.n + TALLY.n:,} pairs scored, {len(g.edges):,} links")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
