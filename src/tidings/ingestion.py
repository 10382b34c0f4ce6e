"""The ingest driver: articles in, coded and clustered events into a store, in batches.

Crash safety and resumability come from three things:

* an article's identity is the hash of its normalised text
  (:func:`tidings.store.base.text_hash`): an article already in the store is
  skipped before it is coded, and the same text twice in one run is stored once;
* each batch (its articles, their mentions, and the events they change) is
  written in one store transaction: a killed run leaves whole batches only;
* the clustering of mentions into events depends only on the set of mentions
  (:mod:`tidings.dedup`), so the batches a resumed run happens to form give
  the events a clean run gives.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TextIO

from tidings.dedup import plan_update
from tidings.errors import E_CODING, E_EMPTY, E_FIELD, E_LANGUAGE
from tidings.ingest.language import check_english
from tidings.store.base import ActorRow, ArticleRow, EventStore, MentionRow, WriteBatch, merge_actor, text_hash
from tidings.types import Article, BadRecord, Event

__all__ = ["ArticleCoder", "IngestReport", "batched", "ingest", "store_coded"]

Record = Article | BadRecord


class ArticleCoder(Protocol):
    """What the driver needs from :class:`tidings.coder.Coder`."""

    def code_articles(
        self, articles: Iterable[Article], *, batch_size: int = 64
    ) -> Iterator[tuple[Article, list[Event]]]: ...

    def code_article(self, article: Article) -> list[Event]: ...


@dataclass(slots=True)
class IngestReport:
    """Counts of one run (mutable while the run goes on; returned at the end)."""

    read: int = 0
    added: int = 0
    already_stored: int = 0
    duplicates: int = 0
    mentions: int = 0
    events_touched: int = 0
    batches: int = 0
    seconds: float = 0.0
    bad: list[BadRecord] = field(default_factory=list)

    def summary(self) -> str:
        rate = self.read / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.read} read, {self.added} articles added, {self.already_stored} already stored, "
            f"{self.duplicates} duplicates, {len(self.bad)} bad; {self.mentions} event mentions; "
            f"{self.seconds:.1f}s ({rate:.1f} articles/s)"
        )


def batched(items: Iterable[Record], size: int) -> Iterator[list[Record]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    chunk: list[Record] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _actor_rows(mentions: Sequence[MentionRow]) -> tuple[ActorRow, ...]:
    """One row per actor code, merged as the store merges them (order-free)."""
    rows: dict[str, ActorRow] = {}
    for m in mentions:
        for code, name, country in (
            (m.source_code, m.source_name, m.source_country),
            (m.target_code, m.target_name, m.target_country),
        ):
            if code:
                rows[code] = merge_actor(rows.get(code), ActorRow(code=code, name=name, country=country))
    return tuple(rows[c] for c in sorted(rows))


def store_coded(store: EventStore, coded: Sequence[tuple[Article, Sequence[Event]]]) -> WriteBatch:
    """Write coded articles to ``store`` in one transaction (clustering their mentions); returns the batch.

    The articles must be new to the store (callers filter with
    :meth:`EventStore.known_text_hashes`).  Also the simplest way to fill a
    store in tests.
    """
    articles: list[ArticleRow] = []
    mentions: dict[str, MentionRow] = {}
    for article, events in coded:
        rows = [MentionRow.from_event(e, article=article) for e in events]
        fresh = [r for r in rows if r.mention_id not in mentions]
        for r in fresh:
            mentions[r.mention_id] = r
        articles.append(ArticleRow.from_article(article, num_mentions=len(fresh)))
    update = plan_update(store, list(mentions.values()))
    batch = WriteBatch(
        articles=tuple(articles),
        mentions=update.mentions,
        events=update.events,
        deleted_events=update.deleted_events,
        actors=_actor_rows(update.mentions),
        claims=update.claims,
    )
    store.write_batch(batch)
    return batch


def _screen(
    chunk: Sequence[Record], store: EventStore, seen: set[str], report: IngestReport, *, check_language: bool
) -> list[Article]:
    """The articles of ``chunk`` to code: good, English, not stored, not seen earlier in this run."""
    candidates: list[tuple[Article, str]] = []
    for rec in chunk:
        report.read += 1
        if isinstance(rec, BadRecord):
            report.bad.append(rec)
            continue
        origin = rec.origin or rec.id
        if not rec.text.strip():
            report.bad.append(BadRecord(origin, E_EMPTY, "empty text"))
            continue
        if check_language:
            verdict = check_english(rec.text)
            if not verdict.english:
                report.bad.append(BadRecord(origin, E_LANGUAGE, verdict.reason))
                continue
        candidates.append((rec, text_hash(rec.text)))
    known = store.known_text_hashes([h for _, h in candidates])
    ids = store.known_article_ids([a.id for a, _ in candidates])
    out: list[Article] = []
    batch_ids: set[str] = set()
    for article, h in candidates:
        if h in known:
            report.already_stored += 1
        elif h in seen:
            report.duplicates += 1
        elif article.id in ids or article.id in batch_ids:
            report.bad.append(
                BadRecord(article.origin or article.id, E_FIELD, f"id {article.id!r} already used by a different text")
            )
        else:
            seen.add(h)
            batch_ids.add(article.id)
            out.append(article)
    return out


def _code(
    coder: ArticleCoder, articles: list[Article], batch_size: int, report: IngestReport, tick: Callable[[int], object]
) -> list[tuple[Article, list[Event]]]:
    """Code a batch (``tick(1)`` per article coded); if it fails, code one by one and report the failing article."""
    done: list[tuple[Article, list[Event]]] = []
    try:
        for a, evs in coder.code_articles(articles, batch_size=batch_size):
            done.append((a, list(evs)))
            tick(1)
        return done
    except Exception:  # noqa: BLE001 - the failing article is found and reported one by one below
        one_by_one = done
    for a in articles[len(done) :]:
        try:
            one_by_one.append((a, list(coder.code_article(a))))
        except Exception as exc:  # noqa: BLE001 - one bad article never stops the run; it is reported
            report.bad.append(BadRecord(a.origin or a.id, E_CODING, f"coder failed: {type(exc).__name__}: {exc}"))
        tick(1)
    return one_by_one


def ingest(
    records: Iterable[Record],
    *,
    store: EventStore,
    coder: ArticleCoder,
    batch_size: int = 64,
    quiet: bool = False,
    total: int | None = None,
    check_language: bool = True,
    on_bad: Callable[[BadRecord], None] | None = None,
    progress_file: TextIO | None = None,
) -> IngestReport:
    """Code ``records`` and write them to ``store`` batch by batch; bad records are reported and skipped.

    ``quiet`` turns the progress bar (tqdm, on stderr: articles/s and events
    found) off.  ``on_bad`` is called for each bad record as it is found.
    """
    from tqdm import tqdm

    report = IngestReport()
    seen: set[str] = set()
    started = time.monotonic()
    bar = tqdm(
        total=total,
        unit=" articles",
        disable=quiet,
        file=progress_file or sys.stderr,
        dynamic_ncols=True,
        smoothing=0.1,
    )
    try:
        for chunk in batched(records, batch_size):
            bad_before = len(report.bad)
            todo = _screen(chunk, store, seen, report, check_language=check_language)
            bar.update(len(chunk) - len(todo))
            coded = _code(coder, todo, batch_size, report, bar.update) if todo else []
            if coded:
                batch = store_coded(store, coded)
                report.added += len(batch.articles)
                report.mentions += sum(a.num_mentions for a in batch.articles)
                report.events_touched += len(batch.events)
            report.batches += 1
            if on_bad is not None:
                for rec in report.bad[bad_before:]:
                    on_bad(rec)
            bar.set_postfix(added=report.added, mentions=report.mentions, bad=len(report.bad), refresh=False)
    finally:
        bar.close()
        report.seconds = time.monotonic() - started
    return report
