"""Throughput of ``tidings code`` against bare spaCy, with workers, into DuckDB, and on Spark.

    .venv/bin/python bench/bench_throughput.py [--corpus FILE] [--limit N] [--spark]

Each configuration runs in a fresh subprocess, so its peak RSS is its own:

* ``bare``: ``nlp.pipe`` of the coder's spaCy model over the corpus texts;
* ``code``: ``tidings code`` end to end on one process (read JSONL, code,
  write JSONL to /dev/null), the engine behind the CLI;
* ``workers2``: the same with ``--workers 2``;
* ``ingest``: ``tidings ingest`` into a fresh DuckDB file (code, cluster, store);
* ``spark`` (with ``--spark``): ``--engine spark --master local[2]`` to Parquet.

Rates are over the coding phase, after the model is loaded (load time is
printed apart); both wall-clock and CPU seconds are given (CPU includes the
worker processes), because the machine may be shared.  Sentences are spaCy's
sentences, words are whitespace-separated words.  The corpus is
``../shared/corpus/news-817.jsonl``, or, when it is absent, a synthetic corpus
of the same size made from sentences written for this benchmark.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "news-817.jsonl"
CONFIGS = ("bare", "code", "workers2", "ingest")

#: sentences written for the synthetic corpus (templates filled at random)
_TEMPLATES = (
    "{a} said on {day} that it would send {n} more troops to the border with {b}.",
    "Officials from {a} and {b} met in {city} to discuss a ceasefire and the exchange of prisoners.",
    "Police in {city} arrested {n} protesters who had gathered outside the parliament building.",
    "The government of {a} accused {b} of violating the trade agreement signed last year.",
    "{a} imposed new sanctions on {b} after the missile test, the foreign ministry said.",
    "Aid agencies warned that {n} families in {city} had no access to clean water.",
    "The president of {a} visited {city} on {day} and promised to rebuild the damaged schools.",
    "Rebels attacked a military convoy near {city}, killing {n} soldiers, the army said.",
    "{b} rejected the demand and called for talks under the mediation of {a}.",
    "Thousands of workers went on strike in {city} to demand higher wages.",
)
_ACTORS = ("Kenya", "Ethiopia", "Germany", "France", "Brazil", "Argentina", "India", "Pakistan", "Japan", "Canada")
_CITIES = ("Nairobi", "Addis Ababa", "Berlin", "Lyon", "Recife", "Cordoba", "Mumbai", "Lahore", "Osaka", "Ottawa")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def synthetic_corpus(path: Path, *, words: int = 249_000, seed: int = 817) -> Path:
    """Write a JSONL corpus of about ``words`` words from the templates above."""
    rng = random.Random(seed)
    total, i = 0, 0
    with path.open("w", encoding="utf-8") as fh:
        while total < words:
            sents = []
            for _ in range(rng.randint(8, 16)):
                a, b = rng.sample(_ACTORS, 2)
                sents.append(
                    rng.choice(_TEMPLATES).format(
                        a=a, b=b, city=rng.choice(_CITIES), day=rng.choice(_DAYS), n=rng.randint(2, 900)
                    )
                )
            text = " ".join(sents)
            total += len(text.split())
            fh.write(json.dumps({"id": f"syn{i}", "date": f"2026-0{1 + i % 9}-1{i % 10}", "text": text}) + "\n")
            i += 1
    return path


def _texts(corpus: Path, limit: int | None) -> list[dict]:
    with corpus.open(encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh if line.strip()]
    return recs[:limit] if limit else recs


def _peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kB on Linux


class Children:
    """CPU seconds and peak RSS of this process's descendants (workers, Spark's JVM and Python workers).

    Read from /proc through psutil while they run (``getrusage(RUSAGE_CHILDREN)``
    only counts children already waited for, and counts their start-up too).
    """

    def __init__(self) -> None:
        import psutil

        self._me = psutil.Process()
        #: last CPU seconds seen per descendant (kept after it exits)
        self.cpu: dict[int, float] = {}
        self.peak_mb: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.wait(0.5):
            self.cpu.update(self.sample())

    def since(self, start: dict[int, float]) -> float:
        """CPU seconds the descendants used since ``start`` (a :meth:`sample`), the live ones re-read now."""
        self.cpu.update(self.sample())
        return sum(v - start.get(pid, 0.0) for pid, v in self.cpu.items())

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def sample(self) -> dict[int, float]:
        """CPU seconds per live descendant now (and their peak RSS so far)."""
        import psutil

        now: dict[int, float] = {}
        for child in self._me.children(recursive=True):
            try:
                t = child.cpu_times()
                now[child.pid] = t.user + t.system
                with open(f"/proc/{child.pid}/status", encoding="ascii") as fh:
                    hwm = next((ln for ln in fh if ln.startswith("VmHWM")), None)
                if hwm:
                    self.peak_mb[child.pid] = int(hwm.split()[1]) / 1024
            except (psutil.Error, OSError):
                continue
        return now


def _children() -> Children | None:
    try:
        return Children()
    except ImportError:
        return None


# -- one configuration (in its own process) ------------------------------------------------


def run_one(config: str, corpus: Path, limit: int | None, batch_size: int, *, kids: Children | None = None) -> dict:
    """Measure one configuration in this process; returns figures as a dict."""
    recs = _texts(corpus, limit)
    if limit:
        tmp = Path(tempfile.mkdtemp(prefix="tidings-bench-")) / "corpus.jsonl"
        tmp.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
        corpus = tmp
    out: dict = {"config": config, "articles": len(recs), "words": sum(len(r["text"].split()) for r in recs)}
    t0 = time.perf_counter()
    if config == "bare":
        from tidings.nlp import load_nlp

        nlp = load_nlp()
        out["load_s"] = time.perf_counter() - t0
        t1, c1 = time.perf_counter(), time.process_time()
        out["sentences"] = sum(sum(1 for _ in d.sents) for d in nlp.pipe((r["text"] for r in recs), batch_size=batch_size))
    elif config == "code":
        from tidings.cli.output import EventWriter
        from tidings.coder import Coder
        from tidings.engines.local import code_records
        from tidings.ingest import read_inputs

        coder = Coder()
        coder.code_text("Warm-up: Kenya met Ethiopia.")  # load lazily built tables too
        out["load_s"] = time.perf_counter() - t0
        t1, c1 = time.perf_counter(), time.process_time()
        n_events = 0
        with open(os.devnull, "w", encoding="utf-8") as sink:
            writer = EventWriter(sink, "jsonl")
            for rec in code_records(read_inputs([corpus]), coder_factory=lambda: coder, batch_size=batch_size):
                if isinstance(rec, tuple):
                    writer.write(rec[1])
                    n_events += len(rec[1])
            writer.close()
        out["events"] = n_events
    elif config == "workers2":
        from tidings.cli.output import EventWriter
        from tidings.ingest import read_inputs
        from tidings.parallel import ParallelCoder

        pool = ParallelCoder(workers=2, batch_size=batch_size)
        pool.wait_ready()
        out["load_s"] = time.perf_counter() - t0
        start = kids.sample() if kids else {}
        t1, c1 = time.perf_counter(), time.process_time()
        n_events = 0
        with pool, open(os.devnull, "w", encoding="utf-8") as sink:
            writer = EventWriter(sink, "jsonl")
            for rec in pool.code_records(read_inputs([corpus])):
                if isinstance(rec, tuple):
                    writer.write(rec[1])
                    n_events += len(rec[1])
            writer.close()
            out["child_cpu_s"] = kids.since(start) if kids else 0.0
        out["events"] = n_events
    elif config == "ingest":
        from tidings.coder import Coder
        from tidings.ingest import read_inputs
        from tidings.ingestion import ingest
        from tidings.store.duckdb import DuckDBStore

        coder = Coder()
        coder.code_text("Warm-up: Kenya met Ethiopia.")
        db = Path(tempfile.mkdtemp(prefix="tidings-bench-")) / "bench.duckdb"
        store = DuckDBStore(db)
        out["load_s"] = time.perf_counter() - t0
        t1, c1 = time.perf_counter(), time.process_time()
        report = ingest(read_inputs([corpus]), store=store, coder=coder, batch_size=batch_size, quiet=True)
        out["added"] = report.added
        out["mentions"] = report.mentions
    elif config == "spark":
        from tidings.engines.spark import SparkEngine

        engine = SparkEngine(master="local[2]")
        spark = engine.session()
        out["load_s"] = time.perf_counter() - t0
        start = kids.sample() if kids else {}
        t1, c1 = time.perf_counter(), time.process_time()
        target = Path(tempfile.mkdtemp(prefix="tidings-bench-")) / "mentions.parquet"
        report = engine.code([str(corpus)], str(target), batch_size=batch_size)
        out["child_cpu_s"] = kids.since(start) if kids else 0.0
        out["mentions"], out["events"] = report.mentions, report.events
        spark.stop()
    else:
        raise SystemExit(f"unknown configuration {config!r}")
    out["wall_s"] = time.perf_counter() - t1
    out["cpu_s"] = time.process_time() - c1 + out.get("child_cpu_s", 0.0)
    out["peak_rss_mb"] = _peak_rss_mb(resource.RUSAGE_SELF)
    return out


def _measure(config: str, corpus: Path, limit: int | None, batch_size: int) -> dict:
    """:func:`run_one` plus the CPU and peak RSS of child processes during the coding phase."""
    kids = _children()
    out = run_one(config, corpus, limit, batch_size, kids=kids)
    if kids:
        kids.stop()
    out["peak_rss_child_mb"] = max(kids.peak_mb.values(), default=0.0) if kids else _peak_rss_mb(resource.RUSAGE_CHILDREN)
    return out


# -- the driver ------------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal"))
        mem_gb = int(mem.split()[1]) / 1024 / 1024
    except (OSError, StopIteration, ValueError):
        mem_gb = 0.0
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs ({cpu}), {mem_gb:.1f} GB RAM, "
        f"Python {platform.python_version()}, load average {load:.1f} at start"
    )


def _line(r: dict, sentences: int) -> str:
    wall, cpu = r["wall_s"], r["cpu_s"]
    rss = max(r["peak_rss_mb"], r["peak_rss_child_mb"])
    return (
        f"{r['config']:<9} {sentences / wall:8.1f} {r['words'] / wall:9.0f} {sentences / cpu:8.1f} {r['words'] / cpu:9.0f}"
        f" {r['articles'] / wall:8.1f} {wall:8.1f} {cpu:8.1f} {r['load_s']:6.1f} {rss:8.0f}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, help="JSONL corpus [default: ../shared/corpus/news-817.jsonl or synthetic]")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--spark", action="store_true", help="also measure --engine spark --master local[2]")
    ap.add_argument("--only", choices=(*CONFIGS, "spark"), action="append", help="run only these configurations")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one configuration, print JSON
    args = ap.parse_args(argv)

    corpus = args.corpus
    if corpus is None:
        corpus = SHARED_CORPUS if SHARED_CORPUS.exists() else synthetic_corpus(
            Path(tempfile.mkdtemp(prefix="tidings-bench-")) / "synthetic.jsonl"
        )
    if args.one:
        print(json.dumps(_measure(args.one, corpus, args.limit, args.batch_size)))
        return 0

    configs = args.only or [*CONFIGS, *(["spark"] if args.spark else [])]
    print(f"machine: {machine()}")
    results = {}
    for config in configs:
        cmd = [sys.executable, __file__, "--one", config, "--corpus", str(corpus), "--batch-size", str(args.batch_size)]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            print(f"{config}: failed\n{proc.stderr[-2000:]}", file=sys.stderr)
            continue
        results[config] = json.loads(proc.stdout.strip().splitlines()[-1])
    if "bare" not in results:
        return 1
    bare = results["bare"]
    sentences = bare["sentences"]
    print(f"corpus: {corpus} ({bare['articles']} articles, {bare['words']:,} words, {sentences:,} spaCy sentences)")
    print(f"batch size {args.batch_size}; rates over the coding phase (model load apart)")
    print(f"{'config':<9} {'sent/s':>8} {'words/s':>9} {'sent/cpu':>8} {'words/cpu':>9} {'art/s':>8} "
          f"{'wall s':>8} {'cpu s':>8} {'load':>6} {'peakMB':>8}")
    for r in results.values():
        print(_line(r, sentences))
    if "code" in results:
        code = results["code"]
        print(f"coding overhead (code / bare): wall {code['wall_s'] / bare['wall_s']:.2f}, "
              f"CPU {code['cpu_s'] / bare['cpu_s']:.2f}; events {code.get('events')}")
        if "workers2" in results:
            w2 = results["workers2"]
            print(f"--workers 2 speed-up over one process (wall): {code['wall_s'] / w2['wall_s']:.2f}x; "
                  f"peak RSS per worker {w2['peak_rss_child_mb']:.0f} MB")
    if "ingest" in results:
        ing = results["ingest"]
        print(f"ingest into DuckDB: {ing['articles'] / ing['wall_s']:.1f} articles/s wall, "
              f"{ing['articles'] / ing['cpu_s']:.1f} articles/CPU-s ({ing['added']} added, {ing['mentions']} mentions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
