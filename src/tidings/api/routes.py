"""The ``/api`` routes.  Every parameter is typed and bounded; the store does the SQL
(parameterised, in :mod:`tidings.store.duckdb`) and is only read here."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from tidings.api.models import (
    MAX_TEXT_CHARS,
    IsoDate,
    PLOVER_EVENTS,
    ActorView,
    ArticleView,
    ClaimsPage,
    CodeRequest,
    CodeResult,
    ErrorBody,
    EventHit,
    EventPage,
    Meta,
    NetworkView,
    PlacesView,
    SeriesView,
)
from tidings.api.views import (
    actor_identities,
    claim_views,
    country_matches,
    map_points,
    mention_spans,
    network,
    series,
    text_matches,
)
from tidings.store.base import ClaimRow, EventDetail, EventQuery, EventRow, EventStore, MentionRow
from tidings.types import MODALITIES, Article

__all__ = ["router", "CLAIM_STATUSES", "MAX_AGGREGATE", "MAX_SCAN"]

#: claim statuses a client may ask for ("corroborated" = "confirmed"; "all": any)
CLAIM_STATUSES = ("contested", "confirmed", "corroborated", "denied", "reported", "asserted", "prospective", "all")
#: aggregations (network, map, series) read at most this many events, the latest first
MAX_AGGREGATE = 20_000
#: text and country filters (applied here, not in the store) look at most this many events
MAX_SCAN = 200_000

ACTOR_RE = r"^[A-Za-z0-9]{1,16}$"
NOT_FOUND = {404: {"model": ErrorBody}}

Plover = Literal[PLOVER_EVENTS]  # type: ignore[valid-type]
Modality = Literal[MODALITIES]  # type: ignore[valid-type]
By = Literal["day", "week", "month", "year"]

router = APIRouter(prefix="/api")


def get_store(request: Request) -> EventStore:
    return request.app.state.store


StoreDep = Annotated[EventStore, Depends(get_store)]


@dataclass(frozen=True, slots=True)
class Filters:
    """The filters of ``tidings query``: a store query plus text and country, applied here."""

    query: EventQuery
    words: tuple[str, ...] = ()
    country: str | None = None

    @property
    def post(self) -> bool:
        return bool(self.words or self.country)

    def keep(self, e: EventRow) -> bool:
        return (not self.words or text_matches(e, self.words)) and (
            not self.country or country_matches(e, self.country)
        )

    def iter(self, store: EventStore, *, order: str = "-date") -> Iterator[EventRow]:
        """Matching events in ``order``; with text or country filters, among the first :data:`MAX_SCAN`."""
        rows = store.iter_events(replace(self.query, limit=None, offset=0, order=order))
        if not self.post:
            return rows
        return (e for e in itertools.islice(rows, MAX_SCAN) if self.keep(e))

    def first(self, store: EventStore, n: int) -> tuple[list[EventRow], bool]:
        """The latest ``n`` matching events, and whether there were more (or the scan was cut short)."""
        if not self.post:  # the store's LIMIT: a top-n, not a sort of everything
            rows = store.query_events(replace(self.query, limit=n + 1, offset=0, order="-date"))
            return rows[:n], len(rows) > n
        rows = list(itertools.islice(self.iter(store), n + 1))
        return rows[:n], len(rows) > n or store.count_events(self.query) > MAX_SCAN

    @property
    def dyad_only(self) -> bool:
        """Whether the filters are a dyad (and dates) only: the store's dyad series answers exactly."""
        q = self.query
        bare = replace(q, dyad=None, directed=False, since=None, until=None)
        return q.dyad is not None and not self.post and bare == EventQuery(order=q.order)


