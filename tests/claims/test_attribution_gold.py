"""The hand annotations of attribution and modality: format, and an accuracy floor."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tidings.types import MODALITIES

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "attribution_gold.tsv"
HELDOUT = ROOT / "tests" / "data" / "attribution_heldout.tsv"


def _tool():
    spec = importlib.util.spec_from_file_location(
        "measure_attribution", ROOT / "tools" / "measure_attribution.py"
    )
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("path,minimum", [(GOLD, 100), (HELDOUT, 20)])
def test_gold_format(path, minimum):
    rows = _tool().read_gold(path)
    assert len(rows) >= minimum
    assert len({(r.set, r.id) for r in rows}) == len(rows)
    for r in rows:
        assert r.set in {"plover", "news817"}
        assert r.modality in MODALITIES
        assert r.s0 <= r.trigger < r.s1
        if r.speaker:
            assert r.s0 <= r.speaker[0] < r.speaker[1] <= r.s1
    # ids, offsets and labels only: no copied text
    lines = path.read_text(encoding="utf-8").splitlines()
    assert max(len(ln) for ln in lines if not ln.startswith("#")) < 120


@pytest.mark.slow
@pytest.mark.shared
def test_accuracy_floor(shared, capsys):
    assert _tool().main(["--shared", str(shared)]) == 0
    out = capsys.readouterr().out
    accuracy = float(out.split("modality accuracy:")[1].split("=")[1].split()[0])
    assert accuracy >= 0.90
