"""``tidings train``: train the embedding fallback on labelled sentences."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import TidingsError


@click.command("train")
@click.argument("examples", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True),
              help="Model file to write (.npz), for `--fallback MODEL` of `tidings code` and `tidings eval`.")
@click.option("--text-col", default="text", show_default=True, help="CSV column with the sentence.")
@click.option("--label-col", default="label", show_default=True,
              help="CSV column with the label: a PLOVER type (AGREE, ASSAULT, ...), a CAMEO code, "
                   "or NONE (or empty) for a sentence with no event.")
@click.option("--embedder", type=click.Choice(["minilm", "hashing"]), default="minilm", show_default=True,
              help="Sentence embeddings: all-MiniLM-L6-v2, or a bag-of-words hash (no model files needed).")
@click.option("--cv", "folds", default=0, type=click.IntRange(min=0),
              help="Also report N-fold cross-validated accuracy and macro-F1 (0: skip).")
def train(examples: str, output: str, text_col: str, label_col: str, embedder: str, folds: int) -> None:
    """Train the embedding fallback on labelled sentences.

    EXAMPLES is a CSV file with a header (columns named by --text-col and
    --label-col) or a .tsv file in the format of
    src/tidings/data/fallback/examples.tsv (label<TAB>text).  Labels are PLOVER
    2021 types, CAMEO codes, or NONE (in a CSV also an empty label) for sentences
    that report no event; with NONE examples an event / no-event gate is trained
    too.  The fallback proposes an event only for sentences where the lexicon
    finds none and the gate says there is one.

    \b
    Examples:
      tidings train labelled.csv -o my-fallback.npz
      tidings train labelled.csv -o my-fallback.npz --text-col sentence --label-col plover --cv 5
      tidings code news.jsonl --fallback my-fallback.npz
      tidings eval ../shared/gold/plover-news-dev.csv --fallback my-fallback.npz
    """
    from ..fallback.embed import HashingEmbedder, MiniLM
    from ..fallback.train import cross_validate, read_examples
    from ..fallback.train import train as train_model

    try:
        found = read_examples(examples, text_col=text_col, label_col=label_col)
        emb = MiniLM.load() if embedder == "minilm" else HashingEmbedder()
        if folds:
            click.echo(cross_validate(found, emb, folds=folds).render())
        model = train_model(found, emb, source=Path(examples).name)
        path = model.save(output)
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
    counts = model.provenance.get("per_label", {})
    gate = (f"event / no-event gate at {model.gate.threshold:.2f}" if model.gate is not None
            else "no gate (no NONE examples)")
    click.echo(f"tidings: trained on {len(found)} example(s), {len(counts)} label(s), {gate}, "
               f"embedder {model.embedder}: wrote {path}", err=True)
