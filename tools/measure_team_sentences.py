"""The lexicon coder on the team's own labelled sentences (a check on text nobody tuned to).

    .venv/bin/python tools/measure_team_sentences.py [--examples src/tidings/data/fallback/examples.tsv]

The fallback's training examples (docs/fallback.md) are short news-style sentences written by
the team for the classifier, labelled with a PLOVER type or NONE.  Nobody tuned the lexicon or
the parse rules on them, so they estimate how the dev-set gains carry over to other wording.
Prints the `tidings eval` PLOVER figures (top-1, coverage, macro-F1) over the labelled
sentences, and how many NONE sentences (which report no event) still get an event.  The
fallback itself is never used here: these sentences are its training data.
"""

from __future__ import annotations

import argparse
import csv
import tempfile
from pathlib import Path

from tidings.coder import Coder
from tidings.evaluate import evaluate
from tidings.fallback.train import builtin_examples_path, read_tsv_examples
from tidings.lexicon.loader import load_lexicon
from tidings.nlp import load_nlp
from tidings.types import Article

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=Path, default=builtin_examples_path())
    args = ap.parse_args()
    rows = [(ex.label, ex.text) for ex in read_tsv_examples(args.examples)]
    coder = Coder(lexicon=load_lexicon(), nlp=load_nlp())
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "team.csv"
        with gold.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["id", "text", "label", "source", "target"])
            for i, (label, text) in enumerate(rows):
                if label != "NONE":
                    w.writerow([f"team-{i}", text, label, "", ""])
        report = evaluate(gold, coder)
    print(report.render())
    none = [t for label, t in rows if label == "NONE"]
    flagged = sum(1 for t in none if any(e.plover_event for e in coder.code_article(Article(id="none", text=t))))
    print(f"NONE sentences given an event: {flagged}/{len(none)}")


if __name__ == "__main__":
    main()
