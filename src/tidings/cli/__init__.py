"""Command-line interface: a thin shell over the Python API.

Each feature keeps its commands in its own module; this group registers them.
Exit status: 0 when every record was read and coded, 1 when some records were
reported and skipped, 2 for usage errors.
"""

from __future__ import annotations

import click

from .. import __version__
from .annotate import annotate
from .check import check
from .code import code
from .db import dyad, export, ingest, query
from .evaluation import evaluate_command
from .serve import serve
from .train import train


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tidings")
def main() -> None:
    """Tidings: political event data from news text.

    \b
    Examples:
      tidings code examples/ --format table
      tidings ingest examples/ --db tidings.duckdb
      tidings query --db tidings.duckdb --dyad USA:RUS
      tidings check examples/seed-article.txt
      tidings serve --db tidings.duckdb
      tidings train labelled.csv -o my-fallback.npz
    """


for command in (code, annotate, check, ingest, query, dyad, export, evaluate_command, serve, train):
    main.add_command(command)
