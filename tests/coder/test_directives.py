"""Requests and permissions: an asked-for act is no event (coder/directives.py,
lexicon/directive_words.tsv, lexicon/appeal_codes.tsv)."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.coder.directives import find_directives
from tidings.lexicon.model import Lexicon

from .handparse import parse

DAY = dt.date(2015, 6, 9)


def _lex(**words: str) -> Lexicon:
    lex = Lexicon()
    lex.directive_words.update(words)
    return lex


def _find(doc, lex: Lexicon):
    return find_directives([t for t in doc if t.lemma_.lower() in lex.directive_words], lex)


def test_an_object_controlled_infinitive_is_asked_for():
    # Obama urged Putin to attack Switzerland
    doc = parse([
        ("Obama", "PROPN", "nsubj", 1, "Obama"),
        ("urged", "VERB", "ROOT", 1, "urge"),
        ("Putin", "PROPN", "dobj", 1, "Putin"),
        ("to", "PART", "aux", 4, "to"),
        ("attack", "VERB", "xcomp", 1, "attack"),
        ("Switzerland", "PROPN", "dobj", 4, "Switzerland"),
    ])
    [d] = _find(doc, _lex(urge="appeal"))
    assert (d.word.text, d.kind, d.complement.text, [t.text for t in d.addressees]) == ("urged", "appeal", "attack", ["Putin"])


def test_subject_control_is_not_a_directive():
    # Russia asked to join the talks: Russia itself would join
    doc = parse([
        ("Russia", "PROPN", "nsubj", 1, "Russia"),
        ("asked", "VERB", "ROOT", 1, "ask"),
        ("to", "PART", "aux", 3, "to"),
        ("join", "VERB", "xcomp", 1, "join"),
        ("talks", "NOUN", "dobj", 3, "talk"),
    ])
    assert _find(doc, _lex(ask="appeal")) == []


def test_a_phone_call_with_a_purpose_is_not_a_call_on_someone():
    # Tillerson called Lavrov to discuss Syria
    doc = parse([
        ("Tillerson", "PROPN", "nsubj", 1, "Tillerson"),
        ("called", "VERB", "ROOT", 1, "call"),
        ("Lavrov", "PROPN", "dobj", 1, "Lavrov"),
        ("to", "PART", "aux", 4, "to"),
        ("discuss", "VERB", "advcl", 1, "discuss"),
        ("Syria", "PROPN", "dobj", 4, "Syria"),
    ])
    assert _find(doc, _lex(call="appeal")) == []


def test_the_infinitive_of_a_directive_noun_is_asked_for():
    # Obama faces pressure from Congress to help Iran
    doc = parse([
        ("Obama", "PROPN", "nsubj", 1, "Obama"),
        ("faces", "VERB", "ROOT", 1, "face"),
        ("pressure", "NOUN", "dobj", 1, "pressure"),
        ("from", "ADP", "prep", 2, "from"),
        ("Congress", "PROPN", "pobj", 3, "Congress"),
        ("to", "PART", "aux", 6, "to"),
        ("help", "VERB", "acl", 2, "help"),
        ("Iran", "PROPN", "dobj", 6, "Iran"),
    ])
    [d] = _find(doc, _lex(pressure="appeal"))
    assert (d.word.text, d.complement.text, d.addressees) == ("pressure", "help", ())


def _rows(coder, text: str) -> set[tuple[str, str, str]]:
    return {
        (e.source.code if e.source else "", e.target.code if e.target else "", e.cameo)
        for e in coder.code_text(text, date=DAY)
    }


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    # the appeal, made specific by what is asked; the asked-for act is not coded
    ("Obama urged Putin to attack Switzerland.", {("USAGOV", "RUSGOV", "020")}),
    ("Obama told Putin to release the prisoners.", {("USAGOV", "RUSGOV", "0253")}),
    ("Merkel called for Russia to withdraw.", {("DEUGOV", "RUS", "0256")}),
    # a wish about someone else is an appeal to them, not the wisher's intent
    ("Obama wants Putin to attack Switzerland.", {("USAGOV", "RUSGOV", "020")}),
    ("Obama wants Putin to meet Merkel.", {("USAGOV", "RUSGOV", "026")}),
    # demands, active and passive, and pressure faced
    ("The US Congress pressured Obama to help Iran.", {("USALEG", "USAGOV", "103")}),
    ("Obama is being pressured by the US Congress to help Iran.", {("USALEG", "USAGOV", "103")}),
    ("Obama faces pressure from the US Congress to help Iran.", {("USALEG", "USAGOV", "100")}),
    # allowing someone to act is a concession; what they may do is not done
    ("Israel allowed Palestinians to import cattle.", {("ISR", "PSE", "080")}),
])
def test_asked_for_acts_are_not_events(coder, text, expected):
    rows = _rows(coder, text)
    assert rows == expected


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    # the contrasts: one's own wish is an intent; a call with a purpose is a call
    ("Obama wants to meet Putin.", ("USAGOV", "RUSGOV", "036")),
    ("Kerry called Lavrov to discuss Syria.", ("USAGOV", "RUSGOV", "041")),
])
def test_own_intents_and_purposes_are_unchanged(coder, text, expected):
    assert expected in _rows(coder, text)


@pytest.mark.slow
def test_permission_to_help_is_no_help(coder):
    rows = _rows(coder, "Obama said he would not give permission to Russia to help Israel.")
    assert not any(code.startswith("07") for _, _, code in rows)


@pytest.mark.slow
def test_agents_found_in_the_target_phrase_are_not_their_own_targets(coder):
    text = ("Qatar has pledged to expel exiled leaders of Egypt's Muslim Brotherhood as one of the "
            "conditions of an agreement forced on the wealthy Gulf state by Saudi Arabia and the UAE.")
    rows = _rows(coder, text)
    assert ("SAU", "ARE", "170") not in rows and ("ARE", "SAU", "170") not in rows


@pytest.mark.slow
def test_a_demanded_clause_names_the_one_asked(coder):
    [ev] = coder.code_text("Several MLAs demanded that Yediyurappa step down as chief minister.", date=DAY)
    assert (ev.cameo, ev.target.text if ev.target else "") == ("1041", "Yediyurappa")


@pytest.mark.slow
def test_asking_whether_is_no_demand(coder):
    events = coder.code_text("The EU asked whether Russia had attacked Ukraine.", date=DAY)
    assert not any(e.cameo.startswith("02") and e.target is not None for e in events)
