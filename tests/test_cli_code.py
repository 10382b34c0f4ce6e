import csv
import io
import json

import pytest
from click.testing import CliRunner

from tidings.cli import main

pytestmark = pytest.mark.slow


@pytest.fixture()
def runner():
    return CliRunner()


def test_help_has_an_example(runner):
    res = runner.invoke(main, ["code", "--help"])
    assert res.exit_code == 0 and "Examples:" in res.output and "tidings code" in res.output


def test_jsonl_from_stdin(runner):
    res = runner.invoke(main, ["code", "-", "--date", "2025-05-08", "--format", "jsonl"],
                        input="Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Thursday.")
    assert res.exit_code == 0, res.output
    events = [json.loads(line) for line in res.stdout.splitlines()]
    assert events and events[0]["source"]["code"] == "RUSGOV" and events[0]["target"]["code"] == "CHNGOV"
    assert events[0]["cameo"].startswith("04") and events[0]["date"]["start"] == "2025-05-08"


def test_bad_records_reported_others_coded(runner, tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text(
        '{"id": "a", "text": "Israeli troops killed two Palestinians in Jenin.", "date": "2025-01-05"}\n'
        '{"id": "b", "text": \n'
        '{"id": "c", "text": "The United Nations condemned Israel over the strike.", "date": "2025-01-06"}\n'
    )
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    res = runner.invoke(main, ["code", str(tmp_path), "--format", "jsonl"])
    assert res.exit_code == 1
    assert f"{p}:2" in res.stderr and "E104" in res.stderr and "bin.txt" in res.stderr
    ids = {json.loads(line)["article_id"] for line in res.stdout.splitlines()}
    assert ids == {"a", "c"}


def test_csv_and_table(runner, tmp_path):
    text = "Iran condemned the United States on Monday."
    res = runner.invoke(main, ["code", "-", "--date", "2025-07-01", "--format", "csv"], input=text)
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and rows[0]["source.code"] == "IRN" and rows[0]["target.code"] == "USA"
    out = tmp_path / "t.txt"
    res = runner.invoke(main, ["code", "-", "--date", "2025-07-01", "--format", "table", "-o", str(out)], input=text)
    assert res.exit_code == 0 and "IRN" in out.read_text()


def test_empty_input_fails_cleanly(runner, tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("")
    res = runner.invoke(main, ["code", str(p)])
    assert res.exit_code == 1 and "E101" in res.stderr


def test_non_english_record_is_reported_and_skipped(runner, tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_text(
        '{"id": "de", "text": "Der Bundeskanzler hat am Montag in Berlin mit dem französischen Präsidenten über die '
        'Lage in der Ukraine gesprochen und eine gemeinsame Erklärung unterzeichnet, die von beiden Regierungen '
        'getragen wird."}\n'
        '{"id": "en", "text": "Iran condemned Israel on Monday.", "date": "2025-01-06"}\n'
    )
    res = runner.invoke(main, ["code", str(p), "--format", "jsonl"])
    assert res.exit_code == 1 and f"{p}:1" in res.stderr and "E106" in res.stderr
    assert {json.loads(line)["article_id"] for line in res.stdout.splitlines()} == {"en"}
