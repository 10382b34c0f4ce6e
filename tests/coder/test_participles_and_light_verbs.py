"""A participle used as an adjective is no event; verbs of increase carry their object's event."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow

DAY = dt.date(2019, 6, 9)


def _rows(coder, text: str) -> list[tuple[str, str, str, str]]:
    return [
        (e.source.code if e.source else "", e.target.code if e.target else "", e.cameo, e.evidence.trigger)
        for e in coder.code_text(text, date=DAY)
    ]


@pytest.mark.parametrize("text, word", [
    ("The government imposed new targeted sanctions on the company.", "targeted"),
    ("Police arrested two wanted men in Lagos.", "wanted"),
])
def test_an_adjectival_participle_is_no_candidate(nlp, lexicon, text, word):
    from tidings.coder.match import sentence_candidates

    [sent] = list(nlp(text).sents)
    triggers = [c.trigger.text for c in sentence_candidates(sent, lexicon)]
    assert word not in triggers and triggers, triggers


@pytest.mark.parametrize("text, expected", [
    ("Trump will increase pressure on Iran.", ("USAGOV", "IRN")),
    ("Russia stepped up attacks on Kharkiv residents.", ("RUS", "---CVL")),
])
def test_increasing_an_act_is_doing_it(coder, text, expected):
    rows = _rows(coder, text)
    assert any((s, t) == expected for s, t, *_ in rows), rows


@pytest.mark.parametrize("text, expected", [
    ("The United States remains the largest single donor of humanitarian assistance in Iraq.", ("USA", "", "070")),
    ("The German government is one of the largest bilateral donors.", ("DEUGOV", "", "070")),
    ("Norway is among the biggest donors to the Palestinians.", ("NOR", "PSE", "070")),
])
def test_a_donor_is_what_its_subject_is(coder, text, expected):
    assert expected in [r[:3] for r in _rows(coder, text)]


def test_not_a_donor_gives_nothing(coder):
    assert _rows(coder, "Japan is not a donor to Ukraine.") == []


def test_engaging_someone_in_a_fight_makes_them_the_target(coder):
    rows = _rows(coder, "The army engaged the rebels in heavy fighting near Goma.")
    assert ("---MIL", "---REB") in [r[:2] for r in rows], rows


@pytest.mark.parametrize("text, target", [
    ("Afghanistan has banned all Pakistani newspapers.", "PAKMED"),
    ("The Vietnamese authorities have outlawed opposition parties.", "---OPP"),
])
def test_what_is_banned_is_the_target(coder, text, target):
    assert target in [t for _, t, *_ in _rows(coder, text)]


@pytest.mark.parametrize("text, expected", [
    # taking in refugees is granting asylum; refusing them is a rejection of aid
    ("The United States accepted 1,141 Iraqi refugees in May.", ("USA", "IRQREF", "075")),
    ("Bangladesh says it will not accept any Rohingya refugees fleeing violence.", ("BGD", "---REF", "122")),
    # name-calling with the name in an apposition the parser made
    ("US President Donald Trump called Britain's ambassador to the United States a very stupid guy.",
     ("USAGOV", "GBRGOV", "111")),
    # expertise and resources offered are aid, here intended
    ("The United States is willing to provide military expertise to the United Nations.", ("USA", "IGOUNO", "033")),
])
def test_objects_that_name_the_act(coder, text, expected):
    assert expected in [r[:3] for r in _rows(coder, text)]


def test_a_frame_noun_passes_its_event_on(coder):
    rows = _rows(coder, "Azerbaijani troops participate in peacekeeping operations in Afghanistan.")
    assert ("AZEMIL", "", "074") in [r[:3] for r in rows]


@pytest.mark.parametrize("text, expected", [
    ("Yemen let free activists on Monday.", ("YEM", "---CVL", "0841")),
    ("Israel set free 20 Palestinian prisoners.", ("ISR", "PSECVL", "0841")),
])
def test_letting_or_setting_free_is_a_release(coder, text, expected):
    assert expected in [r[:3] for r in _rows(coder, text)]


def test_partners_without_a_coded_target_are_each_others(coder):
    rows = [r[:2] for r in _rows(coder, "India and Pakistan agreed to a cease-fire along their border.")]
    assert ("IND", "PAK") in rows and ("PAK", "IND") in rows


@pytest.mark.parametrize("text, expected", [
    ("Germany paid compensation to the families of the victims.", ("DEU", "---CVL", "071")),
    ("Germany paid $662 million in aid last year.", ("DEU", "", "071")),
])
def test_paying_money_or_compensation_is_economic_aid(coder, text, expected):
    assert expected in [r[:3] for r in _rows(coder, text)]


def test_advising_against_travel_reduces_relations(coder):
    rows = [r[:3] for r in _rows(coder, "Britain warned against all travel to Libya on Monday.")]
    assert ("GBR", "LBY", "160") in rows
