"""Actor resolution on hand-built parses: datelines, "US", uncoded sources and pronouns."""

from __future__ import annotations

import pytest

from tidings.coder.actors import ActorIndex, ActorResolver
from tidings.coder.syntax import dateline_end, is_pronoun, subjects

from .handparse import parse

# "MANILA -- President Arroyo pardoned Estrada" (the dateline parsed as a second subject)
DATELINE = parse([
    ("MANILA", "PROPN", "nsubj", 4, "MANILA"),
    ("--", "PUNCT", "punct", 0, "--"),
    ("President", "PROPN", "compound", 3, "President"),
    ("Arroyo", "PROPN", "nsubj", 4, "Arroyo"),
    ("pardoned", "VERB", "ROOT", 4, "pardon"),
    ("Estrada", "PROPN", "dobj", 4, "Estrada"),
])

# "ISTANBUL -- President Erdogan gave ..." (the subject parsed as the dateline's apposition)
DATELINE_APPOS = parse([
    ("ISTANBUL", "PROPN", "nsubj", 4, "ISTANBUL"),
    ("--", "PUNCT", "punct", 0, "--"),
    ("President", "PROPN", "compound", 3, "President"),
    ("Erdogan", "PROPN", "appos", 0, "Erdogan"),
    ("gave", "VERB", "ROOT", 4, "give"),
])

# "The committee declared that it will not end the strike"
COMMITTEE = parse([
    ("The", "DET", "det", 1, "the"),
    ("committee", "NOUN", "nsubj", 2, "committee"),
    ("declared", "VERB", "ROOT", 2, "declare"),
    ("that", "SCONJ", "mark", 7, "that"),
    ("it", "PRON", "nsubj", 7, "it"),
    ("will", "AUX", "aux", 7, "will"),
    ("not", "PART", "neg", 7, "not"),
    ("end", "VERB", "ccomp", 2, "end"),
    ("the", "DET", "det", 9, "the"),
    ("strike", "NOUN", "dobj", 7, "strike"),
])

# "The rebels continued their attacks"
POSSESSIVE = parse([
    ("The", "DET", "det", 1, "the"),
    ("rebels", "NOUN", "nsubj", 2, "rebel"),
    ("continued", "VERB", "ROOT", 2, "continue"),
    ("their", "PRON", "poss", 4, "their"),
    ("attacks", "NOUN", "dobj", 2, "attack"),
])

# "US launched attacks"
US = parse([
    ("US", "PROPN", "nsubj", 1, "US"),
    ("launched", "VERB", "ROOT", 1, "launch"),
    ("attacks", "NOUN", "dobj", 1, "attack"),
])


@pytest.fixture(scope="module")
def index(lexicon):
    return ActorIndex(lexicon)


def texts(toks):
    return [t.text for t in toks]


def test_dateline_is_not_the_subject():
    assert dateline_end(DATELINE[0]) == 1
    assert texts(subjects(DATELINE[4])) == ["Arroyo"]
    assert texts(subjects(DATELINE_APPOS[4])) == ["Erdogan"]


def test_ordinary_capitalised_subject_is_no_dateline():
    assert dateline_end(US[0]) is None
    assert dateline_end(COMMITTEE[1]) is None


def test_us_in_capitals_is_the_country(index):
    assert not is_pronoun(US[0])
    assert is_pronoun(COMMITTEE[4])
    actor = ActorResolver(index, US, default_date=None).resolve(US[0])
    assert actor is not None and actor.code == "USA"


def test_common_noun_source_is_kept_uncoded(index):
    actor = ActorResolver(index, COMMITTEE, default_date=None).uncoded(COMMITTEE[1], role="source")
    assert actor is not None and actor.code is None and actor.text == "The committee"


def test_unresolved_subject_pronoun_takes_the_reporting_subject(index):
    res = ActorResolver(index, COMMITTEE, default_date=None)
    assert res.resolve(COMMITTEE[4]) is None
    actor = res.uncoded(COMMITTEE[4], role="source")
    assert actor is not None and actor.text == "The committee"
    assert res.uncoded(COMMITTEE[4], role="target") is None


def test_possessive_on_the_object_is_the_subject(index):
    res = ActorResolver(index, POSSESSIVE, default_date=None)
    actor = res.uncoded(POSSESSIVE[3], role="source")
    assert actor is not None and actor.text == "The rebels"


def test_agentless_passive_keeps_the_event_without_a_source(nlp, lexicon):
    from tidings.coder import Coder

    text = "The journalist was arrested in Niger on Monday."
    events = Coder(lexicon=lexicon, nlp=nlp).code_text(text)
    assert [(e.cameo[:3], e.source, e.target.text) for e in events][:1] == [("173", None, "The journalist")]
    assert Coder(lexicon=lexicon, nlp=nlp, coded_only=True).code_text(text) == []


# "US Jewish organisations rejected the plan"
ORGS = parse([
    ("US", "PROPN", "compound", 2, "US"),
    ("Jewish", "ADJ", "amod", 2, "jewish"),
    ("organisations", "NOUN", "nsubj", 3, "organisation"),
    ("rejected", "VERB", "ROOT", 3, "reject"),
])


def test_country_modifier_does_not_make_a_common_noun_a_place(index):
    actor = ActorResolver(index, ORGS, default_date=None).uncoded(ORGS[2], role="source")
    assert actor is not None and actor.text == "US Jewish organisations"
    assert ActorResolver(index, ORGS, default_date=None).uncoded(ORGS[0], role="source") is None


def test_one_phrase_for_two_countries_actors_is_not_one_actor():
    from tidings.coder.coder import _same
    from tidings.types import Actor

    bra = Actor(text="The armies", name=None, code="BRAMIL", country="BRA", sector="MIL", start=0, end=10, kind="group")
    arg = Actor(text="The armies", name=None, code="ARGMIL", country="ARG", sector="MIL", start=0, end=10, kind="group")
    assert not _same(bra, arg)
    assert _same(bra, bra)
