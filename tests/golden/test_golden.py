"""Golden files: the coded output of examples/ is pinned.

A change in the coder or the dictionaries that changes any event shows here as
a diff.  Inspect it; when it is an improvement, regenerate with

    TIDINGS_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/golden
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tidings.ingest import read_inputs
from tidings.types import Article

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "data"
#: the fields pinned: what an analyst reads; confidence and offsets are covered elsewhere
FIELDS = ("sentence_index", "cameo", "plover", "date", "modality", "hedged")


def summary(event: dict) -> dict:
    out = {k: event[k] for k in FIELDS}
    out["source"] = event["source"]["code"] if event["source"] else None
    out["target"] = event["target"]["code"] if event["target"] else None
    out["trigger"] = event["evidence"]["trigger"]
    out["date"] = {k: event["date"][k] for k in ("start", "end", "source")}
    return out


ARTICLES = sorted(p for p in (ROOT / "examples").glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_example_matches_golden(coder, path):
    (article,) = [a for a in read_inputs([path]) if isinstance(a, Article)]
    got = [summary(e.to_dict()) for e in coder.code_article(article)]
    golden = GOLDEN / f"{path.stem}.json"
    if os.environ.get("TIDINGS_UPDATE_GOLDEN") or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        if not os.environ.get("TIDINGS_UPDATE_GOLDEN"):
            pytest.fail(f"no golden file for {path.name}; wrote {golden}: review and commit it")
    assert got == json.loads(golden.read_text(encoding="utf-8"))
