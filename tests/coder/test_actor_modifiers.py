"""Names inside a noun phrase that are not the actor ("Iran-backed rebels"), and names
in apposition that are ("the militant group al-Shabab")."""

from __future__ import annotations


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
