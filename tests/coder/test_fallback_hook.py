"""The embedding fallback in the coder: one event, only where the lexicon finds none."""

import datetime as dt

import numpy as np
import pytest

from tidings.coder import Coder
from tidings.coder.fallback_hook import FallbackHook, coder_with_fallback, load_fallback
from tidings.errors import ModelError
from tidings.fallback.embed import HashingEmbedder
from tidings.fallback.model import FallbackModel

pytestmark = pytest.mark.slow

NO_LEXICON_EVENT = "Kenya ferried tents to Somalia on Monday."
LEXICON_EVENT = "Kenya airlifted tents to Somalia."
DAY = dt.date(2025, 3, 3)


def fixed_model(label: str, probability: float, labels=("AID", "ASSAULT", "NONE")) -> FallbackModel:
    """A model that gives ``label`` probability ``probability`` whatever the sentence."""
    k = len(labels)
    rest = (1 - probability) / (k - 1)
    bias = np.log(np.array([probability if lab == label else rest for lab in labels]))
    return FallbackModel(labels=tuple(labels), weights=np.zeros((8, k)), bias=bias, embedder="hashing-8")


def hook(label="AID", probability=0.9, threshold=0.3):
    return FallbackHook(model=fixed_model(label, probability), embedder=HashingEmbedder(dim=8), threshold=threshold)


@pytest.fixture(scope="module")
def make(nlp, lexicon):
    return lambda h, **kw: Coder(lexicon=lexicon, nlp=nlp, fallback=h, **kw)


def test_a_sentence_without_lexicon_event_gets_one_fallback_event(make, coder):
    assert coder.code_text(NO_LEXICON_EVENT, date=DAY) == []
    (ev,) = make(hook()).code_text(NO_LEXICON_EVENT, date=DAY)
    assert ev.method == "fallback" and ev.plover_event == "AID" and ev.cameo == "070"
    assert ev.source.code == "KEN" and ev.target.code == "SOM"
    assert ev.evidence.trigger == "ferried" and ev.date.start == DAY


def test_fallback_confidence_is_below_the_lexicon(make, coder):
    (lex,) = coder.code_text(LEXICON_EVENT, date=DAY)
    (fb,) = make(hook(probability=0.99)).code_text(NO_LEXICON_EVENT, date=DAY)
    assert fb.confidence <= 0.5 < lex.confidence


def test_lexicon_events_are_left_alone(make, coder):
    want = [e.to_dict() for e in coder.code_text(LEXICON_EVENT, date=DAY)]
    got = [e.to_dict() for e in make(hook(label="ASSAULT")).code_text(LEXICON_EVENT, date=DAY)]
    assert got == want and want


def test_below_the_threshold_or_no_event_nothing_is_proposed(make):
    assert make(hook(probability=0.4, threshold=0.5)).code_text(NO_LEXICON_EVENT, date=DAY) == []
    assert make(hook(label="NONE")).code_text(NO_LEXICON_EVENT, date=DAY) == []


def test_datelines_and_verbless_fragments_get_nothing(make):
    assert make(hook()).code_text("NAIROBI --", date=DAY) == []


def test_a_passive_without_agent_keeps_its_target(make):
    evs = make(hook(label="ASSAULT")).code_text("A Somali journalist was thrashed in Nairobi.", date=DAY)
    assert len(evs) == 1 and evs[0].source is None and "journalist" in evs[0].target.text


def test_coded_only_needs_coded_actors(make):
    assert make(hook()).code_text("The Zorblax Foundation ferried tents to Quux.", date=DAY)
    assert make(hook(), coded_only=True).code_text("The Zorblax Foundation ferried tents to Quux.", date=DAY) == []
    assert len(make(hook(), coded_only=True).code_text(NO_LEXICON_EVENT, date=DAY)) == 1


def test_loading(tmp_path):
    with pytest.raises(ModelError) as exc:
        load_fallback(tmp_path / "missing.npz")
    assert exc.value.code == "E331"
    path = fixed_model("AID", 0.9).save(tmp_path / "m.npz")
    loaded = load_fallback(path, threshold=0.7)
    assert loaded.threshold == 0.7 and loaded.embedder.dim == 8
    assert loaded.classify("anything") == ("AID", pytest.approx(0.9))


def test_factory_for_workers(tmp_path):
    path = fixed_model("AID", 0.9).save(tmp_path / "m.npz")
    c = coder_with_fallback(str(path), coded_only=True)
    assert c.fallback is not None and c.coded_only
