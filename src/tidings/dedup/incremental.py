"""Add new mentions to a store's clusters so the result equals clustering everything at once.

The events a mention can join are found by its block (unordered actor
countries + CAMEO root class) and its date interval; the search repeats with
every stored mention found until nothing new turns up, so each link-graph
component touching a new mention is complete.  Those components are then
re-split from scratch (:func:`tidings.dedup.cluster.split_component`), which
depends only on their members: batches, kills and resumes cannot change the
outcome.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from tidings.dedup.cluster import components, link_graph, split_component
from tidings.dedup.rules import block_key
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


def _span(ms: Sequence[MentionRow]) -> tuple[dt.date | None, dt.date | None]:
    starts = [m.date_start or m.article_date for m in ms]
    ends = [m.date_end or m.date_start or m.article_date for m in ms]
    if any(s is None for s in starts) or any(e is None for e in ends):
        return None, None  # an undated mention meets every date: search the whole block
    return min(s for s in starts if s) - _SLACK, max(e for e in ends if e) + _SLACK


def _neighbourhood(store: MentionSource, new: Sequence[MentionRow]) -> dict[str, MentionRow]:
    """Stored mentions that may be in the same component as a new one."""
    found: dict[str, MentionRow] = {}
    frontier: list[MentionRow] = list(new)
    new_ids = {m.mention_id for m in new}
    while frontier:
        by_block: dict[BlockKey, list[MentionRow]] = defaultdict(list)
        for m in frontier:
            by_block[block_key(m)].append(m)
        frontier = []
        for key in sorted(by_block, key=lambda k: (k.actor_a, k.actor_b, k.root_class)):
            start, end = _span(by_block[key])
            for m in store.mentions_in_blocks([key], start=start, end=end):
                if m.mention_id not in found and m.mention_id not in new_ids:
                    found[m.mention_id] = m
                    frontier.append(m)
    return found


def plan_update(store: MentionSource, new: Sequence[MentionRow]) -> ClusterUpdate:
    """What to write so ``new`` mentions join (and possibly merge or split) stored events."""
    if not new:
        return ClusterUpdate((), (), (), ())
    stored = _neighbourhood(store, new)
    new_ids = {m.mention_id for m in new}
    g = link_graph([*stored.values(), *new])
    mentions: list[MentionRow] = []
    events: list[EventRow] = []
    claims: list[ClaimRow] = []
    old_events: set[str] = set()
    for comp in components(g):
        if not new_ids.intersection(comp):
            continue  # untouched: its stored clustering stays as it is
        old_events.update(stored[i].event_id for i in comp if i in stored)
        for ids in split_component(g, comp):
            members = [g.mentions[i] for i in ids]
            row = summarize(members)
            events.append(row)
            claim = claim_for(row, members)
            if claim is not None:
                claims.append(claim)
            for m in members:
                if m.mention_id in new_ids or m.event_id != row.event_id:
                    mentions.append(replace(m, event_id=row.event_id))
    kept = {e.event_id for e in events}
    return ClusterUpdate(
        mentions=tuple(sorted(mentions, key=lambda m: m.mention_id)),
        events=tuple(sorted(events, key=lambda e: e.event_id)),
        claims=tuple(sorted(claims, key=lambda c: c.claim_id)),
        deleted_events=tuple(sorted(old_events - kept - {""})),
    )