def filters(
    actor: Annotated[str | None, Query(pattern=ACTOR_RE, description="Actor code prefix on either side: RUS, RUSGOV")] = None,
    source: Annotated[str | None, Query(pattern=ACTOR_RE)] = None,
    target: Annotated[str | None, Query(pattern=ACTOR_RE)] = None,
    dyad: Annotated[
        str | None, Query(pattern=r"^[A-Za-z0-9]{1,16}:[A-Za-z0-9]{1,16}$", description="Two actor code prefixes: USA:RUS")
    ] = None,
    directed: Annotated[bool, Query(description="Dyad in this direction only")] = False,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 of an actor or the place")] = None,
    code: Annotated[str | None, Query(pattern=r"^[0-9]{2,4}$", description="CAMEO code prefix: 04, 042")] = None,
    plover: Annotated[Plover | None, Query(description="PLOVER event type")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    modality: Annotated[Modality | None, Query()] = None,
    since: Annotated[IsoDate | None, Query(description="Event start on or after (YYYY-MM-DD)")] = None,
    until: Annotated[IsoDate | None, Query(description="Event start on or before (YYYY-MM-DD)")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words that must all appear (sentence, names, place)")] = None,
    min_mentions: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Filters:
    pair = tuple(dyad.upper().split(":")) if dyad else None
    query = EventQuery(
        actor=actor.upper() if actor else None,
        source=source.upper() if source else None,
        target=target.upper() if target else None,
        dyad=(pair[0], pair[1]) if pair else None,
        directed=directed,
        code=code,
        plover=plover,
        quad_class=quad_class,
        modality=modality,
        since=since,
        until=until,
        min_mentions=min_mentions,
    )
    words = tuple(w for w in (q or "").casefold().split() if w)
    return Filters(query=query, words=words, country=country.upper() if country else None)


FiltersDep = Annotated[Filters, Depends(filters)]


def _hits(store: EventStore, rows: list[EventRow]) -> list[EventHit]:
    articles: dict[str, list[str]] = {e.event_id: [] for e in rows}
    for m in store.mentions_of_events([e.event_id for e in rows]):
        ids = articles.get(m.event_id)
        if ids is not None and m.article_id not in ids:
            ids.append(m.article_id)
    return [EventHit(event=e, article_ids=articles[e.event_id]) for e in rows]


@router.get("/events", response_model=EventPage, summary="Events matching the filters of `tidings query`, paginated")
async def list_events(
    store: StoreDep,
    f: FiltersDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    order: Annotated[Literal["date", "-date", "mentions"], Query()] = "-date",
) -> EventPage:
    query = replace(f.query, order=order)
    truncated = False
    if f.post:
        matched = list(f.iter(store, order=order))
        total, rows = len(matched), matched[offset : offset + limit]
        truncated = store.count_events(query) > MAX_SCAN
    else:
        total = store.count_events(query)
        rows = store.query_events(replace(query, limit=limit, offset=offset))
    return EventPage(total=total, limit=limit, offset=offset, items=_hits(store, rows), truncated=truncated)


@router.get("/events/{event_id}", response_model=EventDetail, responses=NOT_FOUND, summary="One event with all its mentions")
async def get_event(store: StoreDep, event_id: Annotated[str, Path(pattern=r"^[A-Za-z0-9_.:-]{1,128}$")]) -> EventDetail:
    detail = store.get_event(event_id)
    if detail is None:
        raise HTTPException(404, f"no event {event_id}")
    return detail


@router.get(
    "/articles/{article_id:path}",
    response_model=ArticleView,
    responses=NOT_FOUND,
    summary="An article's text with the spans of triggers, actors, dates and places, its mentions and claims",
)
async def get_article(store: StoreDep, article_id: Annotated[str, Path(min_length=1, max_length=512)]) -> ArticleView:
    detail = store.get_article(article_id)
    if detail is None:
        raise HTTPException(404, f"no article {article_id}")
    mentions = list(detail.mentions)
    event_ids = {m.event_id for m in mentions if m.event_id}
    claims = [c for c in _all_claims(store, None) if c.event_id in event_ids]
    return ArticleView(
        article=detail.article,
        mentions=mentions,
        spans=mention_spans(mentions, len(detail.article.text)),
        claims=claim_views(claims, store),
    )


def _all_claims(store: EventStore, status: str | None, *, page: int = 1000) -> Iterator[ClaimRow]:
    for start in itertools.count(0, page):
        rows = store.claims(status=status, limit=page, offset=start)
        yield from rows
        if len(rows) < page:
            return


@router.get("/actors/{code}", response_model=ActorView, responses=NOT_FOUND, summary="An actor: names, dated roles, counts, top partners")
async def get_actor(
    request: Request,
    store: StoreDep,
    code: Annotated[str, Path(pattern=ACTOR_RE)],
    top: Annotated[int, Query(ge=1, le=100)] = 10,
) -> ActorView:
    summary = store.actor_summary(code.upper(), top=top)
    if summary is None:
        raise HTTPException(404, f"no events with actor {code.upper()}")
    identities = actor_identities(request.app.state.lexicon, code.upper())
    names = [r.name for r in store.list_actors(prefix=code.upper(), limit=20) if r.name]
    if summary.name:
        names.insert(0, summary.name)
    names += [i.name for i in identities]
    return ActorView(code=summary.code, names=list(dict.fromkeys(names)), summary=summary, identities=identities)


@router.get("/dyads/{a}/{b}/series", response_model=SeriesView, summary="Events of a dyad per period: counts by QuadClass, summed Goldstein")
async def dyad_series(
    store: StoreDep,
    a: Annotated[str, Path(pattern=ACTOR_RE)],
    b: Annotated[str, Path(pattern=ACTOR_RE)],
    by: Annotated[By, Query()] = "week",
    directed: bool = False,
    since: Annotated[IsoDate | None, Query()] = None,
    until: Annotated[IsoDate | None, Query()] = None,
) -> SeriesView:
    points = store.dyad_series(a.upper(), b.upper(), by=by, directed=directed, since=since, until=until)
    return SeriesView(a=a.upper(), b=b.upper(), by=by, points=points, truncated=False)


@router.get("/series", response_model=SeriesView, summary="Events matching the filters per period (the workbench timeline)")
async def filtered_series(store: StoreDep, f: FiltersDep, by: Annotated[By, Query()] = "week") -> SeriesView:
    q = f.query
    if f.dyad_only and q.dyad:
        a, b = q.dyad
        points = store.dyad_series(a, b, by=by, directed=q.directed, since=q.since, until=q.until)
        return SeriesView(a=a, b=b, by=by, points=points, truncated=False)
    rows, truncated = f.first(store, MAX_AGGREGATE)
    a, b = q.dyad if q.dyad else (q.actor, None)
    return SeriesView(a=a, b=b, by=by, points=series(rows, by=by), truncated=truncated)


@router.get("/network", response_model=NetworkView, summary="Who acts on whom among the matching events")
async def actor_network(
    store: StoreDep, f: FiltersDep, max_nodes: Annotated[int, Query(ge=2, le=200)] = 40
) -> NetworkView:
    rows, truncated = f.first(store, MAX_AGGREGATE)
    return network(rows, truncated=truncated, max_nodes=max_nodes)


@router.get("/places", response_model=PlacesView, summary="Located matching events grouped by place")
async def places(store: StoreDep, f: FiltersDep) -> PlacesView:
    rows, truncated = f.first(store, MAX_AGGREGATE)
    return PlacesView(points=map_points(rows), truncated=truncated)


@router.get("/claims", response_model=ClaimsPage, summary="Claims by status with their evidence (contested: asserted and denied)")
async def list_claims(
    store: StoreDep,
    status: Annotated[Literal[CLAIM_STATUSES] | None, Query()] = "contested",  # type: ignore[valid-type]
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> ClaimsPage:
    wanted = {"corroborated": "confirmed", "all": None}.get(status or "all", status)
    rows = store.claims(status=wanted, limit=limit, offset=offset)
    return ClaimsPage(items=claim_views(rows, store))


@router.get("/meta", response_model=Meta, summary="Vocabularies for the filters and the store's counts")
async def meta(request: Request, store: StoreDep) -> Meta:
    c = store.counts()
    return Meta(
        plover=list(PLOVER_EVENTS),
        modalities=list(MODALITIES),
        claim_statuses=list(CLAIM_STATUSES),
        articles=c.articles,
        mentions=c.mentions,
        events=c.events,
        actors=c.actors,
        claims=c.claims,
        max_text_chars=MAX_TEXT_CHARS,
        coder_available=request.app.state.coding.factory is not None,
    )


@router.post(
    "/code",
    response_model=CodeResult,
    responses={400: {"model": ErrorBody}, 413: {"model": ErrorBody}, 503: {"model": ErrorBody}},
    summary="Code a pasted text without storing it",
)
async def code_text(request: Request, body: CodeRequest) -> CodeResult:
    coding = request.app.state.coding
    if coding.factory is None:
        raise HTTPException(503, "this server was started without a coder")
    events = await run_in_threadpool(coding.code, body.text, body.date)
    article = Article(id="text", text=body.text, date=body.date)
    mentions = [MentionRow.from_event(e, article=article) for e in events]
    return CodeResult(text=body.text, mentions=mentions, spans=mention_spans(mentions, len(body.text)))
