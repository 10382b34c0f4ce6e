"""Measure attribution (speaker, cue, content) and modality against the team's
hand annotations.

    .venv/bin/python tools/measure_attribution.py [--gold tests/data/attribution_gold.tsv]
        [--shared ../shared] [--errors errors.tsv]

The gold file (format in docs/claims.md) keeps ids, character offsets and
labels only; the text comes from ../shared/gold/plover-news-dev.csv and
../shared/corpus/news-817.jsonl.  Each annotated sentence is parsed alone and
:func:`tidings.claims.modality.assess` is run on the token at the gold trigger
offset, with the article's publication date when it has one.

Prints precision and recall of the cue (same lemma), of the speaker (exact
span, ignoring a leading determiner; and lenient: the spans overlap), the
share of correct cues whose content span holds the trigger, modality accuracy
and per-modality precision and recall.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "tests" / "data" / "attribution_gold.tsv"
DEFAULT_SHARED = ROOT / ".." / "shared"
DETERMINERS = ("the ", "a ", "an ")


@dataclass(frozen=True, slots=True)
class GoldRow:
    set: str
    id: str
    s0: int
    s1: int
    trigger: int
    speaker: tuple[int, int] | None
    cue: str | None
    modality: str
    line: int


def read_gold(path: Path) -> list[GoldRow]:
    rows: list[GoldRow] = []
    header = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        r = dict(zip(header, cols))
        spk = (
            None
            if r["speaker_char_start"] == "-"
            else (int(r["speaker_char_start"]), int(r["speaker_char_end"]))
        )
        rows.append(
            GoldRow(
                r["set"],
                r["id"],
                int(r["sent_char_start"]),
                int(r["sent_char_end"]),
                int(r["trigger_char_start"]),
                spk,
                None if r["cue"] == "-" else r["cue"],
                r["modality"],
                n,
            )
        )
    return rows


def load_texts(shared: Path) -> dict[tuple[str, str], tuple[str, dt.date | None]]:
    texts: dict[tuple[str, str], tuple[str, dt.date | None]] = {}
    with open(
        shared / "gold" / "plover-news-dev.csv", encoding="utf-8", newline=""
    ) as f:
        for r in csv.DictReader(f):
            texts[("plover", r["id"])] = (r["text"], None)
    with open(shared / "corpus" / "news-817.jsonl", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            date = dt.date.fromisoformat(a["date"]) if a.get("date") else None
            texts[("news817", a["id"])] = (a["text"], date)
    return texts


def _norm(text: str) -> str:
    low = text.strip().strip(",.").lower()
    for d in DETERMINERS:
        if low.startswith(d):
            return low[len(d) :]
    return low


def prf(tp: int, n_pred: int, n_gold: int) -> str:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return (
        f"P {p:.3f} R {r:.3f} F1 {f:.3f} (tp {tp}, predicted {n_pred}, gold {n_gold})"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument(
        "--errors",
        type=Path,
        help="write disagreements (ids, offsets, labels) to this TSV",
    )
    args = ap.parse_args(argv)
    if not (args.shared / "gold").exists():
        print(f"{args.shared} not found", file=sys.stderr)
        return 2
    from tidings.claims.modality import assess
    from tidings.nlp import load_nlp

    nlp = load_nlp()
    gold = read_gold(args.gold)
    texts = load_texts(args.shared)
    cue_tp = cue_pred = cue_gold = 0
    spk_tp = spk_lenient = spk_pred = spk_gold = 0
    content_ok = 0
    mod_ok = 0
    confusion: Counter[tuple[str, str]] = Counter()
    errors: list[str] = []
    for g in gold:
        text, date = texts[(g.set, g.id)]
        sent_text = text[g.s0 : g.s1]
        doc = nlp(sent_text)
        tok = next((t for t in doc if t.idx <= g.trigger - g.s0 < t.idx + len(t)), None)
        if tok is None:
            print(
                f"{args.gold}:{g.line}: no token at the trigger offset", file=sys.stderr
            )
            continue
        a = assess(tok.sent, tok, pub_date=date)
        cue = a.cue
        if g.cue:
            cue_gold += 1
        if cue:
            cue_pred += 1
        cue_right = bool(cue and g.cue and cue == g.cue)
        cue_tp += cue_right
        if (
            cue_right
            and a.content_span
            and a.content_span[0] <= tok.i < a.content_span[1]
        ):
            content_ok += 1
        pred_spk = None
        if a.speaker_span:
            s, e = a.speaker_span
            pred_spk = (doc[s].idx + g.s0, doc[e - 1].idx + len(doc[e - 1]) + g.s0)
            spk_pred += 1
        if g.speaker:
            spk_gold += 1
        if pred_spk and g.speaker:
            if _norm(text[pred_spk[0] : pred_spk[1]]) == _norm(
                text[g.speaker[0] : g.speaker[1]]
            ):
                spk_tp += 1
            if pred_spk[0] < g.speaker[1] and g.speaker[0] < pred_spk[1]:
                spk_lenient += 1
        mod_ok += a.modality == g.modality
        confusion[(g.modality, a.modality)] += 1
        if a.modality != g.modality or not cue_right and (cue or g.cue):
            errors.append(
                "\t".join(
                    map(
                        str,
                        [
                            g.set,
                            g.id,
                            g.trigger,
                            g.cue or "-",
                            cue or "-",
                            g.modality,
                            a.modality,
                        ],
                    )
                )
            )
    n = len(gold)
    print(
        f"cases: {n} ({sum(g.set == 'plover' for g in gold)} plover-news-dev, {sum(g.set == 'news817' for g in gold)} news-817)"
    )
    print(f"cue:              {prf(cue_tp, cue_pred, cue_gold)}")
    print(f"speaker exact:    {prf(spk_tp, spk_pred, spk_gold)}")
    print(f"speaker overlap:  {prf(spk_lenient, spk_pred, spk_gold)}")
    print(f"content holds trigger: {content_ok}/{cue_tp} correct cues")
    print(f"modality accuracy: {mod_ok}/{n} = {mod_ok / n:.3f}")
    labels = sorted({m for pair in confusion for m in pair})
    for m in labels:
        tp = confusion[(m, m)]
        pred = sum(v for (gm, pm), v in confusion.items() if pm == m)
        gl = sum(v for (gm, pm), v in confusion.items() if gm == m)
        print(f"  {m:13s} {prf(tp, pred, gl)}")
    if args.errors:
        args.errors.write_text(
            "set\tid\ttrigger_char_start\tgold_cue\tcue\tgold_modality\tmodality\n"
            + "\n".join(errors)
            + "\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
