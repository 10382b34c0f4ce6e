"""From a cluster of mentions to its event row and its claim row.

Rules (docs/store.md): the most specific CAMEO code (most digits once CAMEO's
trailing "not specified" 0 is dropped; ties: most mentions, then smallest
code) and the mention carrying it (highest confidence) gives the dyad,
labels and scores; the date is the narrowest text-derived interval (else the
narrowest publication interval; ties: most mentions, then earliest);
``num_mentions`` counts the sentences that report the event (one sentence coded
twice for it, "A and B met" as A->B and B->A, is one mention); ``num_sources``
counts distinct outlets (an article without an outlet counts as its own source); first/last seen are the earliest/latest publication dates.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from tidings.dedup.cluster import event_id_for
from tidings.dedup.rules import PROSPECTIVE, is_negative
from tidings.store.base import ClaimRow, ClaimStance, EventRow, MentionRow
from tidings.types import MODALITIES, content_hash

__all__ = ["claim_for", "source_of", "summarize"]

_FAR = dt.date.max


def source_of(m: MentionRow) -> str:
    """The outlet a mention counts for in ``num_sources``."""
    if m.article_source:
        return m.article_source.strip().casefold()
    if m.article_url:
        host = m.article_url.split("//", 1)[-1].split("/", 1)[0].casefold()
        return host.removeprefix("www.")
    return "article:" + m.article_id


def specificity(cameo: str) -> int:
    """Digits that say something: a trailing 0 is CAMEO's "not specified" (040 < 041 < 0411)."""
    return len(cameo[:2]) + len(cameo[2:].rstrip("0"))


def _representative(ms: Sequence[MentionRow]) -> MentionRow:
    freq = Counter(m.cameo for m in ms)
    best = min(freq, key=lambda c: (-specificity(c), -freq[c], c))
    return min((m for m in ms if m.cameo == best), key=lambda m: (-m.confidence, m.mention_id))


def _date(ms: Sequence[MentionRow]) -> tuple[dt.date | None, dt.date | None, str]:
    dated = [m for m in ms if m.date_start is not None and m.date_end is not None]
    if not dated:
        return None, None, "day"
    text = [m for m in dated if m.date_source in ("text", "known")]
    pool = text or dated
    freq = Counter((m.date_start, m.date_end) for m in pool)
    granularity = {(m.date_start, m.date_end): m.date_granularity for m in sorted(pool, key=lambda m: m.mention_id)}

    def width(k: tuple[dt.date | None, dt.date | None]) -> int:
        s, e = k
        return (e - s).days if s and e else 10**6

    start, end = min(freq, key=lambda k: (width(k), -freq[k], k[0] or _FAR))
    return start, end, granularity[(start, end)]


def _modality(ms: Sequence[MentionRow]) -> str:
    freq = Counter(m.modality for m in ms)
    order = {m: i for i, m in enumerate(MODALITIES)}
    return min(freq, key=lambda x: (-freq[x], order.get(x, 99), x))


def _place(ms: Sequence[MentionRow]) -> MentionRow | None:
    placed = [m for m in ms if m.place_name or m.geonameid is not None]
    if not placed:
        return None
    freq = Counter((m.geonameid, m.place_name) for m in placed)
    key = min(freq, key=lambda k: (-freq[k], str(k)))
    return min((m for m in placed if (m.geonameid, m.place_name) == key), key=lambda m: m.mention_id)


def claim_status(ms: Sequence[MentionRow]) -> str:
    """asserted | reported | confirmed | denied | contested | prospective, from the modalities."""
    negative = any(is_negative(m) for m in ms)
    positive = [m for m in ms if not is_negative(m)]
    if negative and positive and any(m.modality not in PROSPECTIVE for m in positive):
        return "contested"
    if negative:
        return "denied"
    mods = {m.modality for m in ms}
    if "confirmed" in mods:
        return "confirmed"
    if mods <= PROSPECTIVE:
        return "prospective"
    if mods <= {"reported"}:
        return "reported"
    return "asserted"


def summarize(ms: Sequence[MentionRow]) -> EventRow:
    """The event row of one cluster (``ms`` non-empty)."""
    if not ms:
        raise ValueError("an event needs at least one mention")
    rep = _representative(ms)
    start, end, gran = _date(ms)
    place = _place(ms)
    seen = [m.article_date or m.date_start for m in ms]
    seen_dates = [d for d in seen if d is not None]
    earliest = min(ms, key=lambda m: (m.article_date or _FAR, m.article_id, m.mention_id))
    return EventRow(
        event_id=event_id_for(m.mention_id for m in ms),
        cameo=rep.cameo,
        cameo_label=rep.cameo_label,
        root=rep.cameo[:2],
        plover_event=rep.plover_event,
        plover_mode=rep.plover_mode,
        quad_class=rep.quad_class,
        goldstein=rep.goldstein,
        date_start=start,
        date_end=end,
        date_granularity=gran,
        num_mentions=len({(m.article_id, m.sentence_index) for m in ms}),
        num_sources=len({source_of(m) for m in ms}),
        num_articles=len({m.article_id for m in ms}),
        first_seen=min(seen_dates) if seen_dates else None,
        last_seen=max(seen_dates) if seen_dates else None,
        source_code=rep.source_code,
        source_name=rep.source_name,
        source_country=rep.source_country,
        target_code=rep.target_code,
        target_name=rep.target_name,
        target_country=rep.target_country,
        modality=_modality(ms),
        confidence=max(m.confidence for m in ms),
        sentence=rep.sentence,
        place_name=place.place_name if place else None,
        place_country=place.place_country if place else None,
        place_admin1=place.place_admin1 if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        geonameid=place.geonameid if place else None,
        source_url=earliest.article_url,
        claim_status=claim_status(ms),
    )


def claim_for(event: EventRow, ms: Sequence[MentionRow]) -> ClaimRow | None:
    """A claim row when someone vouches for or against the event (attribution, confirmation, denial)."""
    vouched = [
        m
        for m in ms
        if m.speaker_code or m.attribution_outlet or m.modality in ("reported", "confirmed", "denied", "negated")
    ]
    if not vouched:
        return None
    stances = tuple(
        ClaimStance(
            mention_id=m.mention_id,
            article_id=m.article_id,
            modality=m.modality,
            speaker_code=m.speaker_code,
            outlet=m.attribution_outlet or m.article_source,
        )
        for m in sorted(ms, key=lambda m: m.mention_id)
    )
    return ClaimRow(
        claim_id="cl" + content_hash(event.event_id),
        event_id=event.event_id,
        status=event.claim_status or claim_status(ms),
        source_code=event.source_code,
        target_code=event.target_code,
        cameo=event.cameo,
        sentence=event.sentence,
        num_supporting=sum(1 for m in ms if not is_negative(m)),
        num_denying=sum(1 for m in ms if is_negative(m)),
        stances=stances,
    )
