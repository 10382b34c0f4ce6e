"""Title/dated-role and before/after checks, the known-events table, background marking."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.claims.consistency import (
    DatedRole,
    check_order,
    check_titles,
    load_known_events,
    mark_known_background,
    match_known,
)
from tidings.lexicon.loader import LoadReport
from tidings.types import Actor, DateInterval, Event, Evidence, Timex

D = dt.date
ROLES = {
    "Donald Trump": (
        DatedRole("President of United States", D(2017, 1, 20), D(2021, 1, 20)),
        DatedRole("President of United States", D(2025, 1, 20), None),
    ),
    "Joe Biden": (
        DatedRole("Vice President of United States", D(2009, 1, 20), D(2017, 1, 20)),
        DatedRole("President of United States", D(2021, 1, 20), D(2025, 1, 20)),
    ),
}


def fake_roles(name: str):
    return ROLES.get(name, ())


def test_builtin_known_events_load_cleanly():
    report = LoadReport()
    known = load_known_events(report=report)
    assert report.bad == []
    assert len(known) >= 95
    assert all(D(1990, 1, 1) <= k.start <= D(2026, 12, 31) for k in known)
    assert all(k.end is None or k.end >= k.start for k in known)


def test_known_events_bad_lines_are_reported(tmp_path):
    p = tmp_path / "k.tsv"
    p.write_text(
        "start\tend\tname\tmatch\troot\tactors\tnotes\n"
        "2014-03-18\t\tAnnexation\tannexation;crimea\t19\tRUS|UKR\t\n"
        "2014-13-40\t\tBad date\tx\t-\t-\t\n",
        encoding="utf-8",
    )
    report = LoadReport()
    known = load_known_events(p, report=report)
    assert [k.name for k in known] == ["Annexation"]
    assert len(report.bad) == 1 and ":3" in report.bad[0].origin


def test_match_known_prefers_the_specific_event():
    known = load_known_events()
    assert match_known("Russia’s annexation of Crimea", known).start == D(2014, 3, 18)
    assert match_known("the Russian invasion of Ukraine", known).start == D(2022, 2, 24)
    assert match_known("the weather in Crimea", known) is None


def _ev(
    trigger,
    sentence,
    *,
    src="RUS",
    tgt="UKR",
    cameo="192",
    source="publication",
    modality="asserted",
):
    return Event(
        "a",
        0,
        Actor(src, src, src, country=src),
        Actor(tgt, tgt, tgt, country=tgt),
        cameo,
        "x",
        None,
        None,
        -9.0,
        4,
        DateInterval(D(2025, 2, 10), D(2025, 2, 10), source=source),
        Evidence(
            sentence,
            trigger,
            0,
            len(sentence),
            sentence.index(trigger),
            sentence.index(trigger) + len(trigger),
        ),
        0.8,
        modality=modality,
    )


def test_known_background_becomes_historical():
    known = load_known_events()
    bg = _ev("invasion", "They spoke shortly before the Russian invasion of Ukraine.")
    dated = _ev(
        "invasion",
        "They spoke shortly before the Russian invasion of Ukraine.",
        source="text",
    )
    other = _ev("shelled", "Russian forces shelled Kharkiv.", cameo="195")
    out = mark_known_background([bg, dated, other], known, pub_date=D(2025, 2, 10))
    assert [e.modality for e in out] == ["historical", "asserted", "asserted"]
    assert (
        mark_known_background([bg], known, pub_date=D(2022, 3, 1))[0].modality
        == "asserted"
    )


@pytest.mark.slow
def test_former_title_of_a_sitting_president_is_flagged(nlp):
    doc = nlp(
        "Former US President Donald Trump spoke in Ohio. Joe Biden, the former US president, stayed home."
    )
    found = check_titles(doc, article_id="x", pub_date=D(2025, 2, 10), roles=fake_roles)
    assert [(f.kind, dict(f.details)["person"], f.sentence_index) for f in found] == [
        ("title-role", "Donald Trump", 0)
    ]
    assert doc.text[found[0].start : found[0].end] == "Former US President Donald Trump"
    # in 2023 Trump was out of office and Biden was the sitting president
    found = check_titles(doc, article_id="x", pub_date=D(2023, 6, 1), roles=fake_roles)
    assert [(dict(f.details)["person"], f.sentence_index) for f in found] == [
        ("Joe Biden", 1)
    ]


@pytest.mark.slow
def test_former_vice_president_is_not_the_presidency(nlp):
    doc = nlp("Former Vice President Joe Biden met voters in Iowa.")
    assert (
        check_titles(doc, article_id="x", pub_date=D(2019, 6, 1), roles=fake_roles)
        == []
    )
    doc = nlp("Former President Joe Biden met voters in Iowa.")
    assert (
        len(check_titles(doc, article_id="x", pub_date=D(2022, 6, 1), roles=fake_roles))
        == 1
    )


@pytest.mark.slow
def test_this_came_before_a_known_event_is_an_anachronism(nlp):
    known = load_known_events()
    text = "Last week, the minister made some statements. This came before Russia's annexation of Crimea."
    doc = nlp(text)
    prev = _ev(
        "made",
        "Last week, the minister made some statements.",
        cameo="010",
        source="text",
    )
    found = check_order(
        doc, article_id="a", pub_date=D(2025, 2, 10), known=known, events=[prev]
    )
    assert [
        (f.kind, f.sentence_index, dict(f.details)["known_date"]) for f in found
    ] == [("anachronism", 1, "2014-03-18")]
    # the same sentence in a 2013 report is consistent
    assert (
        check_order(doc, article_id="a", pub_date=D(2013, 5, 1), known=known, events=[])
        == []
    )


@pytest.mark.slow
def test_an_explicit_date_that_fits_the_order_is_not_flagged(nlp):
    known = load_known_events()
    text = "This development comes after they spoke in February 2022, shortly before the Russian invasion of Ukraine."
    doc = nlp(text)
    start = text.index("February 2022")

    def february(year: int) -> Timex:
        return Timex(
            "February 2022",
            start,
            start + 13,
            f"{year}-02",
            D(year, 2, 1),
            D(year, 2, 28),
            "month",
        )

    def found(tx: Timex) -> list:
        return check_order(
            doc, article_id="a", pub_date=D(2025, 2, 10), known=known, timexes=[tx]
        )

    assert found(february(2022)) == []
    assert len(found(february(2023))) == 1
