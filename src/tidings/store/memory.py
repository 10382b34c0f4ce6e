"""An in-memory :class:`~tidings.store.base.EventStore` for tests.

Behaves like the DuckDB store (same filters, same orders, same atomic
batches); nothing persists.  Query semantics are documented in docs/store.md.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence

from tidings.errors import StoreError
from tidings.store.base import (
    ActorRow,
    ActorSummary,
    ArticleDetail,
    ArticleRow,
    BlockKey,
    ClaimRow,
    EventDetail,
    EventQuery,
    EventRow,
    MentionRow,
    PartnerCount,
    Period,
    SeriesPoint,
    StoreCounts,
    WriteBatch,
    actor_matches,
    merge_actor,
    series_points,
)

__all__ = ["MemoryStore", "block_key_of", "event_matches", "sort_events"]


def block_key_of(m: MentionRow) -> BlockKey:
    """The block a mention is clustered in (same function the dedup package uses)."""
    from tidings.dedup.rules import block_key  # local: dedup imports store.base

    return block_key(m)


def _dyad_ok(e: EventRow, a: str, b: str, directed: bool) -> bool:
    if actor_matches(e.source_code, a) and actor_matches(e.target_code, b):
        return True
    return not directed and actor_matches(e.source_code, b) and actor_matches(e.target_code, a)


def event_matches(e: EventRow, q: EventQuery) -> bool:
    """Whether event ``e`` passes the filters of ``q`` (the reference semantics)."""
    if q.actor and not (actor_matches(e.source_code, q.actor) or actor_matches(e.target_code, q.actor)):
        return False
    if q.source and not actor_matches(e.source_code, q.source):
        return False
    if q.target and not actor_matches(e.target_code, q.target):
        return False
    if q.dyad and not _dyad_ok(e, q.dyad[0], q.dyad[1], q.directed):
        return False
    if q.code and not e.cameo.startswith(q.code):
        return False
    if q.plover and (e.plover_event or "").upper() != q.plover.upper():
        return False
    if q.quad_class is not None and e.quad_class != q.quad_class:
        return False
    if q.modality and e.modality != q.modality:
        return False
    if q.since and (e.date_start is None or e.date_start < q.since):
        return False
    if q.until and (e.date_start is None or e.date_start > q.until):
        return False
    return e.num_mentions >= q.min_mentions


_MIN_DATE = dt.date.min


def sort_events(rows: list[EventRow], order: str) -> list[EventRow]:
    """Order rows as the stores do; ties always broken by event_id."""
    if order == "date":
        return sorted(rows, key=lambda e: (e.date_start or _MIN_DATE, e.event_id))
    if order == "-date":
        rows = sorted(rows, key=lambda e: e.event_id)
        return sorted(rows, key=lambda e: e.date_start or _MIN_DATE, reverse=True)
    if order == "mentions":
        return sorted(rows, key=lambda e: (-e.num_mentions, e.date_start or _MIN_DATE, e.event_id))
    raise StoreError(f"unknown order {order!r}", code="E501", hint="use date, -date or mentions")


class MemoryStore:
    """Dict-backed store; ``write_batch`` is all-or-nothing."""

    def __init__(self, *, read_only: bool = False) -> None:
        self.read_only = read_only
        self._articles: dict[str, ArticleRow] = {}
        self._hashes: dict[str, str] = {}
        self._mentions: dict[str, MentionRow] = {}
        self._events: dict[str, EventRow] = {}
        self._actors: dict[str, ActorRow] = {}
        self._claims: dict[str, ClaimRow] = {}
        #: mention ids per clustering block (a mention's block never changes: it is its codes)
        self._blocks: dict[BlockKey, set[str]] = {}

    # ------------------------------------------------------------------ writing
    def known_text_hashes(self, hashes: Sequence[str]) -> frozenset[str]:
        return frozenset(h for h in hashes if h in self._hashes)

    def known_article_ids(self, ids: Sequence[str]) -> frozenset[str]:
        return frozenset(i for i in ids if i in self._articles)

    def mentions_in_blocks(
        self, keys: Sequence[BlockKey], *, start: dt.date | None, end: dt.date | None
    ) -> list[MentionRow]:
        out = []
        for i in {i for k in set(keys) for i in self._blocks.get(k, ())}:
            m = self._mentions[i]
            if start and m.date_end and m.date_end < start:
                continue
            if end and m.date_start and m.date_start > end:
                continue
            out.append(m)
        return sorted(out, key=lambda m: m.mention_id)

    def mentions_of_events(self, event_ids: Sequence[str]) -> list[MentionRow]:
        wanted = set(event_ids)
        return sorted((m for m in self._mentions.values() if m.event_id in wanted), key=lambda m: m.mention_id)

    def write_batch(self, batch: WriteBatch) -> None:
        if self.read_only:
            raise StoreError("the store is open read-only", code="E401", hint="open it without read_only")
        articles = dict(self._articles)
        hashes = dict(self._hashes)
        for a in batch.articles:
            if a.text_hash in hashes and hashes[a.text_hash] != a.id:
                raise StoreError(f"article {a.id}: same text as stored article {hashes[a.text_hash]}", code="E402")
            articles[a.id] = a
            hashes[a.text_hash] = a.id
        mentions = dict(self._mentions)
        for m in batch.mentions:
            if m.article_id not in articles:
                raise StoreError(f"mention {m.mention_id}: unknown article {m.article_id}", code="E403")
            mentions[m.mention_id] = m
        events = dict(self._events)
        for eid in batch.deleted_events:
            events.pop(eid, None)
        for e in batch.events:
            events[e.event_id] = e
        touched = set(batch.deleted_events) | {e.event_id for e in batch.events}
        claims = {k: c for k, c in self._claims.items() if c.event_id not in touched}
        for c in batch.claims:
            claims[c.claim_id] = c
        actors = dict(self._actors)
        for r in batch.actors:
            actors[r.code] = merge_actor(actors.get(r.code), r)
        fresh = [m for m in batch.mentions if m.mention_id not in self._mentions]
        # commit
        for m in fresh:
            self._blocks.setdefault(block_key_of(m), set()).add(m.mention_id)
        self._articles, self._hashes, self._mentions = articles, hashes, mentions
        self._events, self._claims, self._actors = events, claims, actors

    # ------------------------------------------------------------------ reading
    def counts(self) -> StoreCounts:
        return StoreCounts(
            articles=len(self._articles),
            mentions=len(self._mentions),
            events=len(self._events),
            actors=len(self._actors),
            claims=len(self._claims),
        )

    def _select(self, query: EventQuery) -> list[EventRow]:
        return sort_events([e for e in self._events.values() if event_matches(e, query)], query.order)

    def query_events(self, query: EventQuery) -> list[EventRow]:
        rows = self._select(query)[query.offset :]
        return rows if query.limit is None else rows[: query.limit]

    def count_events(self, query: EventQuery) -> int:
        return sum(1 for e in self._events.values() if event_matches(e, query))

    def iter_events(self, query: EventQuery) -> Iterator[EventRow]:
        yield from self._select(query)

    def iter_mentions(self) -> Iterator[MentionRow]:
        yield from sorted(self._mentions.values(), key=lambda m: m.mention_id)

    def iter_articles(self) -> Iterator[ArticleRow]:
        yield from sorted(self._articles.values(), key=lambda a: a.id)

    def get_event(self, event_id: str) -> EventDetail | None:
        e = self._events.get(event_id)
        if e is None:
            return None
        ms = sorted(
            (m for m in self._mentions.values() if m.event_id == event_id),
            key=lambda m: (m.article_date or _MIN_DATE, m.article_id, m.sentence_index, m.mention_id),
        )
        return EventDetail(event=e, mentions=tuple(ms))

    def get_article(self, article_id: str) -> ArticleDetail | None:
        a = self._articles.get(article_id)
        if a is None:
            return None
        ms = sorted(
            (m for m in self._mentions.values() if m.article_id == article_id),
            key=lambda m: (m.evidence_start, m.trigger_start, m.mention_id),
        )
        return ArticleDetail(article=a, mentions=tuple(ms))

    def actor_summary(self, code: str, *, top: int = 10) -> ActorSummary | None:
        rows = [
            e for e in self._events.values() if actor_matches(e.source_code, code) or actor_matches(e.target_code, code)
        ]
        if not rows:
            return None
        quads = [0, 0, 0, 0]
        partners: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
        as_source = as_target = 0
        for e in rows:
            if 1 <= e.quad_class <= 4:
                quads[e.quad_class - 1] += 1
            for mine, other in ((e.source_code, e.target_code), (e.target_code, e.source_code)):
                if actor_matches(mine, code) and other:
                    partners[other][0] += 1
                    partners[other][1] += e.goldstein
            as_source += actor_matches(e.source_code, code)
            as_target += actor_matches(e.target_code, code)
        ranked = sorted(partners.items(), key=lambda kv: (-kv[1][0], kv[0]))[:top]
        actor = self._actors.get(code.upper())
        dates = [e.date_start for e in rows if e.date_start]
        return ActorSummary(
            code=code.upper(),
            name=actor.name if actor else None,
            num_events=len(rows),
            as_source=as_source,
            as_target=as_target,
            quad_counts=(quads[0], quads[1], quads[2], quads[3]),
            goldstein_sum=round(sum(e.goldstein for e in rows), 6),
            first_date=min(dates) if dates else None,
            last_date=max(dates) if dates else None,
            top_partners=tuple(
                PartnerCount(
                    code=c,
                    name=self._actors[c].name if c in self._actors else None,
                    num_events=int(v[0]),
                    goldstein_sum=round(v[1], 6),
                )
                for c, v in ranked
            ),
        )

    def list_actors(self, *, prefix: str | None = None, limit: int = 100) -> list[ActorRow]:
        rows = sorted(
            (r for r in self._actors.values() if prefix is None or actor_matches(r.code, prefix)), key=lambda r: r.code
        )
        return rows[:limit]

    def dyad_series(
        self,
        a: str,
        b: str,
        *,
        by: Period = "week",
        directed: bool = False,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> list[SeriesPoint]:
        q = EventQuery(dyad=(a, b), directed=directed, since=since, until=until)
        return series_points((e for e in self._events.values() if event_matches(e, q)), by=by)

    def claims(self, *, status: str | None = None, limit: int | None = 100, offset: int = 0) -> list[ClaimRow]:
        rows = sorted(
            (c for c in self._claims.values() if status is None or c.status == status), key=lambda c: c.claim_id
        )
        rows = rows[offset:]
        return rows if limit is None else rows[:limit]

    def close(self) -> None:
        return None
