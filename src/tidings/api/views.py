"""Shapes the store's rows into what the workbench shows.

Pure functions of their arguments (rows in, models out): the routes fetch,
these build.  Nothing here touches the store except :func:`claim_views`,
which is handed the store to read the sentences of the claim's mentions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from tidings.api.models import (
    ActorIdentity,
    ClaimEvidence,
    ClaimView,
    DatedRole,
    MapPoint,
    NetEdge,
    NetNode,
    NetworkView,
    Span,
)
from tidings.lexicon.model import ActorEntry, Lexicon
from tidings.store.base import (
    ClaimRow,
    EventRow,
    EventStore,
    MentionRow,
    Period,
    SeriesPoint,
    actor_matches,
    series_points,
)

__all__ = [
    "AGAINST_MODALITIES",
    "mention_spans",
    "find_in_sentence",
    "claim_views",
    "network",
    "map_points",
    "series",
    "actor_identities",
    "text_matches",
    "country_matches",
]

#: modalities of a mention that speak against the claimed event
AGAINST_MODALITIES = frozenset({"denied", "negated"})


def find_in_sentence(m: MentionRow, needle: str | None) -> tuple[int, int] | None:
    """Article offsets of ``needle`` inside the mention's sentence (case-insensitive), if there."""
    if not needle:
        return None
    i = m.sentence.casefold().find(needle.casefold())
    if i < 0:
        return None
    return m.evidence_start + i, m.evidence_start + i + len(needle)


def _actor_span(code: str | None, name: str | None, text: str | None, start: int | None, end: int | None, mid: str) -> Span | None:
    if start is None or end is None or end <= start:
        return None
    label = " ".join(x for x in (code, f"({name})" if name else None) if x) or (text or "actor")
    return Span(start=start, end=end, kind="actor", label=label, mention_id=mid)


def mention_spans(mentions: Iterable[MentionRow], text_length: int) -> list[Span]:
    """Triggers, actors, dates and places of ``mentions`` as spans of the article text.

    Triggers and actors carry offsets; dates, places and attribution speakers
    are found by their text inside the mention's sentence.  Spans outside
    ``[0, text_length]`` are dropped; a mention's spans of one kind over the same
    text are kept once (a speaker who is also the source is one actor span).
    """
    out: dict[tuple[int, int, str, str | None], Span] = {}

    def add(span: Span | None) -> None:
        if span is None or span.start < 0 or span.end > text_length or span.end <= span.start:
            return
        out.setdefault((span.start, span.end, span.kind, span.mention_id), span)

    for m in mentions:
        mid = m.mention_id
        label = f"{m.cameo} {m.cameo_label}" + (f" · {m.plover_event}" if m.plover_event else "")
        add(Span(start=m.trigger_start, end=m.trigger_end, kind="trigger", label=label, mention_id=mid))
        add(_actor_span(m.source_code, m.source_name, m.source_text, m.source_start, m.source_end, mid))
        add(_actor_span(m.target_code, m.target_name, m.target_text, m.target_start, m.target_end, mid))
        if m.speaker_text:
            hit = find_in_sentence(m, m.speaker_text)
            if hit:
                who = m.speaker_code or m.speaker_text
                add(Span(start=hit[0], end=hit[1], kind="actor", label=f"speaker {who}", mention_id=mid))
        if m.date_text:
            hit = find_in_sentence(m, m.date_text)
            if hit:
                when = m.date_start.isoformat() if m.date_start else "?"
                if m.date_end and m.date_end != m.date_start:
                    when += f" to {m.date_end.isoformat()}"
                add(Span(start=hit[0], end=hit[1], kind="date", label=when, mention_id=mid))
        if m.place_name:
            hit = find_in_sentence(m, m.place_name)
            if hit:
                where = m.place_name + (f", {m.place_country}" if m.place_country else "")
                add(Span(start=hit[0], end=hit[1], kind="place", label=where, mention_id=mid))
    return sorted(out.values(), key=lambda s: (s.start, -s.end, s.kind))


def claim_views(claims: Sequence[ClaimRow], store: EventStore) -> list[ClaimView]:
    """Each claim with the sentences of its stances (read from the claim's event mentions)."""
    by_event = {m.mention_id: m for m in store.mentions_of_events(sorted({c.event_id for c in claims}))}
    views = []
    for c in claims:
        evidence = []
        for s in c.stances:
            m = by_event.get(s.mention_id)
            if m is None:
                detail = store.get_article(s.article_id)
                m = next((x for x in detail.mentions if x.mention_id == s.mention_id), None) if detail else None
            evidence.append(
                ClaimEvidence(
                    mention_id=s.mention_id,
                    article_id=s.article_id,
                    side="against" if s.modality in AGAINST_MODALITIES else "for",
                    modality=s.modality,
                    speaker=_speaker(s.speaker_code, m.speaker_text if m else None) or s.outlet,
                    sentence=m.sentence if m else None,
                )
            )
        views.append(ClaimView(claim=c, evidence=evidence))
    return views


