"""Both stores (DuckDB and the in-memory fake) behave the same on the same data."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from pathlib import Path

import pytest

from tidings.errors import ConfigError, StoreError
from tidings.ingestion import store_coded
from tidings.store.base import (
    SCHEMA_VERSION,
    ArticleRow,
    EventQuery,
    EventRow,
    EventStore,
    MentionRow,
    WriteBatch,
    period_start,
)
from tidings.store.duckdb import DuckDBStore
from tidings.store.memory import MemoryStore
from tidings.store.migrations import COLUMNS, MENTION_EXTRA
from tidings.store.synthetic import make_article, make_event


def _fill(store: EventStore) -> None:
    """Three outlets on a USA-RUS call, a denial, a strike in two towns, a UKR-RUS talk."""
    arts = [
        make_article(
            "a1",
            "Trump held talks with Putin. Russian drones hit Kharkiv.",
            date="2025-02-10",
            source="Post",
            url="https://post.example/1",
        ),
        make_article("a2", "Putin spoke with Trump by phone. Drones hit Odesa.", date="2025-02-11", source="Tribune"),
        make_article("a3", "The Kremlin denied the call took place.", date="2025-02-12", source="Herald"),
        make_article("a4", "Ukraine and Russia negotiated in Istanbul in March.", date="2025-03-20", source="Post"),
    ]
    evs = {
        "a1": [
            make_event(
                "a1",
                "USAGOV",
                "RUSGOV",
                "040",
                sentence="Trump held talks with Putin about the Ukraine war.",
                day="2025-02-09",
                speaker="USAGOV",
                goldstein=1.0,
                plover="CONSULT",
            ),
            make_event(
                "a1",
                "RUSMIL",
                "UKR",
                "195",
                sentence="Russian drones hit Kharkiv, killing four.",
                day="2025-02-09",
                sentence_index=1,
                place="Kharkiv",
                geonameid=1,
                goldstein=-10.0,
                offset=30,
            ),
        ],
        "a2": [
            make_event(
                "a2",
                "RUSGOV",
                "USAGOV",
                "041",
                sentence="Putin spoke with Trump by phone about the Ukraine war.",
                day="2025-02-09",
                goldstein=1.0,
                plover="CONSULT",
            ),
            make_event(
                "a2",
                "RUSMIL",
                "UKR",
                "195",
                sentence="Russian drones hit Odesa, killing two.",
                day="2025-02-09",
                sentence_index=1,
                place="Odesa",
                geonameid=2,
                goldstein=-10.0,
                offset=33,
            ),
        ],
        "a3": [
            make_event(
                "a3",
                "USAGOV",
                "RUSGOV",
                "040",
                sentence="The Kremlin denied that Trump talks with Putin about the war took place.",
                day="2025-02-09",
                modality="denied",
                speaker="RUSGOV",
                goldstein=1.0,
                plover="CONSULT",
            ),
        ],
        "a4": [
            make_event(
                "a4",
                "UKRGOV",
                "RUSGOV",
                "046",
                sentence="Ukraine and Russia negotiated in Istanbul.",
                day="2025-03-18",
                place="Istanbul",
                geonameid=3,
                goldstein=3.5,
                plover="CONSULT",
            ),
        ],
    }
    store_coded(store, [(arts[0], evs["a1"]), (arts[1], evs["a2"])])
    store_coded(store, [(arts[2], evs["a3"]), (arts[3], evs["a4"])])


@pytest.fixture(params=["memory", "duckdb"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> EventStore:
    s: EventStore = MemoryStore() if request.param == "memory" else DuckDBStore(tmp_path / "t.duckdb")
    _fill(s)
    yield s
    s.close()


def test_protocol_and_counts(store: EventStore) -> None:
    assert isinstance(store, EventStore)
    c = store.counts()
    assert (c.articles, c.mentions, c.events) == (4, 6, 4)
    assert c.claims >= 1


def test_one_event_for_the_call_with_three_sources_and_a_contested_claim(store: EventStore) -> None:
    [call] = store.query_events(EventQuery(dyad=("USA", "RUS")))
    assert (call.num_mentions, call.num_sources, call.num_articles) == (3, 3, 3)
    assert call.cameo == "041"
    assert call.first_seen == dt.date(2025, 2, 10) and call.last_seen == dt.date(2025, 2, 12)
    assert call.source_url == "https://post.example/1"
    assert call.claim_status == "contested"
    detail = store.get_event(call.event_id)
    assert detail is not None and [m.article_id for m in detail.mentions] == ["a1", "a2", "a3"]
    [claim] = store.claims(status="contested")
    assert claim.event_id == call.event_id and claim.num_denying == 1 and claim.num_supporting == 2
    assert {s.modality for s in claim.stances} == {"asserted", "denied"}


def test_strikes_in_two_towns_are_two_events(store: EventStore) -> None:
    rows = store.query_events(EventQuery(code="19", order="date"))
    assert sorted(r.place_name for r in rows) == ["Kharkiv", "Odesa"]
    assert all(r.num_mentions == 1 for r in rows)


def test_filters(store: EventStore) -> None:
    assert store.count_events(EventQuery()) == 4
    assert store.count_events(EventQuery(actor="UKR")) == 3
    assert store.count_events(EventQuery(source="RUSMIL")) == 2
    assert store.count_events(EventQuery(dyad=("USA", "RUS"), directed=True)) == 0  # stored as RUSGOV->USAGOV
    assert store.count_events(EventQuery(dyad=("RUS", "USA"), directed=True)) == 1
    assert store.count_events(EventQuery(plover="consult")) == 2
    assert store.count_events(EventQuery(since=dt.date(2025, 3, 1))) == 1
    assert store.count_events(EventQuery(until=dt.date(2025, 3, 1))) == 3
    assert store.count_events(EventQuery(quad_class=4)) == 2
    assert store.count_events(EventQuery(min_mentions=2)) == 1
    assert store.count_events(EventQuery(modality="asserted")) == 4
    newest = store.query_events(EventQuery(order="-date", limit=1))
    assert newest[0].cameo == "046"
    assert next(e.num_mentions for e in store.query_events(EventQuery(order="mentions"))) == 3
    assert len(store.query_events(EventQuery(limit=2, offset=3))) == 1
    assert list(store.iter_events(EventQuery(limit=1))) == store.query_events(EventQuery())


def test_article_detail_spans(store: EventStore) -> None:
    d = store.get_article("a1")
    assert d is not None and d.article.title is None and d.article.num_mentions == 2
    assert [m.evidence_start for m in d.mentions] == sorted(m.evidence_start for m in d.mentions)
    assert store.get_article("nope") is None and store.get_event("nope") is None


def test_actor_summary_and_series(store: EventStore) -> None:
    s = store.actor_summary("RUS")
    assert s is not None
    assert (s.num_events, s.quad_counts) == (4, (2, 0, 0, 2))
    assert s.top_partners[0].code == "UKR" and s.top_partners[0].num_events == 2
    assert store.actor_summary("ZZZ") is None
    weekly = store.dyad_series("UKR", "RUS", by="week")
    assert [p.period for p in weekly] == [
        period_start(dt.date(2025, 2, 9), "week"),
        period_start(dt.date(2025, 3, 18), "week"),
    ]
    assert weekly[0].quad4 == 2 and weekly[0].goldstein_sum == -20.0
    assert [a.code for a in store.list_actors(prefix="RUS")] == ["RUSGOV", "RUSMIL"]


def test_bad_actor_code_is_a_config_error(tmp_path: Path) -> None:
    s = DuckDBStore(tmp_path / "x.duckdb")
    with pytest.raises(ConfigError):
        s.query_events(EventQuery(actor="RUS' OR 1=1 --"))
    s.close()


def test_memory_and_duckdb_agree(tmp_path: Path) -> None:
    m, d = MemoryStore(), DuckDBStore(tmp_path / "a.duckdb")
    _fill(m)
    _fill(d)
    assert list(m.iter_articles()) == list(d.iter_articles())
    assert list(m.iter_mentions()) == list(d.iter_mentions())
    assert list(m.iter_events(EventQuery())) == list(d.iter_events(EventQuery()))
    assert m.claims(limit=None) == d.claims(limit=None)
    assert m.actor_summary("USA") == d.actor_summary("USA")
    assert m.dyad_series("USA", "RUS", by="month") == d.dyad_series("USA", "RUS", by="month")
    d.close()


def test_failed_batch_writes_nothing(tmp_path: Path) -> None:
    for s in (MemoryStore(), DuckDBStore(tmp_path / "b.duckdb")):
        _fill(s)
        before = s.counts()
        good = ArticleRow.from_article(make_article("new", "A new article text."))
        orphan = MentionRow.from_event(make_event("missing", "USA", "RUS", "040", sentence="x y", day="2025-01-01"))
        with pytest.raises(StoreError):
            s.write_batch(WriteBatch(articles=(good,), mentions=(orphan,)))
        assert s.counts() == before
        assert s.known_article_ids(["new"]) == frozenset()
        s.close()


def test_schema_migrations_and_read_only(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with pytest.raises(StoreError):
        DuckDBStore(path, read_only=True)
    s = DuckDBStore(path)
    _fill(s)
    assert s.schema_version() == SCHEMA_VERSION
    assert [v for v, _, _ in s.migrations()] == list(range(1, SCHEMA_VERSION + 1))
    for table, cls in (("articles", ArticleRow), ("events", EventRow)):
        assert s.column_names(table) == [f.name for f in fields(cls)]
    assert s.column_names("mentions") == [f.name for f in fields(MentionRow)] + [n for n, _ in MENTION_EXTRA]
    assert set(COLUMNS) <= {"articles", "mentions", "events", "actors", "claims"}
    s.close()
    again = DuckDBStore(path)  # reopening migrates nothing twice
    assert len(again.migrations()) == SCHEMA_VERSION
    again.close()
    ro = DuckDBStore(path, read_only=True)
    assert ro.counts().events == 4
    with pytest.raises(StoreError):
        ro.write_batch(WriteBatch())
    ro.close()


def test_actor_names_do_not_depend_on_batch_order(tmp_path: Path) -> None:
    from tidings.store.base import ActorRow

    rows = [ActorRow("RUSGOV", "Kremlin", "RUS"), ActorRow("RUSGOV", "Putin", None), ActorRow("RUSGOV", None, "RUS")]
    results = []
    for i, order in enumerate((rows, rows[::-1], rows[1:] + rows[:1])):
        for s in (MemoryStore(), DuckDBStore(tmp_path / f"a{i}.duckdb")):
            for r in order:
                s.write_batch(WriteBatch(actors=(r,)))
            results.append(s.list_actors())
            s.close()
    assert all(r == [ActorRow("RUSGOV", "Kremlin", "RUS")] for r in results)
