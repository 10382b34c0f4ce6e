"""The event store protocol and the frozen rows it reads and writes.

A store holds five kinds of record (schema in docs/store.md):

* **articles**: one row per distinct article (``text_hash`` = hash of the
  normalised text; the same text is stored once);
* **mentions**: one row per coded event mention (a :class:`tidings.types.Event`
  flattened into a :class:`MentionRow`), with its evidence, modality and
  attribution, and the id of the real-world event it was clustered into;
* **events**: clusters of mentions, one row per real-world event
  (:class:`EventRow`), with counts, first/last seen and the most specific code;
* **actors**: the actor codes seen, with a display name;
* **claims**: per event, who asserts and who denies it (:class:`ClaimRow`).

Writers (``tidings.ingestion``) hand the store a :class:`WriteBatch` that is
applied in one transaction.  Readers (the CLI, ``tidings.api``) use the typed
read methods below; every result is a frozen dataclass.  Backends:
``tidings.store.duckdb.DuckDBStore`` (default, a file) and
``tidings.store.memory.MemoryStore`` (in-memory fake for tests).

Actor matching in queries is by code prefix: ``RUS`` matches ``RUS`` and
``RUSGOV``.  Dyad queries are undirected unless ``directed=True``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

from tidings.types import Article, Event, content_hash

__all__ = [
    "SCHEMA_VERSION",
    "ActorRow",
    "ActorSummary",
    "ArticleDetail",
    "ArticleRow",
    "BlockKey",
    "ClaimRow",
    "ClaimStance",
    "EventDetail",
    "EventQuery",
    "EventRow",
    "EventStore",
    "MentionRow",
    "PartnerCount",
    "SeriesPoint",
    "StoreCounts",
    "WriteBatch",
    "actor_matches",
    "merge_actor",
    "normalise_text",
    "period_start",
    "text_hash",
]

#: Current schema version; ``tidings.store.duckdb`` records each migration.
SCHEMA_VERSION = 1

Period = Literal["day", "week", "month", "year"]


def normalise_text(text: str) -> str:
    """Text as compared for identical-article detection: case-folded, whitespace collapsed."""
    return " ".join(text.casefold().split())


def text_hash(text: str) -> str:
    """Content hash of the normalised text (32 hex digits)."""
    return content_hash(normalise_text(text), length=32)


def actor_matches(code: str | None, prefix: str) -> bool:
    """Whether actor ``code`` matches the query ``prefix`` (``RUS`` matches ``RUSGOV``)."""
    return code is not None and code.upper().startswith(prefix.upper())


def period_start(day: dt.date, by: Period) -> dt.date:
    """The first day of the ``by`` period (ISO week starts Monday) that holds ``day``."""
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "year":
        return day.replace(month=1, day=1)
    raise ValueError(f"unknown period {by!r}; use day, week, month or year")


# --------------------------------------------------------------------------- rows


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """An article as stored."""

    id: str
    text_hash: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None
    num_mentions: int = 0

    @classmethod
    def from_article(cls, article: Article, *, num_mentions: int = 0) -> ArticleRow:
        return cls(
            id=article.id,
            text_hash=text_hash(article.text),
            text=article.text,
            date=article.date,
            title=article.title,
            source=article.source,
            url=article.url,
            origin=article.origin,
            num_mentions=num_mentions,
        )


@dataclass(frozen=True, slots=True)
class MentionRow:
    """One coded event mention, flattened.  ``event_id`` is its cluster ("" before clustering)."""

    mention_id: str
    event_id: str
    article_id: str
    sentence_index: int
    cameo: str
    cameo_label: str
    plover_event: str | None
    plover_mode: str | None
    goldstein: float
    quad_class: int
    date_start: dt.date | None
    date_end: dt.date | None
    date_granularity: str
    sentence: str
    trigger: str
    evidence_start: int
    evidence_end: int
    trigger_start: int
    trigger_end: int
    source_code: str | None = None
    source_name: str | None = None
    source_text: str | None = None
    source_country: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    target_code: str | None = None
    target_name: str | None = None
    target_text: str | None = None
    target_country: str | None = None
    target_start: int | None = None
    target_end: int | None = None
    date_text: str | None = None
    date_source: str = "publication"
    modality: str = "asserted"
    hedged: bool = False
    confidence: float = 0.0
    method: str = "verb"
    speaker_code: str | None = None
    speaker_text: str | None = None
    attribution_cue: str | None = None
    attribution_outlet: str | None = None
    place_name: str | None = None
    place_country: str | None = None
    place_admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    claim_status: str | None = None
    #: from the article: publication date, outlet, url
    article_date: dt.date | None = None
    article_source: str | None = None
    article_url: str | None = None

    @property
    def root(self) -> str:
        return self.cameo[:2]

    @classmethod
    def from_event(cls, event: Event, *, article: Article | None = None, event_id: str = "") -> MentionRow:
        s, t, a, p = event.source, event.target, event.attribution, event.location
        ev = event.evidence
        speaker = a.speaker if a else None
        return cls(
            mention_id=event.event_id,
            event_id=event_id,
            article_id=event.article_id,
            sentence_index=event.sentence_index,
            cameo=event.cameo,
            cameo_label=event.cameo_label,
            plover_event=event.plover_event,
            plover_mode=event.plover_mode,
            goldstein=float(event.goldstein),
            quad_class=int(event.quad_class),
            date_start=event.date.start,
            date_end=event.date.end,
            date_granularity=event.date.granularity,
            date_text=event.date.text,
            date_source=event.date.source,
            sentence=ev.sentence,
            trigger=ev.trigger,
            evidence_start=ev.start,
            evidence_end=ev.end,
            trigger_start=ev.trigger_start,
            trigger_end=ev.trigger_end,
            source_code=s.code if s else None,
            source_name=s.name if s else None,
            source_text=s.text if s else None,
            source_country=s.country if s else None,
            source_start=s.start if s else None,
            source_end=s.end if s else None,
            target_code=t.code if t else None,
            target_name=t.name if t else None,
            target_text=t.text if t else None,
            target_country=t.country if t else None,
            target_start=t.start if t else None,
            target_end=t.end if t else None,
            modality=event.modality,
            hedged=event.hedged,
            confidence=float(event.confidence),
            method=event.method,
            speaker_code=speaker.code if speaker else None,
            speaker_text=speaker.text if speaker else None,
            attribution_cue=a.cue if a else None,
            attribution_outlet=a.outlet if a else None,
            place_name=p.name if p else None,
            place_country=p.country if p else None,
            place_admin1=p.admin1 if p else None,
            lat=p.lat if p else None,
            lon=p.lon if p else None,
            geonameid=p.geonameid if p else None,
            claim_status=event.claim_status,
            article_date=article.date if article else None,
            article_source=article.source if article else None,
            article_url=article.url if article else None,
        )


@dataclass(frozen=True, slots=True)
class EventRow:
    """One real-world event: a cluster of mentions (see docs/store.md)."""

    event_id: str
    cameo: str
    cameo_label: str
    root: str
    plover_event: str | None
    plover_mode: str | None
    quad_class: int
    goldstein: float
    date_start: dt.date | None
    date_end: dt.date | None
    date_granularity: str
    num_mentions: int
    num_sources: int
    num_articles: int
    first_seen: dt.date | None
    last_seen: dt.date | None
    source_code: str | None = None
    source_name: str | None = None
    source_country: str | None = None
    target_code: str | None = None
    target_name: str | None = None
    target_country: str | None = None
    #: the most frequent modality of its mentions (ties: the asserted side)
    modality: str = "asserted"
    confidence: float = 0.0
    #: a representative evidence sentence
    sentence: str = ""
    place_name: str | None = None
    place_country: str | None = None
    place_admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    #: url of the earliest article reporting it
    source_url: str | None = None
    #: asserted | reported | confirmed | denied | contested (from the claims)
    claim_status: str | None = None


@dataclass(frozen=True, slots=True)
class EventDetail:
    event: EventRow
    mentions: tuple[MentionRow, ...]


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    """An article with its mentions; their offsets are spans in ``article.text``."""

    article: ArticleRow
    mentions: tuple[MentionRow, ...]


@dataclass(frozen=True, slots=True)
class ActorRow:
    code: str
    name: str | None = None
    country: str | None = None


def merge_actor(old: ActorRow | None, new: ActorRow) -> ActorRow:
    """The stored actor row after seeing ``new``: the smallest name and country seen (order-free)."""
    if old is None:
        return new

    def least(a: str | None, b: str | None) -> str | None:
        return min(x for x in (a, b) if x is not None) if (a is not None or b is not None) else None

    return ActorRow(code=new.code, name=least(old.name, new.name), country=least(old.country, new.country))


@dataclass(frozen=True, slots=True)
class PartnerCount:
    code: str
    name: str | None
    num_events: int
    goldstein_sum: float


@dataclass(frozen=True, slots=True)
class ActorSummary:
    """Counts for the actors matching a code prefix."""

    code: str
    name: str | None
    num_events: int
    as_source: int
    as_target: int
    #: events per QuadClass 1..4
    quad_counts: tuple[int, int, int, int]
    goldstein_sum: float
    first_date: dt.date | None
    last_date: dt.date | None
    top_partners: tuple[PartnerCount, ...]


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One period of a dyad time series (period = first day of the week/month)."""

    period: dt.date
    num_events: int
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    goldstein_sum: float
    num_mentions: int


