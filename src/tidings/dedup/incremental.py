"""Add new mentions to a store's clusters so the result equals clustering everything at once.

Only the link-graph components that touch a new mention can change.  They are
found by a search that follows links, not blocks: starting from the new
mentions, each mention reached is scored against the stored (and new)
mentions of its block whose dates can meet it (fetched from the store per
block and date window), and the mentions it links to are reached in turn.
So every link of every reached mention is scored, the components found are
exactly those of the full graph that contain a new mention, and pairs of
stored mentions outside them are never scored.  Those components are then
re-split from scratch (:func:`tidings.dedup.cluster.split_component`), which
depends only on their members: batches, kills and resumes cannot change the
outcome.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from tidings.dedup.cluster import LinkGraph, components, split_component
from tidings.dedup.rules import Profile, profile_of, times_allow
from tidings.dedup.summarize import claim_for, summarize
from tidings.store.base import BlockKey, ClaimRow, EventRow, MentionRow

__all__ = ["ClusterUpdate", "MentionSource", "plan_update"]

_SLACK = dt.timedelta(days=1)


class MentionSource(Protocol):
    """The part of an :class:`~tidings.store.base.EventStore` clustering reads."""

    def mentions_in_blocks(
        self, keys: Sequence[BlockKey], *, start: dt.date | None, end: dt.date | None
    ) -> list[MentionRow]: ...


@dataclass(frozen=True, slots=True)
class ClusterUpdate:
    """Rows to write: mentions with (new) event ids, replaced events and claims, events gone."""

    mentions: tuple[MentionRow, ...]
    events: tuple[EventRow, ...]
    claims: tuple[ClaimRow, ...]
    deleted_events: tuple[str, ...]


def _window(p: Profile) -> tuple[dt.date | None, dt.date | None]:
    """The stored dates a mention can meet (``None``: unbounded), with a day of slack."""
    m = p.mention
    start = m.date_start or m.article_date
    end = m.date_end or m.date_start or m.article_date
    if start is None or end is None:
        return None, None  # an undated mention meets every date: search the whole block
    return start - _SLACK, end + _SLACK


def _windows(ps: Sequence[Profile]) -> list[tuple[dt.date | None, dt.date | None]]:
    """The mentions' windows, overlapping ones merged (one store query each)."""
    spans = [_window(p) for p in ps]
    if any(s is None for s, _ in spans):
        return [(None, None)]
    out: list[list[dt.date]] = []
    for s, e in sorted(spans):  # type: ignore[type-var]
        if out and s <= out[-1][1]:  # type: ignore[operator]
            out[-1][1] = max(out[-1][1], e)  # type: ignore[type-var]
        else:
            out.append([s, e])  # type: ignore[list-item]
    return [(s, e) for s, e in out]


def touched_graph(store: MentionSource, new: Sequence[MentionRow]) -> LinkGraph:
    """The new mentions, the stored mentions linked to them (directly or through
    others), and every link among them."""
    g = LinkGraph(new)
    pool: dict[BlockKey, dict[str, Profile]] = defaultdict(dict)
    for i, p in g.profiles.items():
        pool[p.block][i] = p
    new_ids = set(g.profiles)
    fetched: dict[BlockKey, list[tuple[dt.date | None, dt.date | None]]] = defaultdict(list)
    reached = set(new_ids)
    frontier = sorted(new_ids)
    done: set[str] = set()
    while frontier:
        by_block: dict[BlockKey, list[Profile]] = defaultdict(list)
        for i in frontier:
            by_block[g.profiles[i].block].append(g.profiles[i])
        for key in sorted(by_block, key=lambda k: (k.actor_a, k.actor_b, k.root_class)):
            for start, end in _windows(by_block[key]):
                if any(_covers(w, (start, end)) for w in fetched[key]):
                    continue
                fetched[key].append((start, end))
                for m in store.mentions_in_blocks([key], start=start, end=end):
                    if m.mention_id not in pool[key] and m.mention_id not in new_ids:
                        pool[key][m.mention_id] = profile_of(m)
        nxt: set[str] = set()
        by_place, by_sentence = _anonymous_index(pool)
        for a in frontier:
            pa = g.profiles[a]
            if pa.anonymous:  # rule 6: only the same place or the same sentence
                same_sentence = by_sentence[(pa.block, pa.sentence_key)]
                cands = {**by_place[(pa.block, pa.place)], **same_sentence} if pa.place else same_sentence
            else:
                cands = pool[pa.block]
            for b, pb in cands.items():
                if b == a or b in done or not times_allow(pa.interval, pb.interval, pa.mention.article_id == pb.mention.article_id):
                    continue  # a pair with a mention already done was scored from that side
                if b not in g.profiles:
                    g.add(pb)
                g.score(a, b)
                if b in g.adjacent.get(a, ()) and b not in reached:
                    reached.add(b)
                    nxt.add(b)
            done.add(a)
        frontier = sorted(nxt)
    for i in set(g.profiles) - reached:
        del g.profiles[i]  # scored against a reached mention but linked to none: not in any component here
    return g


