"""Acceptance: the seed article and two rewrites of it (other outlets, other words) give one event
per seed event, with one mention per reporting sentence and three sources (the real coder, so slow).

Each seed event is listed with the sentences that report it in the three articles (a snippet of
each), its CAMEO root class and the countries of its dyad.  The check: every listed sentence has a
coded mention of that class and dyad, all of them are in one event, and that event's
``num_mentions`` is the number of listed sentences and its ``num_sources`` is 3.  docs/accuracy.md,
"Event de-duplication", has the history of the ten events.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import pytest

from tidings.dedup.rules import root_class
from tidings.ingestion import store_coded
from tidings.store.base import EventQuery, EventRow, MentionRow
from tidings.store.memory import MemoryStore
from tidings.types import Article

from ..conftest import EXAMPLES

pytestmark = pytest.mark.slow

SEED, RW1, RW2 = "seed", "seed-rewrite-1", "seed-rewrite-2"


@dataclass(frozen=True)
class SeedEvent:
    number: str
    root: str  # CAMEO root class (tidings.dedup.rules.root_class)
    countries: frozenset[str]  # countries of the dyad ("-" for no actor or a country-less one)
    sentences: tuple[tuple[str, str], ...]  # (article, snippet of the sentence)
    triggers: tuple[str, ...] = ()  # word starts of the trigger, when the sentence reports two events of the class


def _country(code: str | None) -> str:
    return "-" if not code or code.startswith("---") else code[:3]


EVENTS = [
    SeedEvent("1-2 Trump-Putin talks", "04", frozenset({"USA", "RUS"}), (
        (SEED, "having direct conversations"), (SEED, "some very good talks"),
        (SEED, "statements regarding his communication with Vladimir Putin"),
        (RW1, "has spoken directly with Vladimir Putin"), (RW1, "described his talks with Putin"),
        (RW2, "has held direct conversations"), (RW2, "had very good talks"))),
    SeedEvent("3 Kremlin confirms the contacts", "01", frozenset({"RUS", "-"}), (
        (SEED, "confirmed that multiple communications"), (RW1, "confirmed that there had been several contacts"),
        (RW2, "The Kremlin confirmed that several communications")), ("confirm",)),
    SeedEvent("4 Kremlin declines comment", "01", frozenset({"RUS", "-"}), (
        (SEED, "declined to provide direct comment"), (RW1, "would not comment directly"),
        (RW2, "gave no direct comment")), ("declin", "comment")),
    SeedEvent("5 Putin wants an end to the bloodshed", "03", frozenset({"RUS", "-"}), (
        (SEED, "Putin desires an end to the bloodshed"), (RW1, "wants the killing to stop"),
        (RW2, "Putin wants to see an end to the bloodshed"))),
    SeedEvent("6 Trump and Putin intend to meet", "04", frozenset({"USA", "RUS"}), (
        (SEED, "expressed interest in ending the war through potential summits with Putin"),
        (SEED, "have both expressed interest in meeting"), (RW1, "both say they want to meet"),
        (RW2, "ready to meet to look for a settlement"))),
    SeedEvent("7 Slutsky: a meeting is being prepared", "01", frozenset({"RUS", "-"}), (
        (SEED, "preparations for such a meeting"), (RW1, "preparations for the meeting were under way"),
        (RW2, "work to prepare a meeting has begun"))),
    SeedEvent("8 Biden-Putin call, February 2022", "04", frozenset({"USA", "RUS"}), (
        (SEED, "spoke just once for about an hour"), (RW1, "spoke to Putin only once"),
        (RW2, "a single hour-long call in February 2022"))),
    SeedEvent("9 the invasion of Ukraine", "V", frozenset({"RUS", "UKR"}), (
        (SEED, "ending his invasion of Ukraine"), (SEED, "shortly before the Russian invasion of Ukraine"),
        (RW1, "bringing Russia's war in Ukraine to a close"), (RW1, "days before Russian troops invaded Ukraine"),
        (RW2, "end the Russian invasion of Ukraine"), (RW2, "shortly before the Russian invasion."))),
    SeedEvent("10 Woodward: seven calls after 2021, denied", "04", frozenset({"USA", "RUS"}), (
        (SEED, "as many as seven times after leaving office"), (RW1, "up to seven times after he left"),
        (RW2, "talked with Putin as many as seven times"))),
    SeedEvent("11 Trump to meet Zelenskiy next week", "04", frozenset({"USA", "UKR"}), (
        (SEED, "meet with Ukrainian President Volodymyr Zelenskiy next week"),
        (RW1, "meet Ukrainian President Volodymyr Zelenskiy next week"),
        (RW2, "meet Ukraine's President Volodymyr Zelenskiy next week"))),
]



@pytest.fixture(scope="module")
def mentions(coder) -> list[tuple[MentionRow, EventRow]]:
    day = dt.date(2025, 2, 10)
    arts = [Article(id=SEED, text=(EXAMPLES / "seed-article.txt").read_text(encoding="utf-8"), date=day, source="seed")]
    for n in (1, 2):
        d = json.loads((EXAMPLES / "rewrites" / f"seed-rewrite-{n}.json").read_text(encoding="utf-8"))
        arts.append(Article(id=d["id"], text=d["text"], date=dt.date.fromisoformat(d["date"]), source=d["source"]))
    store = MemoryStore()
    for pair in coder.code_articles(arts, batch_size=4):
        store_coded(store, [pair])  # one article at a time, as an ingest of three feeds would
    rows = list(store.iter_mentions())
    events = {e.event_id: e for e in store.iter_events(EventQuery())}
    return [(m, events[m.event_id]) for m in rows]


@pytest.mark.parametrize("seed_event", EVENTS, ids=[ev.number.split()[0] for ev in EVENTS])
def test_each_seed_event_is_one_event_with_a_mention_per_sentence_and_three_sources(mentions, seed_event) -> None:
    found: dict[tuple[str, str], list] = {}
    for article, snippet in seed_event.sentences:
        found[(article, snippet)] = [
            (m, e) for m, e in mentions
            if m.article_id == article and snippet in m.sentence and root_class(m.cameo) == seed_event.root
            and {_country(m.source_code), _country(m.target_code)} == seed_event.countries
            and (not seed_event.triggers or m.trigger.lower().startswith(seed_event.triggers))
        ]
    uncoded = [k for k, v in found.items() if not v]
    assert not uncoded, f"not coded: {uncoded}"
    events = {e.event_id: e for v in found.values() for _, e in v}
    assert len(events) == 1, sorted((e.source_code, e.target_code, e.cameo, e.num_mentions) for e in events.values())
    (event,) = events.values()
    assert (event.num_mentions, event.num_sources) == (len(seed_event.sentences), 3)


def test_every_listed_snippet_is_in_its_article() -> None:
    texts = {SEED: (EXAMPLES / "seed-article.txt").read_text(encoding="utf-8")}
    for n in (1, 2):
        d = json.loads((EXAMPLES / "rewrites" / f"seed-rewrite-{n}.json").read_text(encoding="utf-8"))
        texts[d["id"]] = d["text"]
    for ev in EVENTS:
        for article, snippet in ev.sentences:
            assert snippet in texts[article], (ev.number, snippet)
