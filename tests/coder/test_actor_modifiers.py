"""Names inside a noun phrase that are not the actor ("Iran-backed rebels"), names in
apposition that are ("the militant group al-Shabab"), phrases for two people named before
("the two men", "they"), and what a meeting is for ("met ... to discuss")."""

from __future__ import annotations

import datetime as dt


def _sources(coder, text: str) -> set[str]:
    return {e.source.code for e in coder.code_text(text) if e.source is not None and e.source.code}


def test_a_backer_is_not_the_actor(coder):
    assert "USAMIL" not in _sources(coder, "US-backed forces captured the town from Islamic State.")
    assert "---MIL" in _sources(coder, "US-backed forces captured the town from Islamic State.")
    assert "RUSREB" not in _sources(coder, "Russian-backed separatists shelled Ukrainian positions.")


def test_a_leader_still_is(coder):
    # "-led" names who leads: the country stays
    assert "SAUMIL" in _sources(coder, "Saudi-led forces attacked Houthi rebels on Monday.")


def test_a_name_in_apposition_to_a_generic_head_is_the_actor(coder):
    assert "SOMREBSHB" in _sources(coder, "The Somali militant group al-Shabab attacked a mall in Nairobi.")


def _triples(coder, text: str) -> set[tuple[str, str, str]]:
    return {((e.source.code or "") if e.source else "", (e.target.code or "") if e.target else "", e.cameo)
            for e in coder.code_text(text, date=dt.date(2025, 2, 10))}


def test_the_two_men_are_the_two_people_named_before(coder):
    text = ("Donald Trump has spoken with Vladimir Putin about Ukraine. "
            "Trump said the two men had very good talks.")
    triples = _triples(coder, text)
    assert ("USAGOV", "RUSGOV", "040") in triples and ("RUSGOV", "USAGOV", "040") in triples


def test_talks_between_the_leaders_of_the_two_countries_are_the_two_people(coder):
    text = ("Macron met Scholz in Paris on Monday. "
            "Talks between the leaders of the two countries lasted three hours, an aide told Le Monde.")
    second = {((e.source.code or ""), (e.target.code or "") if e.target else "", e.cameo)
              for e in coder.code_text(text, date=dt.date(2025, 2, 10)) if e.sentence_index == 1 and e.cameo == "040"}
    assert second == {("FRAGOV", "DEUGOV", "040"), ("DEUGOV", "FRAGOV", "040")}


def test_they_after_two_people_in_its_own_sentence_is_both(coder):
    triples = _triples(coder, "Trump and Putin both say they want to meet in person.")
    assert {("USAGOV", "RUSGOV", "036"), ("RUSGOV", "USAGOV", "036")} <= triples


def test_they_for_a_plural_group_is_unchanged(coder):
    text = "Houthi rebels attacked a ship in the Red Sea. They fired missiles at Israel."
    assert any(s.startswith("YEMREB") and t == "ISR" for s, t, _ in _triples(coder, text))


def test_a_meeting_and_what_it_is_to_discuss_are_one_event(coder):
    triples = _triples(coder, "Xi met Lula in Beijing on Tuesday to discuss trade.")
    assert sum(1 for s, t, c in triples if s.startswith("CHN") and t.startswith("BRA")) == 1


def test_declining_to_say_how_often_they_talked_is_not_a_refusal_to_talk(coder):
    text = "Trump met Putin in Riyadh. He declined to say how often they had talked."
    assert not any(c.startswith("12") for *_, c in _triples(coder, text))


def test_reported_that_x_comma_verbed_keeps_x_as_subject(coder):
    text = "Journalist Bob Woodward reported that Trump, after leaving office in 2021, talked with Putin."
    assert any(s.startswith("USA") and s != "USAMED" and t.startswith("RUS") for s, t, _ in _triples(coder, text))
