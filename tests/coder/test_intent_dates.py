"""An intent is dated by the act it intends ("agreed to meet again next month"), and "the two
ministers" stands for the two people named before (coder/coder.py, coder/actors.py)."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow

TEXT = ("Chinese Foreign Minister Wang Yi met Indian External Affairs Minister S. Jaishankar in New Delhi "
        "on Wednesday. The two ministers agreed to meet again next month in Beijing.")


def test_agreed_to_meet_next_month_is_dated_next_month_between_the_two_ministers(coder):
    events = [e for e in coder.code_text(TEXT, date=dt.date(2025, 3, 5)) if e.sentence_index == 1]
    assert {(e.source.code, e.target.code, e.cameo) for e in events} == {("CHNGOV", "INDGOV", "036"), ("INDGOV", "CHNGOV", "036")}
    assert {(e.date.start, e.date.end, e.date.source) for e in events} == {(dt.date(2025, 4, 1), dt.date(2025, 4, 30), "text")}


def test_an_agreement_dated_by_its_own_words_keeps_that_date(coder):
    (e,) = [e for e in coder.code_text("Iran agreed on Monday to resume talks with the IAEA.", date=dt.date(2025, 3, 5))
            if e.cameo.startswith("03")]
    assert (e.date.start, e.date.source) == (dt.date(2025, 3, 3), "text")
