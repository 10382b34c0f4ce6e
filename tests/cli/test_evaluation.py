"""``tidings eval`` end to end on hand-written gold and TABARI dictionaries (loads the spaCy model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.cli import main

pytestmark = pytest.mark.slow

GOLD = """<Sentences>
<Sentence date="20100105" id="T-1">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="1123"/>
<Text>Arnor criticized Gondor on Monday.</Text>
</Sentence>
<Sentence date="20100105" id="T-2">
<EventCoding sourcecode="GON" targetcode="ARN" eventcode="1123"/>
<Text>Gondor criticized Arnor on Tuesday.</Text>
</Sentence>
<Sentence date="20100105" id="T-3">
<EventCoding noevents="true"/>
<Text>The baseball season began in Arnor.</Text>
</Sentence>
</Sentences>
"""


def _files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "gold": ("gold.xml", GOLD),
        "actors": ("t.actors.txt", "ARNOR_ [ARN]\nGONDOR [GON]\n+MINAS_TIRITH\nBAD_DATE\n\t[XXX 9501]\n"),
        "agents": ("t.agents.txt", "POLICE {} [~COP]\n"),
        "verbs": ("t.verbs.txt", "--- CRITICIZE [1123] ---\nCRITICIZE\n"),
        "discards": ("t.discards.txt", "BASEBALL\n"),
    }
    out = {}
    for k, (name, text) in files.items():
        out[k] = tmp_path / name
        out[k].write_text(text, encoding="utf-8")
    return out


def test_eval_with_tabari_dictionaries(tmp_path: Path) -> None:
    f = _files(tmp_path)
    errors = tmp_path / "miss.jsonl"
    args = ["eval", str(f["gold"]), "--replace", "--json", "--errors", str(errors)]
    for kind in ("actors", "agents", "verbs", "discards"):
        args += [f"--{kind}", str(f[kind])]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    scores = json.loads(res.stdout[res.stdout.index("{") :])
    assert scores["kind"] == "cameo" and scores["records"] == 3
    assert scores["exact"]["gold"] == 2 and scores["exact"]["tp"] == 2 and scores["records_right"] == 3
    # the unreadable dictionary line is reported with file and line, and the rest loaded
    assert f"{f['actors']}:5" in res.stderr and "E201" in res.stderr
    assert errors.read_text() == ""


def test_eval_text_report_and_missing_gold(tmp_path: Path) -> None:
    f = _files(tmp_path)
    res = CliRunner().invoke(main, ["eval", str(f["gold"]), "--dictionaries", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "exact" in res.stdout and "records exactly right:" in res.stdout
    res = CliRunner().invoke(main, ["eval", str(tmp_path / "nope.xml")])
    assert res.exit_code == 2
