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
    assert all(e.date.source != "known" for e in events)
