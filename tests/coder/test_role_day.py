"""An actor's role is read on the event's date: the end of an interval that runs up to the publication."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow


def test_since_a_year_means_the_actor_of_now(coder) -> None:
    evs = coder.code_text("Donald Trump has spoken with Vladimir Putin several times since 2022.", date=dt.date(2025, 2, 10))
    talks = [e for e in evs if e.cameo.startswith("04") and e.target and e.target.code == "RUSGOV"]
    assert talks and {e.source.code for e in talks} == {"USAGOV"}
    assert talks[0].date.start == dt.date(2022, 1, 1)


def test_a_closed_past_interval_still_reads_the_role_inside_it(coder) -> None:
    evs = coder.code_text("Donald Trump spoke with Vladimir Putin several times in 2023.", date=dt.date(2025, 2, 10))
    assert {e.source.code for e in evs if e.cameo.startswith("04") and e.source} == {"USAELI"}
