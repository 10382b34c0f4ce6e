"""``tidings check``: contested and corroborated claims, inconsistent titles and dates."""

from __future__ import annotations

import datetime as dt
import sys

import click

from ..errors import TidingsError
from .code import parse_date_option, report_bad


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--date",
    "date",
    callback=parse_date_option,
    help="Publication date (YYYY-MM-DD) for records without one.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["report", "jsonl"]),
    default="report",
    show_default=True,
    help="A readable report, or one JSON object per finding with its evidence.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to FILE instead of standard output.",
)
def check(
    paths: tuple[str, ...], date: dt.date | None, fmt: str, output: str | None
) -> None:
    """Check a set of articles for contested and corroborated claims and
    internal inconsistencies.

    Lists claims asserted or reported by one party and denied by another
    (contested), claims confirmed by a second party (corroborated), titles
    that contradict a person's dated roles on the article's date ("former US
    President Donald Trump" on 2025-02-10), and before/after statements that
    contradict known dates ("This came before Russia's annexation of Crimea"
    about 2025 statements).  PATHS are read as by `tidings code`.

    \b
    Examples:
      tidings check ../shared/examples/seed-article.json
      tidings check a.jsonl b.jsonl --format jsonl -o findings.jsonl
    """
    from .. import default_coder
    from ..claims.check import check_articles, write_jsonl, write_report
    from ..ingest import read_inputs
    from ..types import BadRecord

    try:
        coder = default_coder()
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
    records = list(read_inputs(paths, default_date=date))
    for rec in records:
        if isinstance(rec, BadRecord):
            report_bad(rec)
    result = check_articles(records, coder=coder)
    write = write_jsonl if fmt == "jsonl" else write_report
    if output:
        with open(output, "w", encoding="utf-8") as stream:
            write(result, stream)
    else:
        write(result, sys.stdout)
    if result.bad:
        sys.exit(1)
