"""Typed records passed between pipeline stages.

Every stage takes one of these and returns one of these.  They are frozen
dataclasses: stages never mutate what they receive, they build new records
(``dataclasses.replace``).  ``to_dict`` gives the JSON shape documented in
``docs/schema.md``; that shape is a contract that later work only extends.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Article",
    "Actor",
    "DateInterval",
    "Timex",
    "Place",
    "Attribution",
    "Evidence",
    "Event",
    "BadRecord",
    "MODALITIES",
    "content_hash",
]

#: Allowed values of :attr:`Event.modality`, documented in docs/schema.md.
MODALITIES = (
    "asserted",
    "reported",
    "confirmed",
    "denied",
    "negated",
    "future",
    "intended",
    "hypothetical",
    "historical",
)


def content_hash(*parts: object, length: int = 16) -> str:
    """A stable hex id made from ``parts`` (re-runs give the same id)."""
    h = hashlib.sha1()
    for p in parts:
        h.update(repr(p).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read by :mod:`tidings.ingest`."""

    id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    #: where it was read from, ``file`` or ``file:line``
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor mention resolved to a CAMEO actor code valid on the event date."""

    text: str
    name: str | None
    code: str | None
    country: str | None = None
    sector: str | None = None
    #: character offsets of ``text`` in the article
    start: int | None = None
    end: int | None = None
    #: person | country | organization | group | metonym
    kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class DateInterval:
    """When an event happened: an inclusive interval of days."""

    start: dt.date | None
    end: dt.date | None
    #: day | week | month | quarter | year | range
    granularity: str = "day"
    text: str | None = None
    #: "text" when a time expression in the sentence gave it, else "publication"
    source: str = "publication"
    #: TIMEX3 value such as ``2025-02``, ``2025-W08``, ``P1W``, ``PRESENT_REF``
    value: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "granularity": self.granularity,
            "text": self.text,
            "source": self.source,
            "value": self.value,
        }


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression found in text and normalised against a reference date."""

    text: str
    char_start: int
    char_end: int
    value: str | None
    interval_start: dt.date | None
    interval_end: dt.date | None
    granularity: str | None
    #: "date" | "duration" | "set" | "count" (e.g. "seven times": not a date)
    kind: str = "date"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "value": self.value,
            "interval_start": self.interval_start.isoformat() if self.interval_start else None,
            "interval_end": self.interval_end.isoformat() if self.interval_end else None,
            "granularity": self.granularity,
        }

    def as_interval(self) -> DateInterval:
        return DateInterval(
            start=self.interval_start,
            end=self.interval_end,
            granularity=self.granularity or "day",
            text=self.text,
            source="text",
            value=self.value,
        )


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place name (offline gazetteer)."""

    text: str
    char_start: int
    char_end: int
    name: str | None
    country: str | None  # ISO3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    #: "asserted" for where it happened; "candidate" for a proposed venue
    role: str = "asserted"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "role": self.role,
        }


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who says an event happened, and how."""

    speaker: Actor | None
    cue: str | None = None
    outlet: str | None = None
    quote: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue,
            "outlet": self.outlet,
            "quote": self.quote,
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence behind an event; offsets are characters in the article."""

    sentence: str
    trigger: str
    start: int
    end: int
    trigger_start: int
    trigger_end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "trigger": self.trigger,
            "start": self.start,
            "end": self.end,
            "trigger_start": self.trigger_start,
            "trigger_end": self.trigger_end,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event mention: who did what to whom, when, by whose account."""

    article_id: str
    sentence_index: int
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_label: str
    plover_event: str | None
    plover_mode: str | None
    goldstein: float
    quad_class: int
    date: DateInterval
    evidence: Evidence
    confidence: float
    modality: str = "asserted"
    hedged: bool = False
    attribution: Attribution | None = None
    location: Place | None = None
    candidate_locations: tuple[Place, ...] = ()
    #: how the coder found it: "verb", "noun", "fallback", ...
    method: str = "verb"
    #: ids of claim links (confirmations / denials) added by tidings.claims
    claim_status: str | None = None

    @property
    def event_id(self) -> str:
        return content_hash(
            self.article_id,
            self.sentence_index,
            self.evidence.trigger_start,
            self.source.code if self.source else None,
            self.source.start if self.source else None,
            self.target.code if self.target else None,
            self.target.start if self.target else None,
            self.cameo,
        )

    @property
    def root(self) -> str:
        return self.cameo[:2]

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "cameo_label": self.cameo_label,
            "plover": {"event": self.plover_event, "mode": self.plover_mode},
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "date": self.date.to_dict(),
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
            "modality": self.modality,
            "hedged": self.hedged,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "location": self.location.to_dict() if self.location else None,
            "candidate_locations": [p.to_dict() for p in self.candidate_locations],
            "method": self.method,
            "claim_status": self.claim_status,
        }
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class BadRecord:
    """A record that could not be read or coded; reported, then skipped."""

    origin: str  # file or file:line
    code: str  # error code, see tidings.errors
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: [{self.code}] {self.message}"
