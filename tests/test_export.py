"""Exports from a hand-built store: every format round-trips what it should."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tidings.errors import ConfigError
from tidings.export import GDELT_COLUMNS, export, gdelt_row, plover_record
from tidings.ingestion import store_coded
from tidings.store.base import EventQuery
from tidings.store.memory import MemoryStore
from tidings.store.synthetic import make_article, make_event


@pytest.fixture
def store() -> MemoryStore:
    s = MemoryStore()
    a = make_article("a1", "x", date="2025-02-10", source="Post", url="https://post.example/a1")
    b = make_article("a2", "y", date="2025-02-11", source="Herald", url="https://herald.example/a2")
    store_coded(
        s,
        [
            (
                a,
                [
                    make_event(
                        "a1",
                        "USAGOV",
                        "RUSGOV",
                        "040",
                        sentence="Trump held talks with Putin on Ukraine.",
                        day="2025-02-09",
                        goldstein=1.0,
                        plover="CONSULT",
                    ),
                    make_event(
                        "a1",
                        "RUSMIL",
                        "UKR",
                        "190",
                        sentence="Russian troops attacked Kharkiv.",
                        day="2025-02-09",
                        sentence_index=1,
                        place="Kharkiv",
                        geonameid=706483,
                        goldstein=-10.0,
                        plover="ASSAULT",
                        offset=40,
                    ),
                    make_event(
                        "a1",
                        "RUSGOV",
                        None,
                        "010",
                        sentence="The Kremlin made a statement.",
                        day="2025-02-09",
                        sentence_index=2,
                        offset=80,
                    ),
                ],
            ),
            (
                b,
                [
                    make_event(
                        "a2",
                        "RUSGOV",
                        "USAGOV",
                        "040",
                        sentence="Putin held talks with Trump on Ukraine.",
                        day="2025-02-09",
                        goldstein=1.0,
                        plover="CONSULT",
                    )
                ],
            ),
        ],
    )
    return s


def test_gdelt_has_61_columns_and_the_fields_that_apply(store: MemoryStore, tmp_path: Path) -> None:
    assert len(GDELT_COLUMNS) == 61
    out = tmp_path / "e.tsv"
    r = export(store, "gdelt", out)
    lines = out.read_text().splitlines()
    assert r.rows == len(lines) == 3
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in lines]
    assert all(len(line.split("\t")) == 61 for line in lines)
    talk = next(r for r in rows if r["EventRootCode"] == "04")
    assert talk["SQLDATE"] == "20250209" and talk["MonthYear"] == "202502" and talk["Year"] == "2025"
    assert {talk["Actor1Code"], talk["Actor2Code"]} == {"USAGOV", "RUSGOV"}
    assert talk["Actor1Type1Code"] in ("GOV",) and talk["Actor1CountryCode"] in ("USA", "RUS")
    assert (talk["NumMentions"], talk["NumSources"], talk["NumArticles"]) == ("2", "2", "2")
    assert talk["SOURCEURL"] == "https://post.example/a1" and talk["DATEADDED"] == "20250210000000"
    assert int(talk["GlobalEventID"]) > 0
    strike = next(r for r in rows if r["EventRootCode"] == "19")
    assert strike["QuadClass"] == "4" and strike["GoldsteinScale"] == "-10"
    assert strike["ActionGeo_FullName"] == "Kharkiv" and strike["ActionGeo_FeatureID"] == "706483"


def test_plover_records_drop_events_without_a_plover_type(store: MemoryStore, tmp_path: Path) -> None:
    out = tmp_path / "p.jsonl"
    r = export(store, "plover", out)
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert (r.rows, r.skipped) == (2, 1)
    talk = next(x for x in recs if x["event"] == "CONSULT")
    assert talk["source"][0]["code"] in ("USA", "RUS") and talk["source"][0]["sector"] == "GOV"
    assert talk["numMentions"] == 2 and talk["date"] == "2025-02-09" and talk["version"].startswith("PLOVER")
    strike = next(x for x in recs if x["event"] == "ASSAULT")
    assert strike["geo"]["placeName"] == "Kharkiv" and strike["target"] == [{"actorText": "UKR", "code": "UKR"}]
    assert plover_record(store.query_events(EventQuery(code="01"))[0]) is None


def test_parquet_csv_jsonl_round_trip(store: MemoryStore, tmp_path: Path) -> None:
    events = store.query_events(EventQuery())
    t = pq.read_table(tmp_path / "e.parquet") if export(store, "parquet", tmp_path / "e.parquet").rows else None
    assert t is not None and t.num_rows == 3 and set(t.column("event_id").to_pylist()) == {e.event_id for e in events}
    export(store, "csv", tmp_path / "e.csv")
    with (tmp_path / "e.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    assert [r["event_id"] for r in rows] == [e.event_id for e in events]
    assert rows[0]["date_start"] == "2025-02-09"
    r = export(store, "jsonl", tmp_path / "e.jsonl", query=EventQuery(actor="UKR"))
    [one] = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert r.rows == 1 and one["cameo"] == "190" and one["place_name"] == "Kharkiv"


def test_empty_parquet_and_bad_format(tmp_path: Path) -> None:
    assert export(MemoryStore(), "parquet", tmp_path / "none.parquet").rows == 0
    assert pq.read_table(tmp_path / "none.parquet").num_rows == 0
    with pytest.raises(ConfigError):
        export(MemoryStore(), "xml", tmp_path / "x")


def test_gdelt_row_without_place_or_target(store: MemoryStore) -> None:
    [stmt] = store.query_events(EventQuery(code="01"))
    row = gdelt_row(stmt)
    assert len(row) == 61 and row[GDELT_COLUMNS.index("Actor2Code")] == ""
    assert row[GDELT_COLUMNS.index("ActionGeo_Type")] == ""
