"""Measure tidings' time expressions against the hand-annotated gold.

    .venv/bin/python tools/measure_timex.py [--gold tests/data/timex_gold.tsv]
                                            [--corpus ../shared/corpus/news-817.jsonl] [-v]

The gold (format: docs/dates.md, "Gold annotations") holds article ids,
character offsets and values only; the texts are read from the shared corpus.
Counts are not time expressions and are left out of the system's output.

- precision / recall: a system expression matches a gold one when their
  character spans overlap (one-to-one, largest overlap first);
- value accuracy: matched pairs whose TIMEX3 value is exactly the gold value
  (also given over all gold expressions, i.e. recall x accuracy);
- interval accuracy: matched pairs whose gold has an interval, with the same
  start and end day ("-" in the gold is "none", which must match too).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tidings.resolve.dates import TimexFinder
from tidings.types import Timex

DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpus" / "news-817.jsonl"
DEFAULT_GOLD = ROOT / "tests" / "data" / "timex_gold.tsv"


@dataclass(frozen=True)
class Gold:
    article_id: str
    start: int
    end: int
    value: str
    interval_start: dt.date | None
    interval_end: dt.date | None
    granularity: str | None


def _opt_date(s: str) -> dt.date | None:
    return None if s in ("-", "") else dt.date.fromisoformat(s)


def read_gold(path: Path) -> tuple[list[str], list[Gold]]:
    """The annotated article ids (``#articles`` line) and the gold rows."""
    articles: list[str] = []
    rows: list[Gold] = []
    header = False
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#articles\t"):
            articles = line.split("\t", 1)[1].split(",")
            continue
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header:
            header = True
            continue
        if len(cols) != 7:
            print(f"{path}:{lineno}: expected 7 columns, skipped", file=sys.stderr)
            continue
        aid, s, e, value, i0, i1, gran = cols
        rows.append(Gold(aid, int(s), int(e), value, _opt_date(i0), _opt_date(i1), None if gran == "-" else gran))
    return articles, rows


def category(g: Gold) -> str:
    v = g.value
    if v.endswith("_REF"):
        return "ref (PRESENT/PAST/FUTURE_REF)"
    if v.startswith(("P", "XXXX-WXX")):
        return "duration / set"
    if v.startswith("XXXX"):
        return "generic (XXXX)"
    return f"date: {g.granularity or '-'}"


def match(gold: list[Gold], system: list[Timex]) -> list[tuple[Gold, Timex]]:
    pairs = []
    for g in gold:
        for t in system:
            ov = min(g.end, t.char_end) - max(g.start, t.char_start)
            if ov > 0:
                pairs.append((ov, g, t))
    pairs.sort(key=lambda p: -p[0])
    used_g: set[int] = set()
    used_t: set[int] = set()
    out = []
    for _, g, t in pairs:
        if id(g) in used_g or id(t) in used_t:
            continue
        used_g.add(id(g))
        used_t.add(id(t))
        out.append((g, t))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss, false alarm and wrong value")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found at {args.corpus} (../shared absent?): nothing measured")
        return 0
    articles, gold = read_gold(args.gold)
    wanted = set(articles) | {g.article_id for g in gold}
    texts: dict[str, tuple[str, dt.date | None]] = {}
    with args.corpus.open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["id"] in wanted:
                texts[d["id"]] = (d["text"], dt.date.fromisoformat(d["date"]) if d.get("date") else None)
    missing = wanted - texts.keys()
    if missing:
        print(f"warning: {len(missing)} gold articles not in the corpus: {sorted(missing)[:5]}", file=sys.stderr)
    finder = TimexFinder()
    n_sys = n_gold = n_match = n_value = n_iv = n_iv_ok = 0
    by_cat: Counter[str] = Counter()
    by_cat_found: Counter[str] = Counter()
    by_cat_ok: Counter[str] = Counter()
    for aid in sorted(texts):
        text, date = texts[aid]
        system = [t for t in finder.find(text, date) if t.kind != "count"]
        g_rows = [g for g in gold if g.article_id == aid]
        pairs = match(g_rows, system)
        n_sys += len(system)
        n_gold += len(g_rows)
        n_match += len(pairs)
        matched_t = {id(t) for _, t in pairs}
        matched_g = {id(g) for g, _ in pairs}
        for g in g_rows:
            by_cat[category(g)] += 1
        for g, t in pairs:
            by_cat_found[category(g)] += 1
            ok = t.value == g.value
            n_value += ok
            by_cat_ok[category(g)] += ok
            if g.interval_start or g.interval_end:
                n_iv += 1
                iv_ok = (t.interval_start, t.interval_end) == (g.interval_start, g.interval_end)
                n_iv_ok += iv_ok
            if args.verbose and not ok:
                print(f"VALUE {aid} {text[g.start:g.end]!r} gold={g.value} sys={t.value} ({t.text!r})")
        if args.verbose:
            for g in g_rows:
                if id(g) not in matched_g:
                    print(f"MISS  {aid} {text[g.start:g.end]!r} gold={g.value}")
            for t in system:
                if id(t) not in matched_t:
                    print(f"FALSE {aid} {t.text!r} sys={t.value}")
    p = n_match / n_sys if n_sys else 0.0
    r = n_match / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"articles: {len(texts)}  gold expressions: {n_gold}  system expressions: {n_sys}  matched: {n_match}")
    print(f"precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
    print(f"value accuracy: {n_value}/{n_match} matched = {n_value / max(n_match, 1):.3f}; "
          f"{n_value}/{n_gold} of all gold = {n_value / max(n_gold, 1):.3f}")
    print(f"interval accuracy: {n_iv_ok}/{n_iv} matched gold with an interval = {n_iv_ok / max(n_iv, 1):.3f}")
    print("\n| gold category | gold | found | value correct |\n|---|---:|---:|---:|")
    for cat in sorted(by_cat):
        print(f"| {cat} | {by_cat[cat]} | {by_cat_found[cat]} | {by_cat_ok[cat]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
