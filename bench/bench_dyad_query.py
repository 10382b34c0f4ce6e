"""Benchmark: dyad queries over 10 million synthetic events in the DuckDB store.

    .venv/bin/python bench/bench_dyad_query.py [--events 10000000] [--db /tmp/bench.duckdb] [--keep]

Builds a store (schema by :class:`tidings.store.duckdb.DuckDBStore`), fills
its ``events`` table with reproducible synthetic events generated inside
DuckDB (skewed towards a few big-country dyads, as real event data is), then
opens it read-only, as ``tidings serve`` does, and times the read paths the
CLI and the API use.  Prints one line per query: best and median of 5 runs.
Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from tidings.store.base import EventQuery
from tidings.store.duckdb import DuckDBStore
from tidings.store.migrations import COLUMNS
from tidings.store.synthetic import CODES, COUNTRIES, QUAD_OF_ROOT, SECTORS


def _list(xs: tuple[str, ...]) -> str:
    return "[" + ", ".join(f"'{x}'" for x in xs) + "]"


def fill(db: str, n: int) -> float:
    """Create the schema and insert ``n`` synthetic events; returns seconds taken."""
    DuckDBStore(db).close()
    t0 = time.perf_counter()
    con = duckdb.connect(db)
    quad_case = " ".join(f"WHEN '{r}' THEN {q}" for r, q in QUAD_OF_ROOT.items())
    # country index skewed towards the head of the list: floor(28 * u^2)
    con.execute(f"""
        CREATE TEMP TABLE raw AS
        SELECT i,
               {_list(COUNTRIES)}[1 + CAST(floor(28 * pow(hash(i, 1) % 1000000 / 1e6, 2)) AS INTEGER)] AS a,
               {_list(COUNTRIES)}[1 + CAST(floor(28 * pow(hash(i, 2) % 1000000 / 1e6, 2)) AS INTEGER)] AS b,
               {_list(SECTORS)}[1 + CAST(hash(i, 3) % 8 AS INTEGER)] AS sa,
               {_list(SECTORS)}[1 + CAST(hash(i, 4) % 8 AS INTEGER)] AS sb,
               {_list(CODES)}[1 + CAST(hash(i, 5) % 20 AS INTEGER)] AS code,
               DATE '2015-01-01' + CAST(hash(i, 6) % 3650 AS INTEGER) AS day,
               1 + CAST(hash(i, 7) % 6 AS INTEGER) AS n
        FROM range({n}) t(i)
    """).fetchall()
    cols = [c for c, _ in COLUMNS["events"]]
    values = {
        "event_id": "'ev' || lpad(to_hex(i), 16, '0')",
        "cameo": "code",
        "cameo_label": "'code ' || code",
        "root": "substr(code, 1, 2)",
        "plover_event": "NULL",
        "plover_mode": "NULL",
        "quad_class": f"CASE substr(code, 1, 2) {quad_case} ELSE 1 END",
        "goldstein": "round((hash(i, 8) % 200) / 10.0 - 10, 1)",
        "date_start": "day",
        "date_end": "day",
        "date_granularity": "'day'",
        "num_mentions": "n",
        "num_sources": "n",
        "num_articles": "n",
        "first_seen": "day",
        "last_seen": "day",
        "source_code": "a || sa",
        "source_name": "NULL",
        "source_country": "a",
        "target_code": "b || sb",
        "target_name": "NULL",
        "target_country": "b",
        "modality": "'asserted'",
        "confidence": "0.8",
        "sentence": "''",
    }
    select = ", ".join(values.get(c, "NULL") for c in cols)
    con.execute(f"INSERT INTO events SELECT {select} FROM raw").fetchall()
    con.execute("CHECKPOINT").fetchall()
    con.close()
    return time.perf_counter() - t0


def timed(label: str, fn: Callable[[], object], runs: int = 5) -> None:
    times = []
    result = None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    size = len(result) if isinstance(result, list) else result
    print(f"{label:58} best {min(times) * 1000:8.1f} ms   median {statistics.median(times) * 1000:8.1f} ms   ({size})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--db", default="/tmp/tidings-bench.duckdb")
    ap.add_argument("--keep", action="store_true", help="reuse the store if it already has the events")
    args = ap.parse_args()
    path = Path(args.db)
    reuse = args.keep and path.exists()
    if not reuse:
        for p in (path, Path(str(path) + ".wal")):
            p.unlink(missing_ok=True)
        print(f"filling {args.events:,} events ... {fill(args.db, args.events):.1f} s")
    store = DuckDBStore(args.db, read_only=True)
    print(f"store: {store.counts().events:,} events, {path.stat().st_size / 1e6:.0f} MB")
    timed("dyad_series USA RUS by week (undirected)", lambda: store.dyad_series("USA", "RUS", by="week"))
    timed("dyad_series USA RUS by month (directed)", lambda: store.dyad_series("USA", "RUS", by="month", directed=True))
    timed(
        "dyad_series ISR IRN by week, one year",
        lambda: store.dyad_series("ISR", "IRN", by="week", since=dt.date(2020, 1, 1), until=dt.date(2020, 12, 31)),
    )
    timed("count_events dyad USA:RUS", lambda: store.count_events(EventQuery(dyad=("USA", "RUS"))))
    timed(
        "query_events dyad USA:RUS code 04, newest 100",
        lambda: store.query_events(EventQuery(dyad=("USA", "RUS"), code="04", order="-date", limit=100)),
    )
    timed(
        "query_events dyad USAGOV:RUSGOV, all rows", lambda: store.query_events(EventQuery(dyad=("USAGOV", "RUSGOV")))
    )
    timed("actor_summary RUS (top 10 partners)", lambda: store.actor_summary("RUS").num_events)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
