"""Coding on several processes (``tidings code --workers N``).

Each worker process builds its own coder once (from ``coder_factory``, by
default the built-in model and dictionaries) and then codes chunks of
articles sent to it.  The results come back tagged with their chunk number
and are yielded in input order, so N workers give the same events, in the
same order, as one process.  A chunk that fails is coded again article by
article inside the worker; an article that still fails comes back as a
:class:`~tidings.types.BadRecord` (``E120``) and the run goes on.

A worker that dies (killed, out of memory) is reported with
:class:`~tidings.errors.ConfigError` ``E511`` instead of hanging the run.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, Self

from .errors import E_CODING, ConfigError, InputError
from .types import Article, BadRecord, Event

__all__ = ["ArticleCoder", "ParallelCoder", "chunk_records", "code_chunk", "default_coder_factory"]

Coded = tuple[Article, list[Event]]
Result = Coded | BadRecord
#: result tags other than chunk numbers: a worker failed to build its coder / has built it
_FAILED, _READY = -1, -2
#: seconds between checks that the workers are alive while waiting for results
_POLL_SECONDS = 2.0


class ArticleCoder(Protocol):
    """What a worker needs from :class:`tidings.coder.Coder`."""

    def code_articles(self, articles: Iterable[Article], *, batch_size: int = 64) -> Iterator[Coded]: ...

    def code_article(self, article: Article) -> list[Event]: ...


def default_coder_factory(**options: Any) -> ArticleCoder:
    """The coder with the built-in model and dictionaries (what ``tidings code`` uses).

    ``options`` are :class:`~tidings.coder.Coder` keyword options (``coded_only``,
    ``speech_events``); bind them with :func:`functools.partial`, which pickles,
    to build coders in worker processes or Spark tasks.
    """
    from .coder import Coder

    return Coder(**options)


def code_chunk(coder: ArticleCoder, articles: list[Article], *, batch_size: int) -> list[Result]:
    """Code ``articles`` in one ``nlp.pipe`` pass; on failure, one by one, reporting the failing ones."""
    done: list[Result] = []
    try:
        for article, events in coder.code_articles(articles, batch_size=batch_size):
            done.append((article, list(events)))
    except Exception:  # noqa: BLE001 - the failing article is found and reported one by one below
        done.extend(_one_by_one(coder, articles[len(done) :]))
    return done


def _one_by_one(coder: ArticleCoder, articles: list[Article]) -> Iterator[Result]:
    for article in articles:
        try:
            yield article, list(coder.code_article(article))
        except Exception as exc:  # noqa: BLE001 - one bad article never stops the run; it is reported
            yield BadRecord(article.origin or article.id, E_CODING, f"coder failed: {type(exc).__name__}: {exc}")


def _worker(factory: Callable[[], ArticleCoder], tasks: Any, results: Any, batch_size: int) -> None:
    """Worker process: build the coder once, then code chunks until a ``None`` task arrives."""
    try:
        coder = factory()
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises it
        results.put((_FAILED, f"{type(exc).__name__}: {exc}"))
        return
    results.put((_READY, None))
    while True:
        task = tasks.get()
        if task is None:
            return
        index, articles = task
        results.put((index, code_chunk(coder, articles, batch_size=batch_size)))


class ParallelCoder:
    """A pool of ``workers`` coding processes; use as a context manager (or call :meth:`close`).

    ``chunk_size`` articles go to a worker at a time (each chunk is one
    ``nlp.pipe`` pass of ``batch_size``); at most ``2 * workers`` chunks are
    in flight, so memory stays flat on any input size.  ``mp_context`` is
    ``spawn`` by default (safe with threads in the parent); ``fork`` starts
    faster and lets tests pass factories defined anywhere.
    """

    def __init__(
        self,
        *,
        workers: int,
        coder_factory: Callable[[], ArticleCoder] = default_coder_factory,
        chunk_size: int = 16,
        batch_size: int = 64,
        mp_context: str = "spawn",
    ) -> None:
        if workers < 1:
            raise ConfigError(f"--workers must be at least 1, got {workers}", code="E510")
        if chunk_size < 1:
            raise ConfigError(f"chunk size must be at least 1, got {chunk_size}", code="E510")
        self.workers = workers
        self.chunk_size = chunk_size
        self.batch_size = batch_size
        #: chunk number -> its records (articles and read errors) until its results come back
        self._layout: dict[int, list[Article | BadRecord]] = {}
        #: workers that have built their coder
        self._ready = 0
        #: the number the next chunk sent will have
        self._next_chunk = 0
        ctx = mp.get_context(mp_context)
        self._tasks = ctx.Queue()
        self._results = ctx.Queue()
        self._procs = [
            ctx.Process(target=_worker, args=(coder_factory, self._tasks, self._results, batch_size), daemon=True)
            for _ in range(workers)
        ]
        for p in self._procs:
            p.start()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers (they finish the chunk they are on)."""
        for p in self._procs:
            if p.is_alive():
                self._tasks.put(None)
        for p in self._procs:
            p.join(timeout=30)
            if p.is_alive():
                p.terminate()
                p.join()
        self._procs = []

    # -- the ArticleCoder protocol -------------------------------------------------

    def code_article(self, article: Article) -> list[Event]:
        for _, events in self.code_articles([article]):
            return events
        return []

    def code_articles(self, articles: Iterable[Article], *, batch_size: int = 64) -> Iterator[Coded]:
        """(article, events) in input order, like :meth:`tidings.coder.Coder.code_articles`.

        An article the coder fails on raises :class:`~tidings.errors.InputError`
        (E120) after the articles before it, as the coder itself would: callers
        such as :func:`tidings.ingestion.ingest` then code the rest one by one
        and report it.  :meth:`code_records` reports failures in place instead.
        """
        for rec in self.code_records(articles):
            if isinstance(rec, BadRecord):
                raise InputError(f"{rec.origin}: {rec.message}", code=rec.code)
            yield rec

    # -- records in, results out -------------------------------------------------------

    def code_records(self, records: Iterable[Article | BadRecord]) -> Iterator[Result]:
        """Code the articles of ``records``; bad records (read or coding failures) come through in order."""
        pending: dict[int, list[Result]] = {}
        # chunk numbers never repeat: results of a call abandoned half-way (an
        # exception in the caller) can still arrive and must not be taken for ours
        sent = next_out = self._next_chunk
        for chunk in chunk_records(records, self.chunk_size):
            if all(isinstance(r, BadRecord) for r in chunk):
                pending[sent] = list(chunk)  # type: ignore[arg-type]
            else:
                self._send(sent, chunk)
            sent += 1
            self._next_chunk = sent
            while sent - next_out > 2 * self.workers:
                self._wait_for(next_out, pending)
                yield from pending.pop(next_out)
                next_out += 1
        while next_out < sent:
            self._wait_for(next_out, pending)
            yield from pending.pop(next_out)
            next_out += 1

    def _send(self, index: int, chunk: list[Article | BadRecord]) -> None:
        """Send the articles of a chunk; its bad records are merged back around the results."""
        articles = [r for r in chunk if isinstance(r, Article)]
        self._layout[index] = chunk
        self._tasks.put((index, articles))

    def wait_ready(self) -> None:
        """Block until every worker has built its coder; call before sending work (benchmarks do)."""
        if self._next_chunk:
            raise RuntimeError("wait_ready() must be called before coding starts")
        while self._ready < self.workers:
            self._next_result({})

    def _wait_for(self, index: int, pending: dict[int, list[Result]]) -> None:
        while index not in pending:
            self._next_result(pending)

    def _next_result(self, pending: dict[int, list[Result]]) -> None:
        """Take one message from the workers (a chunk's results, ready, or failed)."""
        while True:
            try:
                got, payload = self._results.get(timeout=_POLL_SECONDS)
                break
            except queue.Empty:
                dead = [p for p in self._procs if not p.is_alive()]
                if dead:
                    raise ConfigError(
                        f"{len(dead)} coding worker(s) died (exit code {dead[0].exitcode})",
                        code="E511",
                        hint="out of memory? use fewer --workers or a smaller --batch-size",
                    ) from None
        if got == _READY:
            self._ready += 1
        elif got == _FAILED:
            raise ConfigError(f"a coding worker could not start: {payload}", code="E511")
        else:
            pending[got] = _merge(self._layout.pop(got), payload)


def _merge(chunk: list[Article | BadRecord], coded: list[Result]) -> list[Result]:
    """Put the read errors of ``chunk`` back among the coded results, in input order."""
    out: list[Result] = []
    it = iter(coded)
    for rec in chunk:
        out.append(rec if isinstance(rec, BadRecord) else next(it))
    return out


def chunk_records(records: Iterable[Article | BadRecord], size: int) -> Iterator[list[Article | BadRecord]]:
    """Consecutive lists of records holding ``size`` articles each (bad records ride along)."""
    chunk: list[Article | BadRecord] = []
    n_articles = 0
    for rec in records:
        chunk.append(rec)
        if isinstance(rec, Article):
            n_articles += 1
        if n_articles >= size:
            yield chunk
            chunk, n_articles = [], 0
    if chunk:
        yield chunk
