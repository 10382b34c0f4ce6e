"""A mention of a well-known past event is dated by that event, not by the dateline."""

from __future__ import annotations

import datetime as dt


def test_the_russian_invasion_mentioned_in_2025_is_dated_2022(coder):
    events = coder.code_text(
        "Trump wants Putin to end the Russian invasion of Ukraine.", date=dt.date(2025, 2, 10))
    inv = [e for e in events if e.cameo.startswith("19")]
    assert inv, events
    assert inv[0].date.start == dt.date(2022, 2, 24) and inv[0].date.source == "known"
    assert inv[0].modality == "historical"


def test_a_new_attack_keeps_its_own_date(coder):
    events = coder.code_text("Russia attacked Kharkiv on Monday.", date=dt.date(2025, 2, 10))
    assert events
    assert all(e.date.source != "known" for e in events)


def test_a_verb_and_the_war_name_the_known_event_too(coder):
    for text in ("This came days before Russian troops invaded Ukraine.",
                 "Trump wants to bring Russia's war in Ukraine to a close."):
        events = [e for e in coder.code_text(text, date=dt.date(2025, 2, 10)) if e.cameo.startswith("19")]
        assert events and events[0].date.start == dt.date(2022, 2, 24), text


def test_verb_stems():
    from tidings.claims.consistency import _verb_stems

    assert "invade" in _verb_stems("invaded") and "attack" in _verb_stems("attacked")
    assert _verb_stems("war") == ()
