"""Request and response models of the API.

Responses reuse the store's frozen rows (:mod:`tidings.store.base`) as they
are: FastAPI turns those dataclasses into JSON and into the OpenAPI schema, so
the API mirrors the store field for field.  The models here only add what the
workbench needs around them (pages, spans, claim evidence).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from tidings.store.base import (
    ActorSummary,
    ArticleRow,
    ClaimRow,
    EventRow,
    MentionRow,
    SeriesPoint,
)

__all__ = [
    "IsoDate",
    "MAX_TEXT_CHARS",
    "PLOVER_EVENTS",
    "SpanKind",
    "Span",
    "EventHit",
    "EventPage",
    "ClaimEvidence",
    "ClaimView",
    "ArticleView",
    "DatedRole",
    "ActorIdentity",
    "ActorView",
    "SeriesView",
    "NetNode",
    "NetEdge",
    "NetworkView",
    "MapPoint",
    "PlacesView",
    "ClaimsPage",
    "Meta",
    "CodeRequest",
    "CodeResult",
    "ErrorBody",
]

#: PLOVER 2021 event types (the CAMEO -> PLOVER crosswalk's first column).
PLOVER_EVENTS = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_day_only(value: object) -> object:
    """Dates are YYYY-MM-DD strings only (pydantic alone would read 0 as 1970-01-01)."""
    if isinstance(value, dt.date) or (isinstance(value, str) and _ISO_DAY.match(value)):
        return value
    raise ValueError("a date is written YYYY-MM-DD, e.g. 2025-02-10")


#: a day given as YYYY-MM-DD
IsoDate = Annotated[dt.date, BeforeValidator(_iso_day_only)]

#: the longest text ``POST /api/code`` accepts (characters)
MAX_TEXT_CHARS = 20_000

SpanKind = Literal["trigger", "actor", "date", "place"]


class Span(BaseModel):
    """A highlighted stretch of article text: ``text[start:end]``."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    kind: SpanKind
    label: str
    #: the mention it belongs to (``MentionRow.mention_id``)
    mention_id: str | None = None


class EventHit(BaseModel):
    event: EventRow
    #: the articles that report it (ids, in mention order)
    article_ids: list[str]


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[EventHit]
    #: true when a text or country filter looked at only the first events (see docs/web.md)
    truncated: bool = False


class ClaimEvidence(BaseModel):
    """One mention's stance on a claim, with its sentence."""

    mention_id: str
    article_id: str
    #: "for" (asserts, reports, confirms) or "against" (denies, negates)
    side: Literal["for", "against"]
    modality: str
    speaker: str | None
    sentence: str | None


class ClaimView(BaseModel):
    claim: ClaimRow
    evidence: list[ClaimEvidence]


class ClaimsPage(BaseModel):
    items: list[ClaimView]


class ArticleView(BaseModel):
    article: ArticleRow
    mentions: list[MentionRow]
    spans: list[Span]
    claims: list[ClaimView]


class DatedRole(BaseModel):
    code: str
    start: dt.date | None
    end: dt.date | None
    role: str | None


class ActorIdentity(BaseModel):
    """An actor of the dictionaries whose codes match the query, with its dated roles."""

    name: str
    kind: str
    country: str | None
    aliases: list[str]
    roles: list[DatedRole]


class ActorView(BaseModel):
    code: str
    #: names the store has seen for this code, then the dictionaries' names
    names: list[str]
    summary: ActorSummary
    identities: list[ActorIdentity]


class SeriesView(BaseModel):
    a: str | None
    b: str | None
    by: Literal["day", "week", "month", "year"]
    points: list[SeriesPoint]
    #: true when only the latest matching events were counted
    truncated: bool = False


class NetNode(BaseModel):
    id: str
    label: str
    count: int


class NetEdge(BaseModel):
    source: str
    target: str
    count: int
    #: mean Goldstein score of the edge's events
    goldstein: float


class NetworkView(BaseModel):
    nodes: list[NetNode]
    edges: list[NetEdge]
    #: true when only the latest matching events were drawn (or the busiest actors kept)
    truncated: bool


class MapPoint(BaseModel):
    name: str
    country: str | None
    lat: float
    lon: float
    count: int


class PlacesView(BaseModel):
    points: list[MapPoint]
    truncated: bool


class Meta(BaseModel):
    plover: list[str]
    modalities: list[str]
    claim_statuses: list[str]
    articles: int
    mentions: int
    events: int
    actors: int
    claims: int
    max_text_chars: int
    coder_available: bool


class CodeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description=f"The text to code (at most {MAX_TEXT_CHARS} characters).")
    date: IsoDate | None = Field(default=None, description="Publication date (YYYY-MM-DD): relative dates are read against it.")


class CodeResult(BaseModel):
    text: str
    #: the coded events, flattened the way the store keeps mentions
    mentions: list[MentionRow]
    spans: list[Span]


class ErrorBody(BaseModel):
    detail: str
