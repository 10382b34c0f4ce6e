"""``tidings train`` and ``--fallback`` on ``tidings code``."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.fallback.model import FallbackModel


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def labelled(tmp_path):
    p = tmp_path / "labelled.csv"
    rows = ["sentence,plover"]
    rows += [f"Troops shelled village number {i}.,ASSAULT" for i in range(6)]
    rows += [f"Ministers held talks in city number {i}.,CONSULT" for i in range(6)]
    p.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return p


def test_help_has_an_example(runner):
    res = runner.invoke(main, ["train", "--help"])
    assert res.exit_code == 0 and "Examples:" in res.output and "tidings train" in res.output


def test_train_writes_a_model(runner, labelled, tmp_path):
    out = tmp_path / "m.npz"
    res = runner.invoke(main, ["train", str(labelled), "-o", str(out), "--text-col", "sentence",
                               "--label-col", "plover", "--embedder", "hashing", "--cv", "3"])
    assert res.exit_code == 0, res.output
    assert "3-fold cross-validation, 12 examples" in res.output
    model = FallbackModel.load(out)
    assert model.labels == ("ASSAULT", "CONSULT") and model.provenance["trained_on"] == "labelled.csv"


def test_rows_without_label_train_the_gate(runner, labelled, tmp_path):
    rows = labelled.read_text(encoding="utf-8") + "".join(f"Heavy rain fell in town number {i}.,\n" for i in range(6))
    labelled.write_text(rows, encoding="utf-8")
    out = tmp_path / "m.npz"
    res = runner.invoke(main, ["train", str(labelled), "-o", str(out), "--text-col", "sentence",
                               "--label-col", "plover", "--embedder", "hashing"])
    assert res.exit_code == 0, res.output
    assert "event / no-event gate" in res.output
    model = FallbackModel.load(out)
    assert model.labels == ("ASSAULT", "CONSULT", "NONE") and model.gate is not None


def test_train_reports_a_missing_column(runner, labelled, tmp_path):
    res = runner.invoke(main, ["train", str(labelled), "-o", str(tmp_path / "m.npz"), "--embedder", "hashing"])
    assert res.exit_code == 1 and "E332" in res.output and "--text-col" in res.output


def test_train_reports_an_unknown_label(runner, tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("text,label\na,HAPPY\nb,HAPPY\nc,AGREE\nd,AGREE\n", encoding="utf-8")
    res = runner.invoke(main, ["train", str(p), "-o", str(tmp_path / "m.npz"), "--embedder", "hashing"])
    assert res.exit_code == 1 and "E333" in res.output and "HAPPY" in res.output


@pytest.mark.slow
def test_code_with_a_fallback_model(runner, tmp_path):
    labels = ("AID", "NONE")
    model = FallbackModel(labels=labels, weights=np.zeros((8, 2)), bias=np.log(np.array([0.9, 0.1])),
                          embedder="hashing-8")
    path = model.save(tmp_path / "always-aid.npz")
    text = "Kenya ferried tents to Somalia on Monday."
    plain = runner.invoke(main, ["code", "-", "--date", "2025-03-03", "--format", "jsonl"], input=text)
    assert plain.exit_code == 0 and plain.stdout.strip() == ""
    res = runner.invoke(main, ["code", "-", "--date", "2025-03-03", "--format", "jsonl", "--fallback", str(path)],
                        input=text)
    assert res.exit_code == 0, res.output
    (ev,) = [json.loads(line) for line in res.stdout.splitlines()]
    assert ev["plover"]["event"] == "AID" and ev["source"]["code"] == "KEN" and ev["confidence"] <= 0.5


@pytest.mark.slow
def test_code_with_a_missing_fallback_model(runner, tmp_path):
    res = runner.invoke(main, ["code", "-", "--fallback", str(tmp_path / "none.npz")], input="Kenya met Somalia.")
    assert res.exit_code != 0 and "E331" in res.output
