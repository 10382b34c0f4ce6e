"""Engines that code inputs into a mentions Parquet file: local (one or more processes) and Spark.

Both write :data:`tidings.engines.schema.MENTION_SCHEMA` with mentions
clustered into events, so they are interchangeable; see docs/deploy.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from tidings.types import BadRecord

__all__ = ["Engine", "EngineReport"]


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
