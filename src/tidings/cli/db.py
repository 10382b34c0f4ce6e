"""``tidings ingest | query | dyad | export``: the event database from the command line."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import click

from ..errors import TidingsError
from ..store.base import EventQuery, EventRow, SeriesPoint
from .code import parse_date_option, report_bad

__all__ = ["COMMANDS", "dyad", "export", "ingest", "query"]

DB_OPTION = click.option(
    "--db", default="tidings.duckdb", show_default=True, type=click.Path(dir_okay=False), help="The DuckDB store file."
)


def _open(db: str, *, read_only: bool):
    from ..store.duckdb import DuckDBStore

    try:
        return DuckDBStore(db, read_only=read_only)
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc


def _count_records(paths: Sequence[str]) -> int | None:
    """Records in the inputs when cheap to know (JSONL lines, .txt files); None otherwise."""
    total = 0
    for p in map(Path, paths):
        if p.is_file() and p.suffix in (".jsonl", ".ndjson"):
            with p.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        elif p.is_file() and p.suffix == ".txt":
            total += 1
        else:
            return None
    return total


@click.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option(
    "--date", "date", callback=parse_date_option, help="Publication date (YYYY-MM-DD) for records without one."
)
@click.option("--batch-size", default=64, show_default=True, help="Articles coded and committed per batch.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary (bad records are still reported).")
@click.option("--any-language", is_flag=True, help="Do not skip texts that do not read as English.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Coding processes on this machine.")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="Code here, or on Spark (clustering and the store stay here).")
@click.option("--master", default=None, help="Spark master, e.g. local[2] or spark://host:7077.")
def ingest(
    paths: tuple[str, ...],
    db: str,
    date: dt.date | None,
    batch_size: int,
    quiet: bool,
    any_language: bool,
    workers: int,
    engine: str,
    master: str | None,
) -> None:
    """Code articles and add their events to the store.

    PATHS are .txt, .json/.jsonl, saved .html pages, RSS/Atom feeds (.rss,
    .atom, .xml), .warc/.warc.gz web archives, or directories of any mix.  The
    same text is stored once; a second run over the same input adds nothing;
    a killed run can simply be started again (batches commit whole).

    \b
    Examples:
      tidings ingest ../shared/corpus/news-817.jsonl
      tidings ingest crawl/ --db news.duckdb --quiet
    """
    from ..ingestion import ingest as run
    from .engine_options import ingest_source

    store = _open(db, read_only=False)
    try:
        with ingest_source(
            paths, date=date, workers=workers, engine=engine, master=master, batch_size=batch_size
        ) as (records, coder):
            report = run(
                records,
                store=store,
                coder=coder,
                batch_size=batch_size,
                quiet=quiet,
                total=_count_records(paths),
                check_language=not any_language,
                on_bad=report_bad,
            )
        counts = store.counts()
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    if not quiet:
        click.echo(f"tidings: {report.summary()}", err=True)
        click.echo(
            f"tidings: {db} holds {counts.articles} articles, {counts.mentions} mentions, {counts.events} events",
            err=True,
        )
    if report.bad:
        sys.exit(1)


def _dyad_option(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = value.split(":")
    if len(parts) != 2 or not all(parts):
        raise click.BadParameter("use A:B, e.g. USA:RUS")
    return parts[0].upper(), parts[1].upper()


def _filters(f):
    for opt in reversed(
        [
            click.option("--actor", help="Either side's actor code starts with this (RUS matches RUSGOV)."),
            click.option("--dyad", callback=_dyad_option, help="A:B, either direction unless --directed."),
            click.option("--directed", is_flag=True, help="--dyad A:B means source A, target B."),
            click.option("--code", help="CAMEO code prefix, e.g. 04 or 042."),
            click.option("--plover", help="PLOVER event type, e.g. CONSULT."),
            click.option("--since", callback=parse_date_option, help="Events on or after YYYY-MM-DD."),
            click.option("--until", callback=parse_date_option, help="Events on or before YYYY-MM-DD."),
            click.option("--modality", help="asserted, reported, denied, future, ..."),
            click.option("--min-mentions", default=1, show_default=True, help="Only events with this many mentions."),
        ]
    ):
        f = opt(f)
    return f


def _query(actor, dyad, directed, code, plover, since, until, modality, min_mentions, **kw) -> EventQuery:
    return EventQuery(
        actor=actor,
        dyad=dyad,
        directed=directed,
        code=code,
        plover=plover,
        since=since,
        until=until,
        modality=modality,
        min_mentions=min_mentions,
        **kw,
    )


def _table(rows: list[EventRow]) -> str:
    head = ("date", "source", "target", "cameo", "event", "quad", "gold", "ment", "srcs", "place", "event_id")
    body = [
        (
            str(e.date_start or ""),
            e.source_code or "-",
            e.target_code or "-",
            e.cameo,
            (e.cameo_label or "")[:28],
            str(e.quad_class),
            f"{e.goldstein:g}",
            str(e.num_mentions),
            str(e.num_sources),
            (e.place_name or "")[:16],
            e.event_id,
        )
        for e in rows
    ]
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in [head, *body])


@click.command()
@DB_OPTION
@_filters
@click.option("--order", type=click.Choice(["date", "-date", "mentions"]), default="date", show_default=True)
@click.option("--limit", type=int, default=None, help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table", show_default=True)
def query(db: str, order: str, limit: int | None, fmt: str, **filters) -> None:
    """List events from the store.

    \b
    Examples:
      tidings query --dyad USA:RUS --code 04
      tidings query --actor RUS --since 2025-01-01 --format csv > rus.csv
    """
    from ..export import event_dict

    store = _open(db, read_only=True)
    try:
        rows = store.query_events(_query(order=order, limit=limit, **filters))
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    if fmt == "table":
        click.echo(_table(rows))
        click.echo(f"{len(rows)} event(s)", err=True)
    elif fmt == "jsonl":
        for e in rows:
            click.echo(json.dumps(event_dict(e), ensure_ascii=False))
    else:
        w = csv.writer(sys.stdout)
        w.writerow(list(EventRow.__dataclass_fields__))
        for e in rows:
            w.writerow(["" if v is None else v for v in event_dict(e).values()])


def _series_table(a: str, b: str, points: list[SeriesPoint]) -> str:
    head = ("period", "events", "q1_verb_coop", "q2_mat_coop", "q3_verb_confl", "q4_mat_confl", "goldstein_sum")
    body = [
        (
            str(p.period),
            str(p.num_events),
            str(p.quad1),
            str(p.quad2),
            str(p.quad3),
            str(p.quad4),
            f"{p.goldstein_sum:g}",
        )
        for p in points
    ]
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    return "\n".join("  ".join(c.rjust(w) for c, w in zip(r, widths)) for r in [head, *body])


def plot_series(a: str, b: str, points: list[SeriesPoint], path: str, *, by: str) -> None:
    """Stacked QuadClass counts per period with the summed Goldstein score on a second axis."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    x = [p.period for p in points]
    width = {"day": 0.8, "week": 5, "month": 24, "year": 300}[by]
    fig, ax = plt.subplots(figsize=(10, 4.5))
    bottom = [0] * len(points)
    labels = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
    colors = ("#8fc1e3", "#2f7ab9", "#f4a582", "#c23b22")
    for i, (label, color) in enumerate(zip(labels, colors), start=1):
        vals = [getattr(p, f"quad{i}") for p in points]
        ax.bar(x, vals, width=width, bottom=bottom, label=label, color=color)
        bottom = [s + v for s, v in zip(bottom, vals)]
    ax.set_ylabel("events")
    ax2 = ax.twinx()
    ax2.plot(x, [p.goldstein_sum for p in points], color="black", marker="o", linewidth=1.2, label="Goldstein sum")
    ax2.axhline(0, color="grey", linewidth=0.5)
    ax2.set_ylabel("summed Goldstein score")
    ax.set_title(f"{a} \u2013 {b} events by {by}")
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, loc="upper left", fontsize=8)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