@dataclass(frozen=True, slots=True)
class ClaimStance:
    """One mention's stance on a claimed event."""

    mention_id: str
    article_id: str
    modality: str
    speaker_code: str | None
    outlet: str | None


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """Whether an event is asserted, confirmed, denied or contested, and by whom."""

    claim_id: str
    event_id: str
    status: str
    source_code: str | None
    target_code: str | None
    cameo: str
    sentence: str
    num_supporting: int
    num_denying: int
    stances: tuple[ClaimStance, ...] = ()


@dataclass(frozen=True, slots=True)
class StoreCounts:
    articles: int
    mentions: int
    events: int
    actors: int
    claims: int


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for :meth:`EventStore.query_events`; ``None`` means no filter."""

    actor: str | None = None  # either side, code prefix
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    directed: bool = False
    code: str | None = None  # CAMEO code prefix: "04", "042"
    plover: str | None = None  # PLOVER event type, e.g. CONSULT
    quad_class: int | None = None
    modality: str | None = None
    since: dt.date | None = None  # event date_start >= since
    until: dt.date | None = None  # event date_start <= until
    min_mentions: int = 1
    limit: int | None = None
    offset: int = 0
    #: "date" (oldest first), "-date" (newest first), "mentions" (most first)
    order: str = "date"


@dataclass(frozen=True, slots=True)
class BlockKey:
    """The clustering block of a mention: unordered dyad + CAMEO root class."""

    actor_a: str
    actor_b: str
    root_class: str


@dataclass(frozen=True, slots=True)
class WriteBatch:
    """Everything one ingest batch changes; applied atomically.

    ``mentions`` are new or re-clustered mentions (upserted by mention_id),
    ``events`` replace events with the same id, ``deleted_events`` are
    clusters that were merged away or split.
    """

    articles: tuple[ArticleRow, ...] = ()
    mentions: tuple[MentionRow, ...] = ()
    events: tuple[EventRow, ...] = ()
    deleted_events: tuple[str, ...] = ()
    actors: tuple[ActorRow, ...] = ()
    claims: tuple[ClaimRow, ...] = ()
    #: free-form run metadata (input name -> count), recorded for the progress report
    meta: tuple[tuple[str, str], ...] = field(default=())


# --------------------------------------------------------------------------- protocol


@runtime_checkable
class EventStore(Protocol):
    """What every backend provides.  Read methods never modify the store."""

    read_only: bool

    # ---- writing (ingest)
    def known_text_hashes(self, hashes: Sequence[str]) -> frozenset[str]:
        """Which of ``hashes`` already have an article."""
        ...

    def known_article_ids(self, ids: Sequence[str]) -> frozenset[str]:
        """Which of ``ids`` are already stored."""
        ...

    def mentions_in_blocks(
        self, keys: Sequence[BlockKey], *, start: dt.date | None, end: dt.date | None
    ) -> list[MentionRow]:
        """Stored mentions in any block of ``keys`` whose date interval meets [start, end]."""
        ...

    def mentions_of_events(self, event_ids: Sequence[str]) -> list[MentionRow]: ...

    def write_batch(self, batch: WriteBatch) -> None:
        """Apply ``batch`` in one transaction (all or nothing)."""
        ...

    # ---- reading (CLI, API, export)
    def counts(self) -> StoreCounts: ...

    def query_events(self, query: EventQuery) -> list[EventRow]: ...

    def count_events(self, query: EventQuery) -> int: ...

    def iter_events(self, query: EventQuery) -> Iterator[EventRow]:
        """All events matching ``query`` (ignores limit), streamed in ``order``."""
        ...

    def iter_mentions(self) -> Iterator[MentionRow]:
        """Every mention, by mention_id."""
        ...

    def iter_articles(self) -> Iterator[ArticleRow]:
        """Every article, by id."""
        ...

    def get_event(self, event_id: str) -> EventDetail | None: ...

    def get_article(self, article_id: str) -> ArticleDetail | None: ...

    def actor_summary(self, code: str, *, top: int = 10) -> ActorSummary | None: ...

    def list_actors(self, *, prefix: str | None = None, limit: int = 100) -> list[ActorRow]: ...

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
        """Events of the dyad per period (by event date_start), oldest first; empty periods omitted."""
        ...

    def claims(self, *, status: str | None = None, limit: int | None = 100, offset: int = 0) -> list[ClaimRow]: ...

    def close(self) -> None: ...


def series_points(events: Iterable[EventRow], *, by: Period) -> list[SeriesPoint]:
    """Counts by QuadClass and summed Goldstein per period of ``date_start`` (what every store's ``dyad_series`` returns)."""
    acc: dict[dt.date, list[float]] = {}
    for e in events:
        if e.date_start is None:
            continue
        row = acc.setdefault(period_start(e.date_start, by), [0, 0, 0, 0, 0, 0.0, 0])
        row[0] += 1
        if 1 <= e.quad_class <= 4:
            row[e.quad_class] += 1
        row[5] += e.goldstein
        row[6] += e.num_mentions
    return [
        SeriesPoint(
            period=p,
            num_events=int(r[0]),
            quad1=int(r[1]),
            quad2=int(r[2]),
            quad3=int(r[3]),
            quad4=int(r[4]),
            goldstein_sum=round(r[5], 6),
            num_mentions=int(r[6]),
        )
        for p, r in sorted(acc.items())
    ]
