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

Cost: each mention's specifics, interval, root class and block are computed
once (:class:`tidings.dedup.rules.Profile`); pairs are only scored inside a
block, and inside a block only when their date intervals meet (a sweep over
the mentions sorted by start date).  :func:`naive_link_graph` scores every pair
of a block: it is the reference the sweep is tested and benchmarked against.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from tidings.dedup.rules import (
    Profile,
    Specifics,
    anonymous_apart,
    link_profiles,
    may_link,
    places_conflict,
    profile_of,
    specifics_of,
)
from tidings.store.base import BlockKey, MentionRow
from tidings.types import content_hash

__all__ = [
    "LinkGraph",
    "cluster_mentions",
    "components",
    "event_id_for",
    "link_graph",
    "naive_link_graph",
    "split_component",
]


def event_id_for(mention_ids: Iterable[str]) -> str:
    """The id of the event made of these mentions: stable while its smallest member stays."""
    return "ev" + content_hash(min(mention_ids))


class LinkGraph:
    """Mentions (as profiles), their specifics (computed when first needed) and the scored links."""

    def __init__(self, mentions: Sequence[MentionRow] = ()) -> None:
        self.profiles: dict[str, Profile] = {m.mention_id: profile_of(m) for m in mentions}
        self.specifics: dict[str, Specifics] = {}
        self.edges: dict[tuple[str, str], float] = {}
        self.adjacent: dict[str, set[str]] = defaultdict(set)

    @property
    def mentions(self) -> dict[str, MentionRow]:
        return {i: p.mention for i, p in self.profiles.items()}

    def mention(self, i: str) -> MentionRow:
        return self.profiles[i].mention

    def add(self, p: Profile) -> None:
        self.profiles[p.mention.mention_id] = p

    def specifics_of(self, i: str) -> Specifics:
        s = self.specifics.get(i)
        if s is None:
            s = self.specifics[i] = specifics_of(self.profiles[i].mention)
        return s

    def add_edge(self, a: str, b: str, score: float) -> None:
        key = (a, b) if a < b else (b, a)
        self.edges[key] = score
        self.adjacent[a].add(b)
        self.adjacent[b].add(a)

    def score(self, a: str, b: str) -> None:
        """Score the pair and keep the link if there is one."""
        pa, pb = self.profiles[a], self.profiles[b]
        if anonymous_apart(pa, pb) or not may_link(pa, pb):
            return
        s = link_profiles(pa, pb, self.specifics_of(a), self.specifics_of(b))
        if s is not None:
            self.add_edge(a, b, s)

    def compatible(self, a: str, b: str) -> bool:
        """Rules 1-4 (no similarity): whether the two may be in one event."""
        return may_link(self.profiles[a], self.profiles[b]) and not places_conflict(
            self.specifics_of(a), self.specifics_of(b)
        )


def _blocks(g: LinkGraph) -> dict[BlockKey, list[str]]:
    blocks: dict[BlockKey, list[str]] = defaultdict(list)
    for i, p in g.profiles.items():
        blocks[p.block].append(i)
    return blocks


def naive_link_graph(mentions: Sequence[MentionRow]) -> LinkGraph:
    """All links among ``mentions``, scoring every pair of a block (the reference)."""
    g = LinkGraph(mentions)
    for ids in _blocks(g).values():
        ids.sort()
        for x, a in enumerate(ids):
            for b in ids[x + 1 :]:
                g.score(a, b)
    return g


_NEVER = (dt.date.min, dt.date.max)


def sweep_pairs(profiles: Sequence[Profile]) -> Iterable[tuple[str, str]]:
    """The pairs of one block whose date intervals meet (an undated mention meets its own article's)."""
    by_article: dict[str, list[Profile]] = defaultdict(list)
    for p in profiles:
        by_article[p.mention.article_id].append(p)
    for ps in by_article.values():  # an undated mention with the others of its article
        for p in ps:
            if p.interval is None:
                a = p.mention.mention_id
                yield from sorted((a, q.mention.mention_id) for q in ps
                                  if q is not p and (q.interval is not None or a < q.mention.mention_id))
    dated = sorted((p.interval or _NEVER, p.mention.mention_id) for p in profiles if p.interval is not None)
    for x, ((_, end), a) in enumerate(dated):
        for (start, _), b in dated[x + 1 :]:
            if start > end:
                break  # sorted by start: no later interval meets this one
            yield a, b


def anonymous_groups(profiles: Sequence[Profile]) -> list[list[Profile]]:
    """The groups an anonymous block's mentions can link within (rule 6): one per place, one per sentence."""
    groups: dict[tuple[str, object], list[Profile]] = defaultdict(list)
    for p in profiles:
        if p.place is not None:
            groups[("place", p.place)].append(p)
        groups[("sentence", p.sentence_key)].append(p)
    return [v for v in groups.values() if len(v) > 1]


def link_graph(mentions: Sequence[MentionRow]) -> LinkGraph:
    """All links among ``mentions``: within a block (and, for anonymous mentions, a place or a
    sentence), pairs whose intervals meet."""
    g = LinkGraph(mentions)
    for key, ids in _blocks(g).items():
        profiles = [g.profiles[i] for i in ids]
        if key.actor_a != key.actor_b or key.actor_a != "-":
            for a, b in sweep_pairs(profiles):
                g.score(a, b)
            continue
        seen: set[tuple[str, str]] = set()  # a pair can share a place and a sentence
        for group in anonymous_groups(profiles):
            for a, b in sweep_pairs(group):
                pair = (a, b) if a < b else (b, a)
                if pair not in seen:
                    seen.add(pair)
                    g.score(a, b)
    return g


def components(g: LinkGraph) -> list[list[str]]:
    """Connected components, each sorted, listed by their smallest id."""
    seen: set[str] = set()
    out: list[list[str]] = []
    for start in sorted(g.profiles):
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
    edges = sorted(
        {(g.edges[(a, b) if a < b else (b, a)], min(a, b), max(a, b)) for a in comp for b in g.adjacent.get(a, ())},
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
            out.append([g.mention(i) for i in ids])
    return out