@click.command()
@click.argument("a")
@click.argument("b")
@DB_OPTION
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="week", show_default=True)
@click.option("--directed", is_flag=True, help="Only A acting on B.")
@click.option("--since", callback=parse_date_option, help="From YYYY-MM-DD.")
@click.option("--until", callback=parse_date_option, help="Until YYYY-MM-DD.")
@click.option("--plot", type=click.Path(dir_okay=False), help="Also draw the series to this PNG file.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table", show_default=True)
def dyad(a: str, b: str, db: str, by: str, directed: bool, since, until, plot: str | None, fmt: str) -> None:
    """Events between actors A and B over time: counts by QuadClass and summed Goldstein score.

    \b
    Example:
      tidings dyad USA RUS --by month --plot usa-rus.png
    """
    store = _open(db, read_only=True)
    try:
        points = store.dyad_series(a, b, by=by, directed=directed, since=since, until=until)
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    if fmt == "table":
        click.echo(_series_table(a, b, points))
    elif fmt == "jsonl":
        for p in points:
            click.echo(json.dumps({k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in asdict(p).items()}))
    else:
        w = csv.writer(sys.stdout)
        w.writerow(list(SeriesPoint.__dataclass_fields__))
        for p in points:
            w.writerow(list(asdict(p).values()))
    if plot:
        plot_series(a.upper(), b.upper(), points, plot, by=by)
        click.echo(f"tidings: chart written to {plot}", err=True)


@click.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "jsonl", "gdelt", "plover"]), required=True)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The file to write.")
@_filters
def export(db: str, fmt: str, output: str, **filters) -> None:
    """Export events: parquet, csv, jsonl, gdelt (GDELT 2.0 Events TSV) or plover (PLOVER JSON lines).

    \b
    Examples:
      tidings export --format gdelt -o events.tsv
      tidings export --format plover --dyad USA:RUS -o usa-rus.jsonl
    """
    from ..export import export as run

    store = _open(db, read_only=True)
    try:
        result = run(store, fmt, output, query=_query(**filters))
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    note = f" ({result.skipped} without a PLOVER type left out)" if result.skipped else ""
    click.echo(f"tidings: {result.rows} events written to {result.path}{note}", err=True)


COMMANDS = (ingest, query, dyad, export)
