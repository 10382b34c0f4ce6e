"""Where the coder's own time goes: cProfile of ``Coder.code_doc`` on pre-parsed articles.

    .venv/bin/python bench/profile_coder.py [--corpus FILE] [--limit 250] [--top 30]

The spaCy parse is done first and left out, so the profile shows only what Tidings adds
on top of it (the figure ``bench_throughput.py`` reports as the coding overhead).  Prints
the number of events and the functions with the most cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import pstats
from pathlib import Path

from tidings.coder import Coder
from tidings.lexicon.loader import load_lexicon
from tidings.nlp import load_nlp
from tidings.types import Article

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared/corpus/news-817.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=250)
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()
    nlp = load_nlp()
    coder = Coder(lexicon=load_lexicon(), nlp=nlp)
    with args.corpus.open(encoding="utf-8") as f:
        rows = [json.loads(line) for _, line in zip(range(args.limit), f)]
    arts = [Article(id=r["id"], text=r["text"], date=dt.date.fromisoformat(r["date"]) if r.get("date") else None)
            for r in rows]
    docs = list(nlp.pipe([a.text for a in arts], batch_size=16))
    coder.code_doc(arts[0], docs[0])  # load the lazy parts (gazetteer, known events) outside the profile
    prof = cProfile.Profile()
    prof.enable()
    n = sum(len(coder.code_doc(a, d)) for a, d in zip(arts, docs))
    prof.disable()
    print(f"{len(arts)} articles, {sum(len(list(d.sents)) for d in docs)} sentences, {n} events")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
