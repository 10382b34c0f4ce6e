"""The Spark engine (local[2]) gives exactly the local engine's mentions and events."""

from __future__ import annotations

import importlib.util
import io
import itertools
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tidings.engines.local import LocalEngine
from tidings.engines.schema import MENTION_SCHEMA

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CORPUS = SHARED / "corpus" / "news-817.jsonl"


def needs_spark(test):
    """Marks for tests that run Spark: slow, skipped without PySpark or Java."""
    test = pytest.mark.slow(test)
    test = pytest.mark.skipif(
        importlib.util.find_spec("pyspark") is None, reason="PySpark not installed (pip install 'tidings[spark]')"
    )(test)
    return pytest.mark.skipif(
        shutil.which("java") is None, reason="no Java for Spark (apt-get install openjdk-17-jre-headless)"
    )(test)


#: team-written articles, used when ../shared is absent
OWN = [
    "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday. The two leaders signed an energy agreement.",
    "Israeli troops attacked Hamas positions in Gaza on Tuesday, the army said. Hamas fired rockets at Israel in response.",
    "The United States imposed new sanctions on Iran over its nuclear programme. Iran condemned the decision.",
    "Protesters marched through Nairobi to demand lower food prices. Police arrested dozens of protesters.",
    "Germany promised humanitarian aid to Ukraine after the floods. Ukraine thanked Germany for the help.",
    "Indian and Pakistani officials held talks in Geneva on Friday. India accused Pakistan of violating the ceasefire.",
]


def _write_input(path: Path, n: int = 30) -> int:
    """Write ``n`` corpus lines (or our own articles) plus one malformed line; returns the good count."""
    if CORPUS.exists():
        with CORPUS.open(encoding="utf-8") as fh:
            lines = [line.rstrip("\n") for line in itertools.islice(fh, n)]
    else:
        lines = [json.dumps({"id": f"own{i}", "text": t, "date": "2026-03-02"}) for i, t in enumerate(OWN)]
        lines.append(lines[0])  # the same article twice: its mentions are kept once
    path.write_text("\n".join([*lines[:3], "{not json", *lines[3:]]) + "\n", encoding="utf-8")
    return len(lines)


def _sorted(table):
    rows = table.select(list(MENTION_SCHEMA.names)).to_pylist()
    return sorted(rows, key=lambda r: r["mention_id"])


@pytest.fixture(scope="module")
def spark_engine():
    from tidings.engines.spark import SparkEngine

    engine = SparkEngine(master="local[2]", conf={"spark.default.parallelism": "2"})
    yield engine
    engine.session().stop()


@needs_spark
def test_spark_local2_equals_local_engine(tmp_path, coder, spark_engine):
    engine = spark_engine
    src = tmp_path / "in.jsonl"
    n = _write_input(src)
    local_out = tmp_path / "local.parquet"
    local = LocalEngine(coder_factory=lambda: coder).code([str(src)], str(local_out), batch_size=8)
    assert local.articles == n
    assert [b.origin for b in local.bad] == [f"{src}:4"]

    spark_out = tmp_path / "spark.parquet"
    report = engine.code([str(src)], str(spark_out), batch_size=8)
    # the same articles as a Parquet input (dates as a date column)
    pq_in = tmp_path / "in.parquet"
    pq.write_table(_as_parquet_input(src), pq_in)
    from_parquet = engine.code([str(pq_in)], str(tmp_path / "spark2.parquet"), batch_size=8)

    assert [(b.origin, b.code) for b in report.bad] == [(f"{src}:4", "E104")]
    assert report.articles == n
    spark_table = pq.read_table(spark_out)
    local_table = pq.read_table(local_out)
    assert spark_table.schema.equals(MENTION_SCHEMA)
    assert local_table.schema.equals(MENTION_SCHEMA)
    assert local_table.num_rows > 0
    assert _sorted(spark_table) == _sorted(local_table)
    assert (report.mentions, report.events) == (local.mentions, local.events)
    assert local.events < local.mentions or local.mentions < 10  # some mentions do cluster on a real corpus
    assert from_parquet.bad == () and from_parquet.articles == n
    assert _sorted(pq.read_table(tmp_path / "spark2.parquet")) == _sorted(local_table)


def _as_parquet_input(src: Path):
    import datetime as dt

    import pyarrow as pa

    recs = []
    for line in src.read_text(encoding="utf-8").splitlines():
        try:
            recs.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    cols = {k: [r.get(k) for r in recs] for k in ("id", "text", "title", "url")}
    cols["date"] = [dt.date.fromisoformat(r["date"]) if r.get("date") else None for r in recs]
    return pa.table(cols)


def test_missing_pyspark_message(monkeypatch):
    import builtins

    from tidings.engines import spark as spark_engine
    from tidings.errors import ConfigError

    real_import = builtins.__import__

    def no_pyspark(name, *args, **kwargs):
        if name == "pyspark" or name.startswith("pyspark."):
            raise ImportError("No module named 'pyspark'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyspark)
    with pytest.raises(ConfigError) as info:
        spark_engine.require_spark()
    assert info.value.code == "E512"
    assert "pip install 'tidings[spark]'" in str(info.value)


#: a page written for this test
PAGE = """<html><head><title>{title}</title><meta property="article:published_time" content="2026-03-02"></head>
<body><article><h1>{title}</h1><p>{body}</p></article></body></html>"""


@needs_spark
def test_spark_reads_warc_like_the_local_reader(tmp_path, coder, spark_engine):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [
        ("https://news.example/1", "Kenya and Ethiopia talks", (
            "Kenya's president met Ethiopia's prime minister in Nairobi on Monday to discuss the border. "
            "The two leaders signed an agreement on trade and promised to meet again in June."
        )),
        ("https://news.example/2", "Protest in Lagos", (
            "Police arrested dozens of protesters in Lagos on Tuesday after a march against fuel prices. "
            "Nigeria's government accused the organisers of breaking the law."
        )),
    ]
    warc = tmp_path / "crawl.warc.gz"
    with warc.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for url, title, body in pages:
            html = PAGE.format(title=title, body=body).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=headers))
    local_out, spark_out = tmp_path / "local.parquet", tmp_path / "spark.parquet"
    local = LocalEngine(coder_factory=lambda: coder).code([str(warc)], str(local_out), batch_size=8)
    report = spark_engine.code([str(warc)], str(spark_out), batch_size=8)
    assert local.articles == report.articles == 2
    assert [b.origin for b in report.bad] == [b.origin for b in local.bad]
    assert _sorted(pq.read_table(spark_out)) == _sorted(pq.read_table(local_out))
    assert local.mentions > 0


@needs_spark
def test_ingest_through_spark_stores_what_local_ingest_stores(tmp_path, coder, spark_engine):
    from tidings.engines import Precoded
    from tidings.ingest import read_inputs
    from tidings.ingestion import ingest
    from tidings.store.memory import MemoryStore

    src = tmp_path / "in.jsonl"
    _write_input(src, n=12)
    local_store, spark_store = MemoryStore(), MemoryStore()
    local = ingest(read_inputs([str(src)]), store=local_store, coder=coder, batch_size=4, quiet=True)
    pre = Precoded(spark_engine.code_records([str(src)], batch_size=4))
    remote = ingest(pre.records(), store=spark_store, coder=pre, batch_size=4, quiet=True)
    assert (remote.added, remote.mentions, len(remote.bad)) == (local.added, local.mentions, len(local.bad))
    assert local.mentions > 0

    def mentions(store):
        return sorted((m.mention_id, m.event_id) for m in store.iter_mentions())

    assert mentions(spark_store) == mentions(local_store)
