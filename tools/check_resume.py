"""Acceptance check on a real corpus: a killed ``tidings ingest`` started again ends with exactly the
store of an uninterrupted run, and a second run over the same input adds nothing.

It runs the real CLI in subprocesses (the progress bar goes to this terminal's stderr):

1. a clean run into ``clean.duckdb``;
2. a run into ``resumed.duckdb`` killed with SIGKILL after each of ``--kill-after`` seconds
   (several kills, each one a fresh start of the same command), then run to the end;
3. the same command again on ``resumed.duckdb`` (must add nothing);

and compares the two stores row for row: articles, mentions, events, claims and actors.

    .venv/bin/python tools/check_resume.py ../shared/corpus/news-817.jsonl --kill-after 25 --kill-after 40

Prints the counts, the comparison and the seconds each step took; exit status 1 when the stores differ.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tidings.store.base import EventQuery
from tidings.store.duckdb import DuckDBStore


def _ingest(paths: list[str], db: Path, batch_size: int, *, kill_after: float | None = None) -> tuple[float, bool]:
    """Run ``tidings ingest``; kill it after ``kill_after`` seconds. Returns (seconds, killed)."""
    cli = Path(sys.executable).with_name("tidings")  # the console script of this environment
    cmd = [str(cli), "ingest", *paths, "--db", str(db), "--batch-size", str(batch_size)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd)
    try:
        proc.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return time.perf_counter() - t0, True
    return time.perf_counter() - t0, False


def snapshot(db: Path) -> dict[str, list]:
    store = DuckDBStore(db)
    try:
        return {
            "articles": sorted(store.iter_articles(), key=lambda a: a.id),
            "mentions": sorted(store.iter_mentions(), key=lambda m: m.mention_id),
            "events": sorted(store.iter_events(EventQuery()), key=lambda e: e.event_id),
            "claims": sorted(store.claims(limit=None), key=lambda c: repr(c)),
            "actors": sorted(store.list_actors(limit=1_000_000), key=lambda a: repr(a)),
        }
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--kill-after", type=float, action="append", default=None,
                    help="seconds after which a run is killed (repeat for several kills); default 30")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--dir", help="where the two stores go (default: a temporary directory)")
    args = ap.parse_args(argv)
    kills = args.kill_after or [30.0]
    work = Path(args.dir or tempfile.mkdtemp(prefix="tidings-resume-"))
    work.mkdir(parents=True, exist_ok=True)
    clean, resumed = work / "clean.duckdb", work / "resumed.duckdb"
    for db in (clean, resumed):
        if db.exists():
            os.remove(db)

    secs, _ = _ingest(args.paths, clean, args.batch_size)
    print(f"clean run: {secs:.1f} s", flush=True)
    for k in kills:
        secs, killed = _ingest(args.paths, resumed, args.batch_size, kill_after=k)
        status = "killed (SIGKILL)" if killed else "finished before the kill"
        n = len(snapshot(resumed)["articles"]) if resumed.exists() else 0
        print(f"run killed after {k:.0f} s: {status}; {n} articles stored", flush=True)
    secs, _ = _ingest(args.paths, resumed, args.batch_size)
    print(f"resumed run to the end: {secs:.1f} s", flush=True)

    a, b = snapshot(clean), snapshot(resumed)
    same = True
    for table in a:
        eq = a[table] == b[table]
        same &= eq
        print(f"{table:9} clean {len(a[table]):6}  resumed {len(b[table]):6}  {'identical' if eq else 'DIFFERENT'}")
    before = b
    secs, _ = _ingest(args.paths, resumed, args.batch_size)
    after = snapshot(resumed)
    unchanged = after == before
    print(f"second run over the same input: {secs:.1f} s, store {'unchanged' if unchanged else 'CHANGED'}")
    ok = same and unchanged
    print("OK: the resumed store equals the clean run's" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
