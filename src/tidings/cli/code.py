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
              help="Output format [default: table on a terminal, else jsonl].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE instead of standard output.")
@click.option("--batch-size", default=64, show_default=True, help="Articles parsed per spaCy batch.")
@click.option("--coded-only", is_flag=True,
              help="ICEWS/PETRARCH style: drop events whose actors the dictionaries cannot code, and events without a target.")
@click.option("--speech-events", is_flag=True,
              help='Also emit "X said ..." (CAMEO 01x) when what X said is itself an event (by default it is that event\'s attribution).')
def code(
    paths: tuple[str, ...],
    date: dt.date | None,
    fmt: str | None,
    output: str | None,
    batch_size: int,
    coded_only: bool,
    speech_events: bool,
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
      echo "Putin met Xi in Beijing on Monday." | tidings code - --date 2025-05-08
    """
    from .. import default_coder
    from ..coder import Coder
    from ..ingest import read_inputs
    from .output import EventWriter

    if fmt is None:
        fmt = "table" if (output is None and sys.stdout.isatty()) else "jsonl"
    try:
        coder = default_coder()
        if coded_only or speech_events:
            base = coder
            coder = Coder(lexicon=base.lexicon, nlp=base.nlp, dates=base.dates, assessor=base.assessor,
                          places=base.places, coded_only=coded_only, speech_events=speech_events)
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
    bad = 0

    def articles():
        nonlocal bad
        for rec in read_inputs(paths, default_date=date):
            if isinstance(rec, BadRecord):
                bad += 1
                report_bad(rec)
            else:
                yield rec

    stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    writer = EventWriter(stream, fmt)
    try:
        for article, events in coder.code_articles(articles(), batch_size=batch_size):
            writer.write(events)
        writer.close()
    finally:
        if output:
            stream.close()
    if bad:
        click.echo(f"tidings: {bad} record(s) skipped", err=True)
        sys.exit(1)