def _speaker(code: str | None, text: str | None) -> str | None:
    if code and text:
        return f"{text} ({code})"
    return text or code


def text_matches(e: EventRow, words: Sequence[str]) -> bool:
    """Whether every word (case-folded) is in the event's sentence, names, place or label."""
    hay = " ".join(
        x for x in (e.sentence, e.source_name, e.target_name, e.place_name, e.cameo_label) if x
    ).casefold()
    return all(w in hay for w in words)


def country_matches(e: EventRow, country: str) -> bool:
    """Whether an actor of ``e`` is from ``country`` (ISO3) or the event happened there."""
    c = country.upper()
    return c in (e.source_country, e.target_country, e.place_country)


def network(events: Iterable[EventRow], *, truncated: bool = False, max_nodes: int = 40) -> NetworkView:
    """Directed actor graph: edge weight = events, colour = mean Goldstein; the busiest nodes kept."""
    edges: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0.0])
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for e in events:
        if not e.source_code or not e.target_code or e.source_code == e.target_code:
            continue
        acc = edges[(e.source_code, e.target_code)]
        acc[0] += 1
        acc[1] += e.goldstein
        for code, name in ((e.source_code, e.source_name), (e.target_code, e.target_name)):
            names[code][name or ""] += 1
    degree: Counter[str] = Counter()
    for (s, t), (n, _g) in edges.items():
        degree[s] += int(n)
        degree[t] += int(n)
    keep = {code for code, _n in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:max_nodes]}
    nodes = [
        NetNode(id=code, label=_top_name(names[code]) or code, count=degree[code])
        for code in sorted(keep, key=lambda c: (-degree[c], c))
    ]
    out_edges = [
        NetEdge(source=s, target=t, count=int(n), goldstein=round(g / n, 3))
        for (s, t), (n, g) in sorted(edges.items())
        if s in keep and t in keep
    ]
    return NetworkView(nodes=nodes, edges=out_edges, truncated=truncated or len(keep) < len(degree))


def _top_name(c: Counter[str]) -> str | None:
    named = [(n, k) for k, n in c.items() if k]
    return min(named, key=lambda x: (-x[0], x[1]))[1] if named else None


def map_points(events: Iterable[EventRow]) -> list[MapPoint]:
    """Located events grouped by place (name and coordinates)."""
    acc: Counter[tuple[str, str | None, float, float]] = Counter()
    for e in events:
        if e.lat is None or e.lon is None:
            continue
        acc[(e.place_name or f"{e.lat:.2f},{e.lon:.2f}", e.place_country, round(e.lat, 4), round(e.lon, 4))] += 1
    return [
        MapPoint(name=name, country=country, lat=lat, lon=lon, count=n)
        for (name, country, lat, lon), n in sorted(acc.items(), key=lambda kv: (-kv[1], kv[0][0]))
    ]


def series(events: Iterable[EventRow], *, by: Period) -> list[SeriesPoint]:
    """Counts by QuadClass and summed Goldstein per period of ``date_start`` (same rules as the store)."""
    return series_points(events, by=by)


def actor_identities(lexicon: Lexicon | None, code: str, *, limit: int = 25) -> list[ActorIdentity]:
    """Dictionary actors any of whose (dated) codes match ``code`` as a prefix, exact matches first."""
    if lexicon is None:
        return []
    seen: dict[int, ActorEntry] = {}
    for entry in lexicon.actors.values():
        codes = [dc.code for dc in entry.codes] + ([entry.default] if entry.default else [])
        if any(actor_matches(c, code) for c in codes):
            seen.setdefault(id(entry), entry)

    def rank(e: ActorEntry) -> tuple[int, str]:
        exact = any(dc.code.upper() == code.upper() for dc in e.codes) or (e.default or "").upper() == code.upper()
        return (0 if exact else 1, e.name)

    out = []
    for entry in sorted(seen.values(), key=rank)[:limit]:
        roles = [DatedRole(code=dc.code, start=dc.start, end=dc.end, role=dc.role) for dc in entry.codes]
        if entry.default and all(r.code != entry.default for r in roles):
            roles.append(DatedRole(code=entry.default, start=None, end=None, role="default"))
        out.append(
            ActorIdentity(
                name=entry.name,
                kind=entry.kind,
                country=entry.country,
                aliases=list(entry.aliases),
                roles=roles,
            )
        )
    return out