def _anonymous_index(
    pool: dict[BlockKey, dict[str, Profile]],
) -> tuple[dict[object, dict[str, Profile]], dict[object, dict[str, Profile]]]:
    """The anonymous mentions of the pool by (block, place) and by (block, sentence)."""
    by_place: dict[object, dict[str, Profile]] = defaultdict(dict)
    by_sentence: dict[object, dict[str, Profile]] = defaultdict(dict)
    for key, members in pool.items():
        if key.actor_a == key.actor_b == "-":
            for i, p in members.items():
                if p.place is not None:
                    by_place[(key, p.place)][i] = p
                by_sentence[(key, p.sentence_key)][i] = p
    return by_place, by_sentence


def _covers(w: tuple[dt.date | None, dt.date | None], x: tuple[dt.date | None, dt.date | None]) -> bool:
    (ws, we), (xs, xe) = w, x
    return (ws is None or (xs is not None and ws <= xs)) and (we is None or (xe is not None and xe <= we))


def component_rows(
    g: LinkGraph, comp: Iterable[str], new_ids: set[str]
) -> tuple[list[MentionRow], list[EventRow], list[ClaimRow]]:
    """The rows one linked component becomes: its events (split where it is only chained), their
    claims, and the mentions that are new or change event."""
    mentions: list[MentionRow] = []
    events: list[EventRow] = []
    claims: list[ClaimRow] = []
    for ids in split_component(g, comp):
        members = [g.mention(i) for i in ids]
        row = summarize(members)
        events.append(row)
        claim = claim_for(row, members)
        if claim is not None:
            claims.append(claim)
        mentions += [replace(m, event_id=row.event_id) for m in members
                     if m.mention_id in new_ids or m.event_id != row.event_id]
    return mentions, events, claims


def plan_update(store: MentionSource, new: Sequence[MentionRow]) -> ClusterUpdate:
    """What to write so ``new`` mentions join (and possibly merge or split) stored events."""
    if not new:
        return ClusterUpdate((), (), (), ())
    new_ids = {m.mention_id for m in new}
    g = touched_graph(store, new)
    mentions: list[MentionRow] = []
    events: list[EventRow] = []
    claims: list[ClaimRow] = []
    old_events: set[str] = set()
    for comp in components(g):
        old_events.update(g.mention(i).event_id for i in comp if i not in new_ids)
        rows = component_rows(g, comp, new_ids)
        mentions += rows[0]
        events += rows[1]
        claims += rows[2]
    kept = {e.event_id for e in events}
    return ClusterUpdate(
        mentions=tuple(sorted(mentions, key=lambda m: m.mention_id)),
        events=tuple(sorted(events, key=lambda e: e.event_id)),
        claims=tuple(sorted(claims, key=lambda c: c.claim_id)),
        deleted_events=tuple(sorted(old_events - kept - {""})),
    )
