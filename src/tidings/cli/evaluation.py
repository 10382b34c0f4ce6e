"""``tidings eval``: code a gold file and print the scores."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import TidingsError

MAX_SHOWN_BAD = 20


def build_lexicon(
    *,
    directory: str | None,
    actors: tuple[str, ...],
    agents: tuple[str, ...],
    verbs: tuple[str, ...],
    discards: tuple[str, ...],
    replace: bool,
):
    """The built-in lexicon with the TABARI/PETRARCH files on top (or instead, with ``replace``)."""
    from ..lexicon import load_lexicon
    from ..lexicon.loader import LoadReport, data_dir, load_cameo
    from ..lexicon.model import Lexicon
    from ..lexicon.tabari import load_tabari

    given = bool(directory or actors or agents or verbs or discards)
    if replace and given:
        # only the codebook (names, Goldstein, PLOVER) comes from the built-in data
        base = Lexicon()
        load_cameo(data_dir() / "cameo.tsv", base, LoadReport())
    else:
        base = load_lexicon()
    if not given:
        return base, []
    imported, bad = load_tabari(
        actors=actors,
        agents=agents,
        verbs=verbs,
        discards=discards,
        directory=directory,
    )
    return base.merge(imported, replace=replace), bad


def _dictionary_files(kind: str):
    """``--actors FILE`` and the like: repeatable TABARI/PETRARCH dictionary files."""
    return click.option(
        f"--{kind}",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False),
        help=f"TABARI/PETRARCH {kind[:-1]} file (repeatable).",
    )


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--dictionaries",
    "directory",
    type=click.Path(exists=True, file_okay=False),
    help="Folder of TABARI/PETRARCH dictionaries (*actors*.txt, *agents*.txt, *verbs*.txt or "
    "CAMEO*.txt, *discards*.txt).",
)
@_dictionary_files("actors")
@_dictionary_files("agents")
@_dictionary_files("verbs")
@_dictionary_files("discards")
@click.option(
    "--replace",
    is_flag=True,
    help="Use the given dictionaries instead of the built-in ones (default: on top of them).",
)
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the records not coded exactly right to FILE as JSONL.",
)
@click.option(
    "--coded-only/--all-actors",
    "coded_only",
    default=None,
    help="Keep only events between two coded actors (dyads), as ICEWS/PETRARCH do [default: on for "
    "PETRARCH/TABARI XML gold, off for PLOVER CSV gold].",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--batch-size",
    default=64,
    show_default=True,
    help="Sentences parsed per spaCy batch.",
)
@click.option("--fallback", "fallback", metavar="MODEL",
              help="Code with the embedding fallback: 'builtin' or a model from `tidings train`.")
@click.option("--fallback-threshold", type=click.FloatRange(0.0, 1.0), default=None,
              help="Probability the fallback's best type needs [default: 0.3].")
def evaluate_command(
    gold: str,
    directory: str | None,
    actors: tuple[str, ...],
    agents: tuple[str, ...],
    verbs: tuple[str, ...],
    discards: tuple[str, ...],
    replace: bool,
    errors_path: str | None,
    coded_only: bool | None,
    as_json: bool,
    batch_size: int,
    fallback: str | None,
    fallback_threshold: float | None,
) -> None:
    """Code the records of a gold file and score the events.

    GOLD is a PETRARCH/TABARI validation XML file (scored on exact, root-code,
    code-only and dyad triples, and records exactly right) or a CSV with
    columns id,text,label,source,target holding PLOVER labels (top-1 accuracy,
    macro-F1, coverage, source/target match).

    \b
    Examples:
      tidings eval ../shared/gold/plover-news-dev.csv
      tidings eval ../shared/gold/petrarch/PETR.UnitTest.records.xml --replace \\
          --actors ../shared/gold/petrarch/PETR.Validate.actors.txt \\
          --agents ../shared/gold/petrarch/PETR.Validate.agents.txt \\
          --verbs ../shared/gold/petrarch/PETR.Validate.verbs.txt \\
          --discards ../shared/gold/petrarch/PETR.Validate.discards.txt
      tidings eval ../shared/gold/plover-news-dev.csv --fallback builtin
    """
    from ..coder import Coder
    from ..evaluate import evaluate
    from ..nlp import load_nlp

    try:
        lexicon, bad = build_lexicon(
            directory=directory,
            actors=actors,
            agents=agents,
            verbs=verbs,
            discards=discards,
            replace=replace,
        )
        for b in bad[:MAX_SHOWN_BAD]:
            click.echo(f"tidings: dictionary: {b}", err=True)
        if len(bad) > MAX_SHOWN_BAD:
            click.echo(
                f"tidings: dictionary: {len(bad) - MAX_SHOWN_BAD} more unreadable line(s)",
                err=True,
            )
        if coded_only is None:
            # PETRARCH/TABARI gold codes coded actors only; PLOVER gold scores actor text
            coded_only = not str(gold).endswith(".csv")
        hook = None
        if fallback:
            from ..coder.fallback_hook import load_fallback

            hook = load_fallback(fallback, threshold=fallback_threshold)
        coder = Coder(lexicon=lexicon, nlp=load_nlp(), coded_only=coded_only, fallback=hook)
        report = evaluate(Path(gold), coder, errors_path=errors_path, batch_size=batch_size)
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=1))
    else:
        click.echo(report.render())
    if errors_path:
        click.echo(
            f"tidings: {len(report.misses)} record(s) not exactly right written to {errors_path}",
            err=True,
        )
    sys.stdout.flush()
