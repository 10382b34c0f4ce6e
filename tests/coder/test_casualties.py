"""Casualties of a named attack are its targets, one event (coder/casualties.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.coder.casualties import merge_casualties
from tidings.coder.candidate import Candidate

from .handparse import parse

DAY = dt.date(2015, 6, 9)


def _killed_in_strike():
    # Four children were killed in an Israeli strike
    return parse([
        ("Four", "NUM", "nummod", 1, "four"),
        ("children", "NOUN", "nsubjpass", 3, "child"),
        ("were", "AUX", "auxpass", 3, "be"),
        ("killed", "VERB", "ROOT", 3, "kill"),
        ("in", "ADP", "prep", 3, "in"),
        ("an", "DET", "det", 7, "an"),
        ("Israeli", "ADJ", "amod", 7, "israeli"),
        ("strike", "NOUN", "pobj", 4, "strike"),
    ])


def _cands(doc, verb_source=()):
    kill = Candidate(trigger=doc[3], code="190", sources=verb_source, targets=(doc[1],), method="verb", specificity=1)
    strike = Candidate(trigger=doc[7], code="195", sources=((doc[6],),), targets=(), method="noun", specificity=1)
    return [kill, strike]


def test_the_agentless_killing_folds_into_the_attack():
    doc = _killed_in_strike()
    [merged] = merge_casualties(_cands(doc))
    assert (merged.trigger.text, merged.code, [t.text for t in merged.targets]) == ("strike", "195", ["children"])


def test_a_killing_with_its_own_agent_stays_apart():
    # Jets killed four in a strike: the verb has its doer, both candidates stay
    doc = parse([
        ("Jets", "NOUN", "nsubj", 1, "jet"),
        ("killed", "VERB", "ROOT", 1, "kill"),
        ("four", "NUM", "dobj", 1, "four"),
        ("in", "ADP", "prep", 1, "in"),
        ("a", "DET", "det", 5, "a"),
        ("strike", "NOUN", "pobj", 3, "strike"),
    ])
    kill = Candidate(trigger=doc[1], code="190", sources=((doc[0],),), targets=(doc[2],), method="verb", specificity=1)
    strike = Candidate(trigger=doc[5], code="195", sources=((doc[0],),), targets=(), method="noun", specificity=1)
    assert merge_casualties([kill, strike]) == [kill, strike]


@pytest.mark.slow
@pytest.mark.parametrize("text, triple", [
    ("Four people were killed in an Israeli air strike on Friday.", ("ISR", "---CVL", "195")),
    ("Three soldiers died in a Taliban attack.", ("AFGREB", "---MIL", "190")),
])
def test_victims_are_the_attacks_targets(coder, text, triple):
    events = coder.code_text(text, date=DAY)
    rows = [(e.source.code if e.source else "", e.target.code if e.target else "", e.cameo) for e in events]
    assert rows == [triple]


@pytest.mark.slow
def test_a_colon_dateline_is_no_subject(coder):
    text = "GAZA CITY, Palestinian Territories: Four people were killed on Friday, medics said."
    events = coder.code_text(text, date=DAY)
    assert [(e.target.text if e.target else "", e.cameo) for e in events] == [("Four people", "190")]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "A political prisoner died in prison after torture.",
    "The activist has died as a result of the torture he was subjected to in detention.",
    "The prisoner died due to continued torture and poor treatment.",
])
def test_a_death_from_torture_is_the_torture_of_the_dead(coder, text):
    events = coder.code_text(text, date=DAY)
    rows = [(e.source, e.target.text if e.target else "", e.cameo) for e in events if e.cameo == "1822"]
    assert rows and rows[0][0] is None and rows[0][1], rows


@pytest.mark.slow
def test_a_death_from_illness_is_no_event(coder):
    assert coder.code_text("The journalist died after a long illness.", date=DAY) == []


@pytest.mark.slow
@pytest.mark.parametrize("text, retreat", [
    ("Thousands of civilians fled the fighting in Khartoum.", False),
    ("Residents fled the town on Monday.", False),
    ("Russian troops fled Kherson on Friday.", True),
    ("A Venezuelan opposition leader surrendered to the authorities.", True),
])
def test_civilians_fleeing_is_no_military_retreat(coder, text, retreat):
    codes = [e.cameo for e in coder.code_text(text, date=DAY)]
    assert ("0874" in codes) == retreat, codes


@pytest.mark.slow
@pytest.mark.parametrize("text, source", [
    ("KABUL (Pajhwok): President Ashraf Ghani has held a meeting with a delegation.", "Ashraf Ghani"),
    ("New York, May 17, IRNA - Iran's ambassador to the United Nations rejected the plan.", "Iran's ambassador"),
])
def test_wire_datelines_are_no_part_of_the_source(coder, text, source):
    events = coder.code_text(text, date=DAY)
    assert events and events[0].source is not None and events[0].source.text == source


@pytest.mark.slow
def test_a_title_case_place_without_an_agency_is_no_dateline(nlp):
    from tidings.coder.syntax import dateline_end

    doc = nlp("Russia, China, Iran - the three partners - met in Tehran.")
    assert all(dateline_end(t) is None for t in doc[:3])
