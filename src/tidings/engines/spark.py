"""The Spark engine: ``tidings code --engine spark [--master URL] INPUT... -o OUT.parquet``.

* inputs: JSONL (``.jsonl``, ``.ndjson``; one record per line, origin
  ``file:line``), Parquet (columns ``id``, ``text`` and optionally ``date``,
  ``title``, ``source``, ``url``; origin ``file#row``) and WARC
  (``.warc``, ``.warc.gz``; read whole by :func:`tidings.ingest.warc.parse_warc`),
  on any file system Spark reads (local paths, ``hdfs://``, ``s3a://``);
* coding: ``mapPartitions``, one :class:`~tidings.coder.Coder` (one spaCy
  pipeline) built per partition, bad records reported back to the driver;
* clustering: mentions are keyed by their block
  (:func:`tidings.dedup.rules.block_key`) and each block is clustered in a
  task by :func:`tidings.engines.schema.cluster_block`, the function the local
  engine uses, so the events are the same;
* output: a Parquet directory with :data:`~tidings.engines.schema.MENTION_SCHEMA`.

PySpark is optional (``pip install 'tidings[spark]'``); Spark 4 needs Java 17+.
Workers run the driver's Python (``PYSPARK_PYTHON`` is set to it unless set).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from tidings.engines import EngineReport
from tidings.engines.schema import MENTION_SCHEMA, cluster_block, mention_rows
from tidings.errors import E_FIELD, ConfigError
from tidings.parallel import ArticleCoder, default_coder_factory
from tidings.store.base import MentionRow
from tidings.types import Article, BadRecord

__all__ = ["SPARK_MISSING", "SparkEngine", "input_kind", "require_spark", "spark_schema"]

SPARK_MISSING = "Spark engine needs PySpark: pip install 'tidings[spark]'"
#: one input element: (kind, origin, payload)
Item = tuple[str, str, Any]


def require_spark() -> None:
    """Raise :class:`ConfigError` E512 (no PySpark) or E513 (no Java) with how to fix it."""
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise ConfigError(SPARK_MISSING, code="E512") from exc
    java_home = os.environ.get("JAVA_HOME")
    if not (java_home and Path(java_home, "bin", "java").exists()) and shutil.which("java") is None:
        raise ConfigError(
            "Spark needs Java 17 or later and none was found",
            code="E513",
            hint="apt-get install -y openjdk-17-jre-headless, or set JAVA_HOME",
        )


def input_kind(path: str) -> str | None:
    """``jsonl``, ``parquet``, ``warc`` or None (not read by the Spark engine)."""
    name = path.lower().rstrip("/")
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith(".parquet"):
        return "parquet"
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    return None


def spark_schema() -> Any:
    """:data:`MENTION_SCHEMA` as a Spark ``StructType`` (so the Parquet written reads back identical)."""
    from pyspark.sql import types as T

    by_arrow = {
        pa.string(): T.StringType(),
        pa.int64(): T.LongType(),
        pa.float64(): T.DoubleType(),
        pa.bool_(): T.BooleanType(),
        pa.date32(): T.DateType(),
    }
    return T.StructType([T.StructField(f.name, by_arrow[f.type], True) for f in MENTION_SCHEMA])


# -- inside the tasks -------------------------------------------------------------------------


def _records(items: Iterable[Item], default_date: dt.date | None) -> Iterator[Article | BadRecord]:
    """Articles (or bad records) from input elements, as the local readers make them."""
    from tidings.ingest.readers import read_jsonl_stream, record_to_article
    from tidings.ingest.warc import parse_warc

    for kind, origin, payload in items:
        if kind == "jsonl":  # one line, read by the local JSONL reader, named file:line
            for rec in read_jsonl_stream(io.BytesIO(payload.encode("utf-8")), origin, default_date=default_date):
                yield dataclasses.replace(rec, origin=origin)
        elif kind == "parquet":
            obj = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in payload.items()}
            yield record_to_article(obj, origin, default_date=default_date)
        elif kind == "warc":
            yield from parse_warc(io.BytesIO(payload), origin=origin, default_date=default_date)
        else:
            yield BadRecord(origin, E_FIELD, "the Spark engine reads .jsonl, .parquet and .warc(.gz) inputs")


def _code_partition(
    items: Iterable[Item], *, default_date: dt.date | None, batch_size: int, factory: Callable[[], ArticleCoder]
) -> Iterator[tuple[str, Any]]:
    """``("article", id)``, ``("mention", row values)`` or ``("bad", (origin, code, message))``."""
    from tidings.engines.local import code_records

    for rec in code_records(_records(items, default_date), coder_factory=factory, batch_size=batch_size):
        if isinstance(rec, BadRecord):
            yield "bad", (rec.origin, rec.code, rec.message)
            continue
        yield "article", rec[0].id
        for row in mention_rows(*rec):
            yield "mention", dataclasses.astuple(row)


def _coded_partition(
    items: Iterable[Item], *, default_date: dt.date | None, batch_size: int, factory: Callable[[], ArticleCoder]
) -> Iterator[Any]:
    """(article, events) or a bad record per input record (pickled back to the driver)."""
    from tidings.engines.local import code_records

    yield from code_records(_records(items, default_date), coder_factory=factory, batch_size=batch_size)


def _cluster(values: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return [dataclasses.astuple(m) for m in cluster_block(MentionRow(*v) for v in values)]


def _block(values: tuple[Any, ...]) -> tuple[str, str, str]:
    from tidings.dedup.rules import block_key

    k = block_key(MentionRow(*values))
    return k.actor_a, k.actor_b, k.root_class


# -- the driver --------------------------------------------------------------------------------


class SparkEngine:
    """:class:`tidings.engines.Engine` on Spark (``master`` like ``local[2]`` or ``spark://host:7077``)."""

    def __init__(
        self,
        *,
        master: str | None = None,
        app_name: str = "tidings",
        coder_factory: Callable[[], ArticleCoder] = default_coder_factory,
        on_bad: Callable[[BadRecord], None] | None = None,
        conf: dict[str, str] | None = None,
    ) -> None:
        require_spark()
        self.master = master
        self.app_name = app_name
        self.coder_factory = coder_factory
        self.on_bad = on_bad
        self.conf = dict(conf or {})

    def session(self) -> Any:
        """The Spark session (workers run this Python unless ``PYSPARK_PYTHON`` says otherwise)."""
        from pyspark.sql import SparkSession

        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = SparkSession.builder.appName(self.app_name)
        if self.master:
            builder = builder.master(self.master)
        elif "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit, which gives --master
            builder = builder.master("local[*]")
        builder = (
            builder.config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.session.timeZone", "UTC")
        )
        for k, v in self.conf.items():
            builder = builder.config(k, v)
        spark = builder.getOrCreate()
        spark.sparkContext.setLogLevel("ERROR")
        return spark

    def read(self, spark: Any, paths: Sequence[str]) -> Any:
        """An RDD of input elements ``(kind, origin, payload)`` from all ``paths``."""
        sc = spark.sparkContext
        rdds = []
        unread: list[Item] = []
        for p in _expand(paths):
            kind = input_kind(p)
            if kind == "jsonl":
                rdds.append(sc.textFile(p).zipWithIndex().map(lambda li, p=p: ("jsonl", f"{p}:{li[1] + 1}", li[0])))
            elif kind == "parquet":
                df = spark.read.parquet(p)
                cols = [c for c in ("id", "text", "date", "title", "source", "url") if c in df.columns]
                rdds.append(
                    df.select(*cols).rdd.zipWithIndex().map(lambda ri, p=p: ("parquet", f"{p}#{ri[1]}", ri[0].asDict()))
                )
            elif kind == "warc":
                rdds.append(sc.binaryFiles(p).map(lambda fc: ("warc", _local_name(fc[0]), fc[1])))
            else:
                unread.append(("other", p, None))
        if unread:
            rdds.append(sc.parallelize(unread, 1))
        return sc.union(rdds) if rdds else sc.emptyRDD()

    def code_records(
        self, paths: Sequence[str], *, default_date: dt.date | None = None, batch_size: int = 64
    ) -> Iterator[Any]:
        """(article, events) or a bad record per input record, coded on Spark, streamed to the driver.

        For ``tidings ingest --engine spark``: the driver stores them (see
        :class:`tidings.engines.Precoded`).  Order: partition by partition.
        """
        spark = self.session()
        factory = self.coder_factory

        def code_part(items: Iterable[Item]) -> Iterator[Any]:
            return _coded_partition(items, default_date=default_date, batch_size=batch_size, factory=factory)

        yield from self.read(spark, paths).mapPartitions(code_part).toLocalIterator(prefetchPartitions=True)

    def code(
        self, paths: Sequence[str], output: str, *, default_date: dt.date | None = None, batch_size: int = 64
    ) -> EngineReport:
        from pyspark import StorageLevel

        started = time.monotonic()
        spark = self.session()
        factory = self.coder_factory

        def code_part(items: Iterable[Item]) -> Iterator[tuple[str, Any]]:
            return _code_partition(items, default_date=default_date, batch_size=batch_size, factory=factory)

        coded = self.read(spark, paths).mapPartitions(code_part).persist(StorageLevel.MEMORY_AND_DISK)
        bad = tuple(BadRecord(*b) for _, b in coded.filter(lambda kv: kv[0] == "bad").collect())
        for b in bad:
            if self.on_bad is not None:
                self.on_bad(b)
        n_articles = coded.filter(lambda kv: kv[0] == "article").count()
        clustered = (
            coded.filter(lambda kv: kv[0] == "mention")
            .map(lambda kv: (_block(kv[1]), kv[1]))
            .groupByKey()
            .flatMap(lambda kv: _cluster(kv[1]))
            .persist(StorageLevel.MEMORY_AND_DISK)
        )
        spark.createDataFrame(clustered, schema=spark_schema()).write.mode("overwrite").parquet(output)
        event_index = MENTION_SCHEMA.get_field_index("event_id")
        n_mentions = clustered.count()
        n_events = clustered.map(lambda v: v[event_index]).distinct().count()
        clustered.unpersist()
        coded.unpersist()
        return EngineReport(
            articles=n_articles, mentions=n_mentions, events=n_events, bad=bad,
            seconds=time.monotonic() - started, output=output,
        )


def _local_name(uri: str) -> str:
    """``file:/x/y.warc`` as ``/x/y.warc`` (as the local reader names it); other URIs as they are."""
    return uri[len("file:") :] if uri.startswith("file:/") and not uri.startswith("file://") else uri.removeprefix("file://")


def _expand(paths: Sequence[str]) -> Iterator[str]:
    """Paths as given; a local directory (not a Parquet dataset) gives the readable files in it."""
    for p in paths:
        path = Path(p)
        if "://" not in p and path.is_dir() and input_kind(p) != "parquet":
            for f in sorted(path.rglob("*")):
                if f.is_file() and input_kind(str(f)) is not None and not f.name.startswith((".", "_")):
                    yield str(f)
        else:
            yield p


def main(argv: Sequence[str] | None = None) -> int:
    """``spark-submit .../tidings/engines/spark.py INPUT... -o OUT.parquet [--date D] [--batch-size N]``."""
    import argparse

    ap = argparse.ArgumentParser(prog="tidings-spark", description="Code news on Spark into mentions Parquet.")
    ap.add_argument("paths", nargs="+")
    ap.add_argument("-o", "--output", required=True, help="OUT.parquet (a directory of part files)")
    ap.add_argument("--date", type=dt.date.fromisoformat, help="publication date for records without one")
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args(argv)
    engine = SparkEngine(on_bad=lambda b: print(f"tidings: skipped {b}", file=sys.stderr))
    report = engine.code(args.paths, args.output, default_date=args.date, batch_size=args.batch_size)
    print(f"tidings: {report.summary()}", file=sys.stderr)
    return 1 if report.bad else 0


if __name__ == "__main__":
    sys.exit(main())
