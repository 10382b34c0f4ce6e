"""The gate in the coder: the fallback proposes nothing where the gate says no event, and its
confidence carries the gate's doubt."""

import datetime as dt

import numpy as np
import pytest

from tidings.coder import Coder
from tidings.coder.fallback_hook import FallbackHook
from tidings.fallback.embed import HashingEmbedder
from tidings.fallback.gate import Gate
from tidings.fallback.model import FallbackModel

pytestmark = pytest.mark.slow

NO_LEXICON_EVENT = "Kenya ferried tents to Somalia on Monday."
LEXICON_EVENT = "Kenya airlifted tents to Somalia."
DAY = dt.date(2025, 3, 3)
LABELS = ("AID", "ASSAULT", "NONE")


def gated_hook(event_probability: float, gate_threshold: float = 0.6, none_share: float = 0.0) -> FallbackHook:
    """Whatever the sentence: AID is the best event type (0.8 of the event types' mass),
    NONE gets ``none_share`` of all, and the gate says ``event_probability``."""
    events = np.array([0.8, 0.2]) * (1 - none_share)
    bias = np.log(np.append(events, max(none_share, 1e-9)))
    gate_bias = float(np.log(event_probability / (1 - event_probability)))
    model = FallbackModel(labels=LABELS, weights=np.zeros((8, 3)), bias=bias, embedder="hashing-8",
                          gate=Gate(weights=np.zeros(8), bias=gate_bias, threshold=gate_threshold))
    return FallbackHook(model=model, embedder=HashingEmbedder(dim=8), threshold=0.3)


@pytest.fixture(scope="module")
def make(nlp, lexicon):
    return lambda h, **kw: Coder(lexicon=lexicon, nlp=nlp, fallback=h, **kw)


def test_the_gate_says_no_event_and_nothing_is_proposed(make):
    assert make(gated_hook(0.5)).code_text(NO_LEXICON_EVENT, date=DAY) == []
    (ev,) = make(gated_hook(0.7)).code_text(NO_LEXICON_EVENT, date=DAY)
    assert ev.method == "fallback" and ev.plover_event == "AID"


def test_with_a_gate_the_type_is_chosen_among_event_types(make):
    # NONE has most of the type model's mass, but the gate has said "event": the best
    # event type is proposed with its share among the event types
    hook = gated_hook(0.9, none_share=0.7)
    assert hook.classify(NO_LEXICON_EVENT) == ("AID", pytest.approx(0.8))
    (ev,) = make(hook).code_text(NO_LEXICON_EVENT, date=DAY)
    assert ev.plover_event == "AID"


def test_confidence_carries_the_gate_and_stays_below_the_lexicon(make, coder):
    (lex,) = coder.code_text(LEXICON_EVENT, date=DAY)
    (sure,) = make(gated_hook(0.99)).code_text(NO_LEXICON_EVENT, date=DAY)
    (doubtful,) = make(gated_hook(0.7)).code_text(NO_LEXICON_EVENT, date=DAY)
    assert doubtful.confidence < sure.confidence < lex.confidence
    # same actors, same sentence shape: even a certain fallback stays below the lexicon match
    certain = gated_hook(1 - 1e-9)
    (top,) = make(certain).code_text(NO_LEXICON_EVENT, date=DAY)
    assert top.confidence <= 0.6 * 0.8 * lex.confidence
