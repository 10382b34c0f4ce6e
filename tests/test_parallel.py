"""Multi-process coding: same results, in input order, bad records reported."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import pytest

from tidings.errors import ConfigError
from tidings.parallel import ParallelCoder, code_chunk
from tidings.types import Actor, Article, BadRecord, DateInterval, Event, Evidence


def _event(article: Article, i: int) -> Event:
    word = article.text.split()[i]
    start = article.text.index(word)
    return Event(
        article_id=article.id,
        sentence_index=i,
        source=Actor(text=word, name=word.upper(), code="USA", start=start, end=start + len(word)),
        target=None,
        cameo="010",
        cameo_label="Make statement",
        plover_event=None,
        plover_mode=None,
        goldstein=0.0,
        quad_class=1,
        date=DateInterval(start=article.date, end=article.date),
        evidence=Evidence(article.text, word, 0, len(article.text), start, start + len(word)),
        confidence=0.5,
    )


class WordCoder:
    """A fake coder: one event per word; the text "boom" makes it fail."""

    def code_article(self, article: Article) -> list[Event]:
        if "boom" in article.text:
            raise ValueError("cannot code boom")
        return [_event(article, i) for i in range(len(article.text.split()))]

    def code_articles(self, articles: Iterable[Article], *, batch_size: int = 64) -> Iterator[tuple[Article, list[Event]]]:
        for a in articles:
            yield a, self.code_article(a)


def failing_factory() -> WordCoder:
    raise OSError("no model here")


def _articles(n: int) -> list[Article]:
    words = ["talks", "troops", "aid", "visit", "sanctions", "ceasefire", "protest"]
    return [
        Article(id=f"a{i}", text=" ".join(words[: 1 + i % len(words)]), date=dt.date(2026, 1, 1 + i % 28))
        for i in range(n)
    ]


def test_same_results_in_input_order_as_one_process():
    articles = _articles(37)
    expected = [(a, WordCoder().code_article(a)) for a in articles]
    with ParallelCoder(workers=2, coder_factory=WordCoder, chunk_size=3, mp_context="fork") as pool:
        got = list(pool.code_articles(articles))
    assert got == expected


def test_read_errors_and_coding_failures_are_reported_in_place():
    articles = _articles(9)
    bad_read = BadRecord("in.jsonl:4", "E104", "malformed JSON")
    boom = Article(id="boom", text="boom goes the coder", origin="in.jsonl:7")
    records: list[Article | BadRecord] = [*articles[:3], bad_read, *articles[3:5], boom, *articles[5:]]
    with ParallelCoder(workers=2, coder_factory=WordCoder, chunk_size=2, mp_context="fork") as pool:
        got = list(pool.code_records(records))
    assert len(got) == len(records)
    assert got[3] == bad_read
    failed = got[6]
    assert isinstance(failed, BadRecord) and failed.origin == "in.jsonl:7" and failed.code == "E120"
    good = [r for r in got if not isinstance(r, BadRecord)]
    assert [a.id for a, _ in good] == [a.id for a in articles]


def test_chunk_failure_falls_back_to_one_by_one():
    arts = [*_articles(2), Article(id="b", text="boom"), *_articles(1)]
    out = code_chunk(WordCoder(), arts, batch_size=8)
    assert [type(r).__name__ for r in out] == ["tuple", "tuple", "BadRecord", "tuple"]


def test_worker_that_cannot_start_is_an_error_not_a_hang():
    with (
        ParallelCoder(workers=1, coder_factory=failing_factory, mp_context="fork") as pool,
        pytest.raises(ConfigError, match="could not start.*no model here"),
    ):
        list(pool.code_articles(_articles(3)))


def test_workers_must_be_positive():
    with pytest.raises(ConfigError) as info:
        ParallelCoder(workers=0)
    assert info.value.code == "E510"


TEXTS = [
    "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday.",
    "Israeli troops attacked Hamas positions in Gaza, the army said on Tuesday.",
    "The United States imposed new sanctions on Iran over its nuclear programme.",
    "Protesters marched through Nairobi to demand lower food prices.",
    "Germany promised humanitarian aid to Ukraine after the floods.",
    "Indian and Pakistani officials held talks in Geneva on Friday.",
    "Police arrested opposition leaders in Caracas, witnesses said.",
    "France condemned the missile strike and called for a ceasefire.",
]


@pytest.mark.slow
def test_real_coder_two_workers_equal_one_process(coder):
    articles = [Article(id=f"t{i}", text=t, date=dt.date(2026, 3, 2)) for i, t in enumerate(TEXTS)]
    expected = [(a, coder.code_article(a)) for a in articles]
    assert sum(len(e) for _, e in expected) > 0
    with ParallelCoder(workers=2, chunk_size=3) as pool:
        got = list(pool.code_articles(articles))
    assert got == expected


def test_wait_ready_then_code():
    with ParallelCoder(workers=2, coder_factory=WordCoder, mp_context="fork") as pool:
        pool.wait_ready()
        got = list(pool.code_articles(_articles(5)))
    assert [a.id for a, _ in got] == [f"a{i}" for i in range(5)]


def test_parallel_coder_in_the_ingest_driver_reports_the_failing_article():
    from tidings.ingestion import ingest
    from tidings.store.memory import MemoryStore

    arts = [Article(id=f"u{i}", text=f"talks number {i} on aid") for i in range(9)]
    arts.insert(5, Article(id="boom", text="boom again", origin="x.jsonl:6"))
    store = MemoryStore()
    with ParallelCoder(workers=2, coder_factory=WordCoder, chunk_size=2, mp_context="fork") as pool:
        report = ingest(arts, store=store, coder=pool, batch_size=4, quiet=True, check_language=False)
    assert [(b.origin, b.code) for b in report.bad] == [("x.jsonl:6", "E120")]
    assert report.added == 9


def test_coder_options_travel_to_workers_as_a_picklable_factory():
    import functools
    import pickle

    from tidings.parallel import default_coder_factory

    factory = pickle.loads(pickle.dumps(functools.partial(default_coder_factory, coded_only=True)))
    assert factory.keywords == {"coded_only": True}


def test_a_call_abandoned_half_way_does_not_mix_into_the_next():
    first, second = _articles(12), [Article(id=f"n{i}", text=f"troops {i} visit aid") for i in range(7)]
    with ParallelCoder(workers=2, coder_factory=WordCoder, chunk_size=1, mp_context="fork") as pool:
        it = pool.code_articles(first)
        next(it)
        it.close()  # the caller stopped early; chunks of `first` are still in flight
        got = list(pool.code_articles(second))
    assert got == [(a, WordCoder().code_article(a)) for a in second]
