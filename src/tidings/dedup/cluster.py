"""Cluster event mentions into real-world events.

The partition is a function of the *set* of mentions only, never of the order
they arrive in, so an incremental (batched, resumed) ingest ends with the same
events as one clean pass:

1. link graph: an edge between two mentions when :func:`tidings.dedup.rules.link_score`
   says they may be one event (symmetric, pairwise, so order-free);
2. each connected component of that graph is split deterministically: edges
   are taken strongest first (ties by mention ids) and two groups merge only
   when no pair across them is *incompatible* (different places, dates that do
   not meet, incompatible dyads, ...). This stops chains ``A~B~C`` from
   merging ``A`` and ``C`` when they cannot be one event;
3. an event's id is a hash of its smallest mention id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from tidings.dedup.rules import (
    Specifics,
    block_key,
    conflict,
    dates_overlap,
    dyad_compatible,
    link_score,
    root_class,
    specifics_of,
)
from tidings.store.base import BlockKey, MentionRow
from tidings.types import content_hash

__all__ = ["LinkGraph", "cluster_mentions", "components", "event_id_for", "link_graph", "split_component"]


def event_id_for(mention_ids: Iterable[str]) -> str:
    """The id of the event made of these mentions: stable while its smallest member stays."""
    return "ev" + content_hash(min(mention_ids))


def _compatible(m: MentionRow, n: MentionRow, sm: Specifics, sn: Specifics) -> bool:
    return (
        root_class(m.cameo) == root_class(n.cameo)
        and dyad_compatible(m, n)
        and dates_overlap(m, n)
        and not conflict(m, n, sm, sn)
    )


class LinkGraph:
    """Mentions, their specifics and the scored links between them."""

    def __init__(self, mentions: Sequence[MentionRow]) -> None:
        self.mentions = {m.mention_id: m for m in mentions}
        self.specifics = {i: specifics_of(m) for i, m in self.mentions.items()}
        self.edges: dict[tuple[str, str], float] = {}
        self.adjacent: dict[str, set[str]] = defaultdict(set)

    def add_edge(self, a: str, b: str, score: float) -> None:
        key = (a, b) if a < b else (b, a)
        self.edges[key] = score
        self.adjacent[a].add(b)
        self.adjacent[b].add(a)

    def compatible(self, a: str, b: str) -> bool:
        return _compatible(self.mentions[a], self.mentions[b], self.specifics[a], self.specifics[b])


def link_graph(mentions: Sequence[MentionRow]) -> LinkGraph:
    """All links among ``mentions`` (compared within their block only)."""
    g = LinkGraph(mentions)
    blocks: dict[BlockKey, list[str]] = defaultdict(list)
    for i, m in g.mentions.items():
        blocks[block_key(m)].append(i)
    for ids in blocks.values():
        ids.sort()
        for x, a in enumerate(ids):
            ma, sa = g.mentions[a], g.specifics[a]
            for b in ids[x + 1 :]:
                score = link_score(ma, g.mentions[b], sa, g.specifics[b])
                if score is not None:
                    g.add_edge(a, b, score)
    return g


def components(g: LinkGraph) -> list[list[str]]:
    """Connected components, each sorted, listed by their smallest id."""
    seen: set[str] = set()
    out: list[list[str]] = []
    for start in sorted(g.mentions):
        if start in seen:
            continue
        seen.add(start)
        stack, comp = [start], []
        while stack:
            cur = stack.pop()
            comp.append(cur)
            for nxt in g.adjacent.get(cur, ()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        out.append(sorted(comp))
    return out


def split_component(g: LinkGraph, comp: Sequence[str]) -> list[list[str]]:
    """Greedy, deterministic merge of one component: strongest links first, no incompatible pair."""
    if len(comp) == 1:
        return [list(comp)]
    members = set(comp)
    edges = sorted(
        ((s, a, b) for (a, b), s in g.edges.items() if a in members),
        key=lambda e: (-e[0], e[1], e[2]),
    )
    group = {i: i for i in comp}
    groups: dict[str, list[str]] = {i: [i] for i in comp}
    for _, a, b in edges:
        ga, gb = group[a], group[b]
        if ga == gb:
            continue
        if not all(g.compatible(x, y) for x in groups[ga] for y in groups[gb]):
            continue
        keep, drop = (ga, gb) if ga < gb else (gb, ga)
        groups[keep].extend(groups.pop(drop))
        for i in groups[keep]:
            group[i] = keep
    return sorted((sorted(v) for v in groups.values()), key=lambda v: v[0])


def cluster_mentions(mentions: Sequence[MentionRow]) -> list[list[MentionRow]]:
    """Partition ``mentions`` into events (each a list sorted by mention id)."""
    g = link_graph(mentions)
    out: list[list[MentionRow]] = []
    for comp in components(g):
        for ids in split_component(g, comp):
            out.append([g.mentions[i] for i in ids])
    return out
