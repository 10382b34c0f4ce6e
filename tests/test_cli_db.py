"""``tidings ingest | query | dyad | export`` end to end with a fake coder (no model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import tidings
from tests.test_ingestion import FakeCoder
from tidings.cli.db import dyad, export, ingest, query


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(tidings, "default_coder", lambda: FakeCoder())
    lines = [
        {
            "id": "n1",
            "date": "2025-01-06",
            "source": "Post",
            "text": "USA met RUS in Geneva on arms control and the talks went well.",
        },
        {
            "id": "n2",
            "date": "2025-01-06",
            "source": "Herald",
            "text": "USA met RUS in Geneva over arms control and the talks went well.",
        },
        {
            "id": "n3",
            "date": "2025-02-03",
            "source": "Post",
            "text": "RUS attacked UKR near Kharkiv and the shelling went on.",
        },
        {"id": "n4", "text": "not json"},
    ]
    f = tmp_path / "news.jsonl"
    f.write_text("\n".join(json.dumps(x) for x in lines[:3]) + "\n{broken\n", encoding="utf-8")
    return f


def test_ingest_query_dyad_export(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    r = CliRunner().invoke(ingest, [str(corpus), "--db", db, "--batch-size", "2"])
    assert r.exit_code == 1, r.output  # the broken line is reported
    assert "news.jsonl:4" in r.stderr and "4 read" in r.stderr
    assert "articles added" in r.stderr and "holds 3 articles" in r.stderr

    again = CliRunner().invoke(ingest, [str(corpus), "--db", db, "--quiet"])
    assert "articles added" not in again.stderr

    r = CliRunner().invoke(query, ["--db", db, "--dyad", "RUS:USA"])
    assert r.exit_code == 0, r.output
    lines = r.stdout.strip().splitlines()
    assert len(lines) == 2 and "040" in lines[1]  # one meeting, two mentions
    r = CliRunner().invoke(query, ["--db", db, "--actor", "UKR", "--format", "jsonl"])
    [ev] = [json.loads(x) for x in r.stdout.splitlines()]
    assert ev["cameo"] == "190" and ev["num_mentions"] == 1
    r = CliRunner().invoke(query, ["--db", db, "--format", "csv", "--min-mentions", "2"])
    assert len(r.stdout.strip().splitlines()) == 2

    png = tmp_path / "c.png"
    r = CliRunner().invoke(dyad, ["USA", "RUS", "--db", db, "--by", "month", "--plot", str(png)])
    assert r.exit_code == 0, r.output
    assert "2025-01-01" in r.stdout and png.stat().st_size > 1000

    out = tmp_path / "e.tsv"
    r = CliRunner().invoke(export, ["--db", db, "--format", "gdelt", "-o", str(out)])
    assert r.exit_code == 0 and len(out.read_text().splitlines()) == 2


def test_query_on_missing_store_fails_cleanly(tmp_path: Path) -> None:
    r = CliRunner().invoke(query, ["--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 1 and "tidings ingest" in r.output
    r = CliRunner().invoke(query, ["--db", str(tmp_path / "none.duckdb"), "--dyad", "USA"])
    assert r.exit_code == 2
