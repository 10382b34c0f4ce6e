"""Where an attack happened: names the tagger misses in place slots, and clauses that inherit it."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow

DAY = dt.date(2025, 3, 4)


def _places(coder, text: str) -> dict[str, str | None]:
    return {f"{e.cameo}:{e.target.code if e.target else None}": e.location.name if e.location else None
            for e in coder.code_text(text, date=DAY)}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Russian drones struck the city of Kharkiv early on Tuesday.", "Kharkiv"),
        ("Russian forces hit the port of Odesa with drones on Tuesday.", "Odesa"),
        ("Russia also bombed Odesa on Tuesday.", "Odesa"),
    ],
)
def test_an_attacked_city_the_tagger_misses_is_the_location(coder, text: str, place: str) -> None:
    assert place in _places(coder, text).values()


def test_a_participle_clause_happened_where_its_verb_did(coder) -> None:
    got = _places(coder, "Russian drones struck the city of Kharkiv on Tuesday, killing four civilians.")
    assert got and set(got.values()) == {"Kharkiv"}


def test_a_person_named_like_no_place_stays_no_place(coder) -> None:
    assert set(_places(coder, "Russian troops attacked Smith on Tuesday.").values()) <= {None}
