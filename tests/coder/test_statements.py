"""Statements that are events of their own: confirmations, "according to X", statements about an
event named before, and refusals to comment (coder/sentence.py, lexicon/negation_codes.tsv)."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow

DAY = dt.date(2025, 2, 10)


def _rows(coder, text: str) -> list[tuple[str, str, str, str, str]]:
    return [
        (e.source.code if e.source else "", e.target.code if e.target else "", e.cameo, e.evidence.trigger, e.modality)
        for e in coder.code_text(text, date=DAY)
    ]


def test_a_confirmation_is_the_confirming_partys_statement_and_the_events_attribution(coder):
    events = coder.code_text("The Kremlin confirmed that Putin met Xi in Beijing on Monday.", date=DAY)
    rows = {(e.source.code if e.source else "", e.target.code if e.target else "", e.cameo, e.evidence.trigger) for e in events}
    assert ("RUSGOV", "", "010", "confirmed") in rows
    meetings = [e for e in events if e.cameo.startswith("04")]
    assert meetings and meetings[0].attribution and meetings[0].attribution.speaker.code == "RUSGOV"


def test_saying_only_attributes(coder):
    # the contrast: "said" frames the meeting and is not an event of its own
    rows = _rows(coder, "The Kremlin said that Putin met Xi in Beijing on Monday.")
    assert not any(code.startswith("01") for _, _, code, _, _ in rows)
    assert any(code.startswith("04") for _, _, code, _, _ in rows)


def test_according_to_a_named_source_is_a_statement_when_nothing_else_is_coded(coder):
    rows = _rows(coder, "According to Leonid Slutsky, a senior Russian legislator, work to prepare a meeting has begun.")
    assert rows == [("RUSLEG", "", "010", "According", "asserted")]


@pytest.mark.parametrize("text", [
    "According to the Iranian foreign ministry, Israeli jets struck Tehran on Monday.",
    "Israeli jets struck Tehran on Monday, according to the Iranian foreign ministry.",
])
def test_according_to_frames_the_event_it_reports(coder, text):
    events = coder.code_text(text, date=DAY)
    assert [e.cameo[:2] for e in events] == ["19"]
    assert events[0].target is None or events[0].target.code != "ISRMIL"
    assert events[0].attribution and events[0].attribution.speaker.code == "IRNGOV"


def test_a_statement_about_an_event_named_before_is_the_speakers_not_a_new_mention(coder):
    text = (
        "Putin and Trump have both expressed interest in meeting. "
        "Leonid Slutsky, a Russian lawmaker, said preparations for the meeting were under way."
    )
    events = coder.code_text(text, date=DAY)
    second = [(e.source.code, e.target, e.cameo) for e in events if e.sentence_index == 1]
    assert second == [("RUSLEG", None, "010")]
    assert any(e.sentence_index == 0 and e.cameo == "036" for e in events)


def test_without_a_speaker_the_anaphoric_meeting_is_still_a_mention(coder):
    text = (
        "Putin and Trump have both expressed interest in meeting. "
        "Preparations for such a meeting are under way and it could take place in March."
    )
    events = coder.code_text(text, date=DAY)
    assert any(e.sentence_index == 1 and e.cameo == "036" and e.method == "anaphora" for e in events)


@pytest.mark.parametrize("text", [
    "Kremlin spokesman Dmitry Peskov would not comment on the report.",
    "Kremlin spokesman Dmitry Peskov gave no comment on the report.",
    "Kremlin spokesman Dmitry Peskov declined to comment on the report.",
])
def test_refusing_to_comment_is_decline_comment(coder, text):
    assert [(s, c) for s, _, c, _, _ in _rows(coder, text)] == [("RUSGOV", "011")]


@pytest.mark.parametrize("text", [
    "According to the law, the budget must be published every year.",
    "According to a report from the health ministry, she died in a hospital.",
])
def test_according_to_a_thing_is_not_a_speaker(coder, text):
    assert not any(trigger == "According" for *_, trigger, _ in _rows(coder, text))


def test_a_participle_of_confirming_does_not_make_its_noun_the_speaker(coder):
    # "the cases confirmed on Wednesday": the cases were confirmed, they did not confirm anything
    assert not any(code.startswith("01") for _, _, code, _, _ in _rows(coder, "The 8 cases confirmed on Wednesday were all men."))


@pytest.mark.parametrize("text, statements", [
    ("The talks went on, with Trump's involvement adding a unique dynamic to the negotiations.", 0),
    ("The ministry posted a video of the meeting.", 0),
    ("Peskov added that the talks would continue.", 1),
    ('"We are ready," Peskov added.', 1),
])
def test_a_verb_that_reports_only_with_a_clause_is_no_statement_with_an_object(coder, text, statements):
    assert sum(1 for _, _, code, _, _ in _rows(coder, text) if code.startswith("01")) == statements


def test_what_a_statement_is_about_is_not_its_target(coder):
    # "statements regarding his communication with Putin": the statement is about Putin, not to him
    rows = _rows(coder, "Last week, Donald Trump made some intriguing statements regarding his communication with Vladimir Putin.")
    assert not any(code.startswith("01") and target == "RUSGOV" for _, target, code, _, _ in rows)
    assert ("USAGOV", "RUSGOV", "040") in {(s, t, c) for s, t, c, _, _ in rows}


@pytest.mark.parametrize("text, triple", [
    ("The Afghan government said Taliban militants were responsible.", ("AFGGOV", "AFGREB", "112")),
    ("Police said the rebels were behind the bombing.", ("---COP", "---REB", "112")),
])
def test_saying_someone_was_responsible_accuses_them(coder, text, triple):
    assert triple in [r[:3] for r in _rows(coder, text)]


def test_saying_someone_was_not_responsible_accuses_nobody(coder):
    rows = _rows(coder, "The minister said the army was not responsible.")
    assert not any(code.startswith("11") for _, _, code, _, _ in rows)


def test_a_passive_must_is_a_demand_to_nobody_named(coder):
    rows = _rows(coder, "The EU says military intervention in Venezuela must be avoided.")
    assert [r[2] for r in rows] == ["100"]


def test_an_inverted_should_is_a_condition(coder):
    text = "The ambassador warned that Washington would scale back cooperation should Huawei be given a role."
    assert not any(code == "020" or code == "100" for _, _, code, _, _ in _rows(coder, text))


@pytest.mark.parametrize("text, source", [
    ("Amnesty International put out a report accusing the Nigerian army of abuses.", "NGOHRIAMN"),
    ("Albania's parliament passed a resolution on Thursday criticizing the president.", "ALBLEG"),
])
def test_a_document_acts_for_its_issuer(coder, text, source):
    assert source in [s for s, *_ in _rows(coder, text)]
