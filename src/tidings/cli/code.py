"""``tidings code``: news text in, events out."""

from __future__ import annotations

import datetime as dt
import sys

import click

from ..errors import TidingsError
from ..types import BadRecord


def parse_date_option(ctx, param, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("use YYYY-MM-DD, e.g. 2025-02-10") from None


def report_bad(bad: BadRecord) -> None:
    click.echo(f"tidings: skipped {bad}", err=True)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--date", "date", callback=parse_date_option, help="Publication date (YYYY-MM-DD) for records without one.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default=None,
              help="Output format [default: table on a terminal, else jsonl; Parquet when -o ends in .parquet].")
@click.option("-o", "--output", type=click.Path(dir_okay=True, writable=True),
              help="Write to FILE instead of standard output (Spark writes OUT.parquet as a folder).")
@click.option("--batch-size", default=16, show_default=True, help="Articles parsed per spaCy batch.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Coding processes on this machine, each with its own model.")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="Code here, or on Spark (pip install 'tidings[spark]').")
@click.option("--master", default=None, help="Spark master, e.g. local[2] or spark://host:7077.")
@click.option("--coded-only", is_flag=True,
              help="ICEWS/PETRARCH style: drop events whose actors the dictionaries cannot code, and events without a target.")
@click.option("--speech-events", is_flag=True,
              help='Also emit "X said ..." (CAMEO 01x) when what X said is itself an event (by default it is that event\'s attribution).')
@click.option("--fallback", "fallback", metavar="MODEL",
              help="Where the lexicon finds no event, propose one from sentence embeddings: "
              "'builtin' or a model from `tidings train` (docs/fallback.md).")
def code(
    paths: tuple[str, ...],
    date: dt.date | None,
    fmt: str | None,
    output: str | None,
    batch_size: int,
    workers: int,
    engine: str,
    master: str | None,
    coded_only: bool,
    speech_events: bool,
    fallback: str | None,
) -> None:
    """Code news articles into political events.

    PATHS are .txt files (one article each), .json/.jsonl files with records
    {"id", "text", "date"?, "title"?, "source"?, "url"?}, directories of them,
    or - for standard input.  Bad records are reported on standard error with
    file and line, and skipped; the exit status is 1 when any was skipped.

    \b
    Examples:
      tidings code examples/
      tidings code news.jsonl --format jsonl -o events.jsonl
      tidings code news.jsonl --workers 2 -o events.parquet
      tidings code news.jsonl --engine spark --master local[2] -o events.parquet
      echo "Putin met Xi in Beijing on Monday." | tidings code - --date 2025-05-08
      tidings code news.jsonl --fallback builtin
    """
    from .engine_options import run_code

    try:
        status = run_code(
            paths,
            date=date,
            fmt=fmt,
            output=output,
            batch_size=batch_size,
            workers=workers,
            engine=engine,
            master=master,
            coded_only=coded_only,
            speech_events=speech_events,
            fallback=fallback,
        )
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
    if status:
        sys.exit(status)
