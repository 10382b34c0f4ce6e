"""``tidings code --workers N --engine local|spark --master URL``: the engine behind the ``code`` command.

:func:`run_code` is what the ``code`` command calls.  With ``--engine local``
(the default) it reads the inputs here and codes them on one process or on
``--workers`` processes; output is JSONL / CSV / a table as before, or
mentions Parquet (clustered into events) when ``-o`` ends with ``.parquet``.
With ``--engine spark`` the inputs are read and coded by Spark
(:mod:`tidings.engines.spark`) and ``-o OUT.parquet`` is required.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence

import click

from ..errors import ConfigError, TidingsError
from ..parallel import ArticleCoder, default_coder_factory
from ..types import Article, BadRecord

__all__ = ["ENGINES", "ingest_source", "run_code"]

ENGINES = ("local", "spark")


def _report_bad(bad: BadRecord) -> None:
    click.echo(f"tidings: skipped {bad}", err=True)


def _check(*, output: str | None, workers: int, engine: str, master: str | None) -> None:
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r}", code="E510", hint="use --engine local or --engine spark")
    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, got {workers}", code="E510")
    if engine == "spark" and not (output or "").endswith(".parquet"):
        raise ConfigError(
            "the Spark engine writes Parquet", code="E514", hint="give -o OUT.parquet with --engine spark"
        )
    if master is not None and engine != "spark":
        raise ConfigError("--master is for --engine spark", code="E510")


def _code_stream(
    paths: Sequence[str],
    *,
    date: dt.date | None,
    fmt: str | None,
    output: str | None,
    batch_size: int,
    workers: int,
    factory: Callable[[], ArticleCoder],
) -> int:
    """Local engine to JSONL / CSV / table; returns the number of bad records."""
    from ..engines.local import code_records
    from ..ingest import read_inputs
    from ..ingest.language import screen_language
    from .output import EventWriter

    if fmt is None:
        fmt = "table" if (output is None and sys.stdout.isatty()) else "jsonl"
    bad = 0
    opened = open(output, "w", encoding="utf-8", newline="") if output else contextlib.nullcontext(sys.stdout)  # noqa: SIM115
    with opened as stream:
        writer = EventWriter(stream, fmt)
        records = screen_language(read_inputs(paths, default_date=date))
        for rec in code_records(records, coder_factory=factory, workers=workers, batch_size=batch_size):
            if isinstance(rec, BadRecord):
                bad += 1
                _report_bad(rec)
            else:
                writer.write(rec[1])
        writer.close()
    return bad


def run_code(
    paths: Sequence[str],
    *,
    date: dt.date | None,
    fmt: str | None,
    output: str | None,
    batch_size: int,
    workers: int = 1,
    engine: str = "local",
    master: str | None = None,
    coded_only: bool = False,
    speech_events: bool = False,
    fallback: str | None = None,
) -> int:
    """Run ``tidings code``; returns the exit status (0 all coded, 1 some records skipped).

    ``coded_only``, ``speech_events`` and ``fallback`` (a model path or "builtin") are the
    coder options of the same name, passed to every coder built (each worker's, each Spark partition's).
    Errors in the options or the set-up (no PySpark, no Java, a worker that
    died) are raised as :class:`click.ClickException` with their code.
    """
    options = {k: v for k, v in (("coded_only", coded_only), ("speech_events", speech_events)) if v}
    factory = functools.partial(default_coder_factory, **options)
    if fallback:  # the embedding fallback (docs/fallback.md), loaded in each coder's process
        from ..coder.fallback_hook import coder_with_fallback

        factory = functools.partial(coder_with_fallback, fallback, **options)
    try:
        _check(output=output, workers=workers, engine=engine, master=master)
        if engine == "spark":
            from ..engines.spark import SparkEngine

            report = SparkEngine(master=master, coder_factory=factory, on_bad=_report_bad).code(
                list(paths), str(output), default_date=date, batch_size=batch_size
            )
            click.echo(f"tidings: {report.summary()}", err=True)
            bad = len(report.bad)
        elif output is not None and output.endswith(".parquet"):
            from ..engines.local import LocalEngine

            report = LocalEngine(workers=workers, coder_factory=factory, on_bad=_report_bad).code(
                list(paths), output, default_date=date, batch_size=batch_size
            )
            click.echo(f"tidings: {report.summary()}", err=True)
            bad = len(report.bad)
        else:
            bad = _code_stream(
                paths, date=date, fmt=fmt, output=output, batch_size=batch_size, workers=workers, factory=factory
            )
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
    if bad:
        click.echo(f"tidings: {bad} record(s) skipped", err=True)
        return 1
    return 0


@contextlib.contextmanager
def ingest_source(
    paths: Sequence[str],
    *,
    date: dt.date | None,
    workers: int = 1,
    engine: str = "local",
    master: str | None = None,
    batch_size: int = 64,
) -> Iterator[tuple[Iterable[Article | BadRecord], ArticleCoder]]:
    """The records and the coder for ``tidings ingest --workers N --engine local|spark --master URL``.

    Use as ``with ingest_source(...) as (records, coder): ingest(records, store=..., coder=coder, ...)``.
    Local: the inputs read here, coded by one coder or a pool of ``workers``
    processes (closed on exit).  Spark: the inputs read and coded on Spark and
    streamed back, stored here by the usual driver (clustering included).
    Option errors raise :class:`click.ClickException` with their code.
    """
    from ..ingest import read_inputs

    try:
        _check(output=".parquet" if engine == "spark" else None, workers=workers, engine=engine, master=master)
        if engine == "spark":
            from ..engines import Precoded
            from ..engines.spark import SparkEngine

            spark = SparkEngine(master=master)
            pre = Precoded(spark.code_records(list(paths), default_date=date, batch_size=batch_size))
            try:
                yield pre.records(), pre
            finally:
                spark.session().stop()
        elif workers > 1:
            from ..parallel import ParallelCoder

            with ParallelCoder(workers=workers, batch_size=batch_size) as pool:
                yield read_inputs(paths, default_date=date), pool
        else:
            from .. import default_coder

            yield read_inputs(paths, default_date=date), default_coder()
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
