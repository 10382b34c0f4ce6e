"""The fallback classifier alone, on every sentence of a labelled CSV (no lexicon, no coder).

    .venv/bin/python tools/measure_fallback.py ../shared/gold/plover-news-dev.csv [--model builtin]

Prints the classifier's top-1 accuracy over all sentences (NONE counts as a miss), and the
accuracy and share of sentences kept at several probability thresholds.  Older PLOVER gold
(YIELD) is compared with CONCEDE and RETREAT folded into YIELD.  A measurement only: the
gold is never used for training.
"""

from __future__ import annotations

import argparse
import csv

from tidings.coder.fallback_hook import load_fallback

FOLD = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("--model", default="builtin")
    ap.add_argument("--text-col", default="text")
    ap.add_argument("--label-col", default="label")
    args = ap.parse_args()
    with open(args.gold, encoding="utf-8", newline="") as f:
        rows = [(r[args.text_col], r[args.label_col].strip().upper()) for r in csv.DictReader(f)]
    hook = load_fallback(args.model, threshold=0.0)
    preds = hook.model.predict(hook.embedder.embed([t for t, _ in rows]))
    fold = FOLD if any(g == "YIELD" for _, g in rows) else {}
    right = [FOLD.get(p.label, p.label) == g if fold else p.label == g for p, (_, g) in zip(preds, rows)]
    print(f"{args.gold}: {len(rows)} sentences, classifier alone top-1 {sum(right) / len(rows):.3f}")
    for th in (0.0, 0.2, 0.3, 0.5, 0.7):
        kept = [ok for p, ok in zip(preds, right) if p.probability >= th and p.label != "NONE"]
        acc = sum(kept) / len(kept) if kept else 0.0
        print(f"  threshold {th:.1f}: kept {len(kept) / len(rows):.3f}, accuracy of kept {acc:.3f}")


if __name__ == "__main__":
    main()
