"""Command-line interface: a thin shell over the Python API.

Each feature keeps its commands in its own module; this group registers them.
Exit status: 0 when every record was read and coded, 1 when some records were
reported and skipped, 2 for usage errors.
"""

from __future__ import annotations

import click

from .. import __version__
from .code import code


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tidings")
def main() -> None:
    """Tidings: political event data from news text.

    \b
    Example:
      tidings code examples/ --format table
    """


main.add_command(code)
