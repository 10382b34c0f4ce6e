"""Acceptance: the seed article and two rewrites of it (other outlets, other words) give one event
per seed event, reported by three sources (the real coder, so marked slow)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tidings.ingestion import store_coded
from tidings.store.base import EventQuery, EventRow
from tidings.store.memory import MemoryStore
from tidings.types import Article

from ..conftest import EXAMPLES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def store(coder) -> MemoryStore:
    day = dt.date(2025, 2, 10)
    arts = [
        Article(id="seed", text=(EXAMPLES / "seed-article.txt").read_text(encoding="utf-8"), date=day, source="seed")
    ]
    for n in (1, 2):
        d = json.loads((EXAMPLES / "rewrites" / f"seed-rewrite-{n}.json").read_text(encoding="utf-8"))
        arts.append(Article(id=d["id"], text=d["text"], date=dt.date.fromisoformat(d["date"]), source=d["source"]))
    s = MemoryStore()
    for pair in coder.code_articles(arts, batch_size=4):
        store_coded(s, [pair])
    return s


def _covering(rows: list[EventRow], day: dt.date) -> list[EventRow]:
    return [e for e in rows if e.date_start and e.date_end and e.date_start <= day <= e.date_end]


def test_trump_putin_talks_are_one_event_from_three_sources(store: MemoryStore) -> None:
    talks = _covering(store.query_events(EventQuery(dyad=("USAGOV", "RUSGOV"), code="04")), dt.date(2025, 2, 9))
    assert len(talks) == 1
    assert (talks[0].num_sources, talks[0].num_articles) == (3, 3)
    assert talks[0].num_mentions >= 3


def test_biden_putin_call_of_february_2022_is_one_event_from_three_sources(store: MemoryStore) -> None:
    calls = _covering(store.query_events(EventQuery(dyad=("USA", "RUS"), code="04")), dt.date(2022, 2, 15))
    feb = [e for e in calls if e.date_start >= dt.date(2022, 2, 1)]
    assert len(feb) == 1 and feb[0].num_sources == 3


def test_the_invasion_is_reported_by_all_three(store: MemoryStore) -> None:
    war = store.query_events(EventQuery(dyad=("RUS", "UKR"), code="19"))
    assert any(e.num_sources == 3 for e in war)
