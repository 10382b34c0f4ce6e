"""The held-out measurements: the check set stays apart from the training examples, and the
coder run counts what the fallback adds."""

import numpy as np
import pytest

from tidings.coder.fallback_hook import FallbackHook
from tidings.fallback.embed import HashingEmbedder
from tidings.fallback.gate import Gate
from tidings.fallback.heldout import TableEmbedder, check, check_set_path
from tidings.fallback.model import FallbackModel
from tidings.fallback.train import Example, builtin_examples_path, check_examples, read_tsv_examples


def test_the_check_set_is_never_trained_on():
    held = read_tsv_examples(check_set_path())
    counts = check_examples(held)
    assert counts["NONE"] >= 40 and sum(counts.values()) - counts["NONE"] >= 40
    trained = {e.text.lower() for e in read_tsv_examples(builtin_examples_path())}
    assert not [e.text for e in held if e.text.lower() in trained]


def test_table_embedder_gives_the_stored_rows():
    emb = TableEmbedder("t", {"a": np.array([1.0, 0.0]), "b": np.array([0.0, 1.0])})
    assert emb.dim == 2 and emb.embed(["b", "a"]).tolist() == [[0.0, 1.0], [1.0, 0.0]]
    with pytest.raises(KeyError):
        emb.embed(["c"])


def _hook(event_probability):
    z = float(np.log(event_probability / (1 - event_probability)))
    model = FallbackModel(labels=("AID", "ASSAULT", "NONE"), weights=np.zeros((8, 3)),
                          bias=np.log(np.array([0.8, 0.1, 0.1])), embedder="hashing-8",
                          gate=Gate(weights=np.zeros(8), bias=z, threshold=0.6))
    return FallbackHook(model=model, embedder=HashingEmbedder(dim=8), threshold=0.3)


@pytest.mark.slow
def test_check_counts_what_the_fallback_adds():
    examples = [Example("Kenya ferried tents to Somalia on Monday.", "AID"),
                Example("The ferry carried tourists to the island on Monday.", "NONE")]
    lexicon_only = check(examples, None)
    assert lexicon_only.fallback_events == 0 and lexicon_only.no_events == 1
    open_gate = check(examples, _hook(0.9))
    assert open_gate.fallback_events == 2 and open_gate.no_events_fallback == 1
    assert "top-1 accuracy:   1.000" in open_gate.render()
    shut = check(examples, _hook(0.5))
    assert shut.fallback_events == 0 and "no-event sentences given an event: 0/1" in shut.render()
