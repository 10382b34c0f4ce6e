"""run_code: the engine behind ``tidings code --workers/--engine/--master``."""

from __future__ import annotations

import json

import click
import pyarrow.parquet as pq
import pytest

from tidings.cli.engine_options import run_code
from tidings.engines.schema import MENTION_SCHEMA


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ({"engine": "spark", "output": "events.jsonl"}, "E514"),
        ({"engine": "spark", "output": None}, "E514"),
        ({"workers": 0}, "E510"),
        ({"engine": "flink"}, "E510"),
        ({"master": "local[2]"}, "E510"),
    ],
)
def test_bad_options_are_reported_with_a_code(options, code):
    kwargs = {"date": None, "fmt": "jsonl", "output": None, "batch_size": 8, **options}
    with pytest.raises(click.ClickException, match=code):
        run_code(["in.jsonl"], **kwargs)


@pytest.mark.slow
def test_local_parquet_and_jsonl_outputs(tmp_path):
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "k1", "date": "2026-03-02", "text": "Kenya's president met Ethiopia's prime minister in Nairobi."}),
        "{broken",
        json.dumps({"id": "k2", "date": "2026-03-02", "text": "Police arrested protesters in Lagos on Monday."}),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "m.parquet"
    assert run_code([str(src)], date=None, fmt=None, output=str(out), batch_size=8) == 1
    table = pq.read_table(out)
    assert table.schema.equals(MENTION_SCHEMA)
    assert table.num_rows >= 1 and set(table.column("article_id").to_pylist()) <= {"k1", "k2"}
    jl = tmp_path / "e.jsonl"
    assert run_code([str(src)], date=None, fmt="jsonl", output=str(jl), batch_size=8, workers=2) == 1
    ids = sorted(json.loads(x)["event_id"] for x in jl.read_text().splitlines())
    assert ids == sorted(table.column("mention_id").to_pylist())


def test_ingest_source_rejects_bad_options():
    from tidings.cli.engine_options import ingest_source

    with pytest.raises(click.ClickException, match="E510"), ingest_source(["x.jsonl"], date=None, workers=0):
        pass
