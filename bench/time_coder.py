"""CPU time of the coder alone on pre-parsed articles: the number to compare two commits by.

    PYTHONPATH=src .venv/bin/python bench/time_coder.py [--corpus FILE] [--limit 300] [--repeat 6]

The spaCy parse is done once and left out; ``Coder.code_doc`` then runs over the same Docs
``--repeat`` times and the best CPU time is printed (the minimum is the least disturbed by
other work on a shared machine). To compare two commits, run it from each checkout in turn,
several times interleaved: this machine's run-to-run noise is a few percent.
(``bench/profile_coder.py`` says where the time goes; ``bench/bench_throughput.py`` gives the
end-to-end rate against bare spaCy.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

from tidings.coder import Coder
from tidings.lexicon.loader import load_lexicon
from tidings.nlp import load_nlp
from tidings.types import Article

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared/corpus/news-817.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=6)
    args = ap.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"time_coder: {args.corpus} not found (pass --corpus FILE, JSONL with id/text/date)")
    nlp = load_nlp()
    coder = Coder(lexicon=load_lexicon(), nlp=nlp)
    with open(args.corpus, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()][: args.limit]
    arts = [
        Article(id=str(r.get("id", i)), text=r.get("text") or "",
                date=dt.date.fromisoformat(r["date"][:10]) if r.get("date") else None)
        for i, r in enumerate(rows)
    ]
    docs = list(nlp.pipe([a.text for a in arts], batch_size=16))
    best, events = float("inf"), 0
    for _ in range(args.repeat):
        start = time.process_time()
        events = sum(len(coder.code_doc(a, d)) for a, d in zip(arts, docs))
        best = min(best, time.process_time() - start)
    print(f"{len(arts)} articles, {events} events; coder CPU best of {args.repeat}: {best:.3f} s")


if __name__ == "__main__":
    main()
