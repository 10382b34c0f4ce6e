"""The local engine: code on this machine (one process, or ``workers`` processes) into Parquet."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from tidings.engines import EngineReport
from tidings.engines.schema import cluster_rows, mention_rows, rows_to_table
from tidings.parallel import (
    ArticleCoder,
    ParallelCoder,
    Result,
    chunk_records,
    code_chunk,
    default_coder_factory,
)
from tidings.store.base import MentionRow
from tidings.types import Article, BadRecord

__all__ = ["LocalEngine", "code_records", "write_mentions_parquet"]


def code_records(
    records: Iterable[Article | BadRecord],
    *,
    coder_factory: Callable[[], ArticleCoder] = default_coder_factory,
    workers: int = 1,
    batch_size: int = 64,
) -> Iterator[Result]:
    """(article, events) or a bad record for each input record, in input order.

    One process codes in chunks of ``batch_size`` articles (one ``nlp.pipe``
    pass each); ``workers`` > 1 uses :class:`tidings.parallel.ParallelCoder`.
    """
    if workers > 1:
        with ParallelCoder(workers=workers, coder_factory=coder_factory, batch_size=batch_size) as pool:
            yield from pool.code_records(records)
        return
    coder = coder_factory()
    for chunk in chunk_records(records, batch_size):
        coded = iter(code_chunk(coder, [r for r in chunk if isinstance(r, Article)], batch_size=batch_size))
        for rec in chunk:
            yield rec if isinstance(rec, BadRecord) else next(coded)


def write_mentions_parquet(rows: Sequence[MentionRow], output: str | Path) -> tuple[int, int]:
    """Cluster ``rows`` into events and write them as one Parquet file; returns (mentions, events)."""
    import pyarrow.parquet as pq

    clustered = cluster_rows(rows)
    table = rows_to_table(clustered)
    pq.write_table(table, str(output))
    return len(clustered), len({m.event_id for m in clustered})


class LocalEngine:
    """:class:`tidings.engines.Engine` on this machine."""

    def __init__(
        self,
        *,
        workers: int = 1,
        coder_factory: Callable[[], ArticleCoder] = default_coder_factory,
        on_bad: Callable[[BadRecord], None] | None = None,
    ) -> None:
        self.workers = workers
        self.coder_factory = coder_factory
        self.on_bad = on_bad

    def code(
        self, paths: Sequence[str], output: str, *, default_date: dt.date | None = None, batch_size: int = 64
    ) -> EngineReport:
        from tidings.ingest import read_inputs

        started = time.monotonic()
        rows: list[MentionRow] = []
        bad: list[BadRecord] = []
        n = 0
        records = read_inputs(paths, default_date=default_date)
        for rec in code_records(records, coder_factory=self.coder_factory, workers=self.workers, batch_size=batch_size):
            if isinstance(rec, BadRecord):
                bad.append(rec)
                if self.on_bad is not None:
                    self.on_bad(rec)
                continue
            n += 1
            rows.extend(mention_rows(*rec))
        mentions, events = write_mentions_parquet(rows, output)
        return EngineReport(
            articles=n, mentions=mentions, events=events, bad=tuple(bad),
            seconds=time.monotonic() - started, output=str(output),
        )
