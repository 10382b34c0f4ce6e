"""Hand-built records for tests, examples and benchmarks (no model needed).

:func:`make_event` builds a :class:`tidings.types.Event` from a few fields;
:func:`make_article` an :class:`~tidings.types.Article`;
:func:`synthetic_event_rows` a reproducible stream of :class:`EventRow` for
load tests (``bench/bench_dyad_query.py``).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from tidings.store.base import EventRow
from tidings.types import Actor, Article, Attribution, DateInterval, Event, Evidence, Place, content_hash

__all__ = ["QUAD_OF_ROOT", "make_actor", "make_article", "make_event", "synthetic_event_rows"]

#: QuadClass of each CAMEO root (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict)
QUAD_OF_ROOT = {
    "01": 1,
    "02": 1,
    "03": 1,
    "04": 1,
    "05": 1,
    "06": 2,
    "07": 2,
    "08": 2,
    "09": 3,
    "10": 3,
    "11": 3,
    "12": 3,
    "13": 3,
    "14": 4,
    "15": 4,
    "16": 3,
    "17": 4,
    "18": 4,
    "19": 4,
    "20": 4,
}


def make_actor(code: str | None, *, text: str | None = None, start: int | None = None) -> Actor | None:
    if code is None:
        return None
    return Actor(text=text or code, name=text or code, code=code, country=code[:3], start=start)


def make_event(
    article_id: str,
    source: str | None,
    target: str | None,
    cameo: str,
    *,
    sentence: str,
    day: dt.date | str | None = None,
    end: dt.date | str | None = None,
    date_source: str = "text",
    sentence_index: int = 0,
    trigger: str | None = None,
    modality: str = "asserted",
    place: str | None = None,
    geonameid: int | None = None,
    speaker: str | None = None,
    goldstein: float = 0.0,
    plover: str | None = None,
    confidence: float = 0.8,
    offset: int = 0,
    source_name: str | None = None,
    target_name: str | None = None,
) -> Event:
    """An event mention built by hand; ``trigger`` defaults to the sentence's second word."""
    start_day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    end_day = dt.date.fromisoformat(end) if isinstance(end, str) else end
    words = sentence.split()
    trig = trigger or (words[1] if len(words) > 1 else words[0])
    t0 = max(sentence.find(trig), 0)
    loc = None
    if place:
        p0 = max(sentence.find(place), 0)
        loc = Place(place, offset + p0, offset + p0 + len(place), place, None, geonameid=geonameid)
    return Event(
        article_id=article_id,
        sentence_index=sentence_index,
        source=make_actor(source, text=source_name, start=offset),
        target=make_actor(target, text=target_name, start=offset + 1 if target else None),
        cameo=cameo,
        cameo_label=f"code {cameo}",
        plover_event=plover,
        plover_mode=None,
        goldstein=goldstein,
        quad_class=QUAD_OF_ROOT.get(cameo[:2], 1),
        date=DateInterval(start_day, end_day or start_day, "day", None, date_source),
        evidence=Evidence(sentence, trig, offset, offset + len(sentence), offset + t0, offset + t0 + len(trig)),
        confidence=confidence,
        modality=modality,
        attribution=Attribution(make_actor(speaker)) if speaker else None,
        location=loc,
    )


def make_article(
    id: str, text: str, *, date: dt.date | str | None = None, source: str | None = None, url: str | None = None
) -> Article:
    day = dt.date.fromisoformat(date) if isinstance(date, str) else date
    return Article(id=id, text=text, date=day, source=source, url=url, origin=id)


#: Countries, sectors and CAMEO codes the synthetic events draw from (also used by bench/).
COUNTRIES = (
    "USA",
    "RUS",
    "CHN",
    "UKR",
    "GBR",
    "FRA",
    "DEU",
    "IRN",
    "ISR",
    "IND",
    "PAK",
    "TUR",
    "SYR",
    "IRQ",
    "JPN",
    "PRK",
    "KOR",
    "SAU",
    "EGY",
    "BRA",
    "MEX",
    "NGA",
    "ZAF",
    "POL",
    "ITA",
    "ESP",
    "CAN",
    "AUS",
)
SECTORS = ("", "GOV", "MIL", "GOV", "COP", "OPP", "BUS", "MED")
CODES = (
    "010",
    "020",
    "036",
    "040",
    "042",
    "043",
    "046",
    "051",
    "057",
    "061",
    "071",
    "112",
    "120",
    "130",
    "141",
    "150",
    "163",
    "173",
    "190",
    "193",
)


def synthetic_event_rows(
    n: int, *, seed: int = 7, start: dt.date = dt.date(2015, 1, 1), days: int = 3650
) -> Iterator[EventRow]:
    """``n`` random but reproducible events (skewed towards big-country dyads, as real data is)."""
    rng = random.Random(seed)
    weights = [1.0 / (i + 1) for i in range(len(COUNTRIES))]
    for i in range(n):
        a, b = rng.choices(COUNTRIES, weights, k=2)
        code = rng.choice(CODES)
        day = start + dt.timedelta(days=rng.randrange(days))
        mentions = 1 + int(rng.expovariate(0.7))
        yield EventRow(
            event_id="ev" + content_hash(seed, i),
            cameo=code,
            cameo_label=f"code {code}",
            root=code[:2],
            plover_event=None,
            plover_mode=None,
            quad_class=QUAD_OF_ROOT[code[:2]],
            goldstein=round(rng.uniform(-10, 10), 1),
            date_start=day,
            date_end=day,
            date_granularity="day",
            num_mentions=mentions,
            num_sources=max(1, mentions - rng.randrange(mentions)),
            num_articles=mentions,
            first_seen=day,
            last_seen=day + dt.timedelta(days=rng.randrange(3)),
            source_code=a + rng.choice(SECTORS),
            source_country=a,
            target_code=b + rng.choice(SECTORS),
            target_country=b,
            sentence="",
        )
