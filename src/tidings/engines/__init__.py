"""Engines that code inputs into a mentions Parquet file: local (one or more processes) and Spark.

Both write :data:`tidings.engines.schema.MENTION_SCHEMA` with mentions
clustered into events, so they are interchangeable; see docs/deploy.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from tidings.types import Article, BadRecord, Event

__all__ = ["Engine", "EngineReport", "Precoded"]


@dataclass(frozen=True, slots=True)
class EngineReport:
    """What one engine run did."""

    articles: int
    mentions: int
    events: int
    bad: tuple[BadRecord, ...]
    seconds: float
    output: str

    def summary(self) -> str:
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.articles} articles coded, {self.mentions} mentions in {self.events} events, "
            f"{len(self.bad)} bad; {self.seconds:.1f}s ({rate:.1f} articles/s) -> {self.output}"
        )


class Engine(Protocol):
    """Codes input paths into a mentions Parquet file."""

    def code(
        self, paths: Sequence[str], output: str, *, default_date: dt.date | None = None, batch_size: int = 64
    ) -> EngineReport: ...


class Precoded:
    """Articles coded elsewhere (by Spark), handed to :func:`tidings.ingestion.ingest` as if coded here.

    :meth:`records` yields the articles (and bad records) of ``results`` for
    the ingest driver to screen, batch and store; :meth:`code_articles` then
    gives back the events found for them, so the store's clustering,
    de-duplication and crash-safety are the local ones.
    """

    def __init__(self, results: Iterable[tuple[Article, list[Event]] | BadRecord]) -> None:
        self._results = results
        self._events: dict[tuple[str, str | None], list[Event]] = {}

    def records(self) -> Iterator[Article | BadRecord]:
        for rec in self._results:
            if isinstance(rec, BadRecord):
                yield rec
                continue
            article, events = rec
            self._events[(article.id, article.origin)] = events
            yield article

    def code_article(self, article: Article) -> list[Event]:
        """The events of ``article``; KeyError when it did not come through :meth:`records`."""
        return self._events.pop((article.id, article.origin))

    def code_articles(
        self, articles: Iterable[Article], *, batch_size: int = 64
    ) -> Iterator[tuple[Article, list[Event]]]:
        for a in articles:
            yield a, self.code_article(a)
