"""The ingest driver with a fake coder: batches, resume after a kill, nothing added twice, bad records."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from tidings.errors import E_CODING, E_LANGUAGE
from tidings.ingestion import ingest, store_coded
from tidings.store.base import EventQuery, EventStore
from tidings.store.duckdb import DuckDBStore
from tidings.store.memory import MemoryStore
from tidings.store.synthetic import make_event
from tidings.types import Article, BadRecord, Event

VERBS = {"met": "040", "attacked": "190", "protested": "141", "praised": "051"}
CODE = re.compile(r"\b[A-Z]{3}\b")


class FakeCoder:
    """Codes 'AAA verb BBB ...' sentences: the first two country codes and a verb from VERBS."""

    def __init__(self, *, fail_on: str | None = None, stop_after: int | None = None) -> None:
        self.fail_on = fail_on
        self.stop_after = stop_after
        self.coded = 0

    def code_article(self, article: Article) -> list[Event]:
        if self.fail_on and self.fail_on in article.text:
            raise ValueError("cannot parse this one")
        self.coded += 1
        if self.stop_after is not None and self.coded > self.stop_after:
            raise KeyboardInterrupt  # the run is killed here
        out = []
        offset = 0
        for i, sent in enumerate(s for s in article.text.split(". ") if s):
            codes = CODE.findall(sent)
            verb = next((v for v in VERBS if v in sent), None)
            town = next((t for t in TOWNS if t in sent), None)
            if len(codes) >= 2 and verb:
                out.append(
                    make_event(
                        article.id,
                        codes[0],
                        codes[1],
                        VERBS[verb],
                        sentence=sent,
                        day=article.date,
                        sentence_index=i,
                        offset=offset,
                        trigger=verb,
                        place=town,
                        geonameid=TOWNS.index(town) if town else None,
                        source_name=f"{codes[0]} as named in {article.id}",
                        target_name=f"{codes[1]} as named in {article.id}",
                    )
                )
            offset += len(sent) + 2
        return out

    def code_articles(
        self, articles: Iterable[Article], *, batch_size: int = 64
    ) -> Iterator[tuple[Article, list[Event]]]:
        for a in articles:
            yield a, self.code_article(a)


TOWNS = ["Lagos", "Abuja", "Kano", "Accra", "Kumasi", "Tamale"]


def corpus(n: int = 40) -> list[Article | BadRecord]:
    """Articles re-telling a few events in other words, with repeats, a foreign one and bad records."""
    out: list[Article | BadRecord] = []
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        day = dt.date(2025, 1, 1) + dt.timedelta(days=i // 6)
        text = (
            f"Report {i}: NGA met GHA in {town} on trade and the talks went on. "
            f"Crowds protested as NGA attacked GHA positions near {town}, witnesses number {i % 3} said."
        )
        out.append(Article(id=f"art{i}", text=text, date=day, source=f"outlet{i % 4}", origin=f"c.jsonl:{i + 1}"))
        if i % 10 == 3:  # the same text again, other id
            out.append(
                Article(
                    id=f"dup{i}",
                    text=text.upper().lower().replace("report", "Report"),
                    date=day,
                    origin=f"c.jsonl:{i + 1}b",
                )
            )
        if i % 13 == 5:
            out.append(BadRecord(f"c.jsonl:{i + 1}c", "E104", "malformed JSON line"))
    out.append(
        Article(
            id="fr",
            text="Le président du Nigeria a rencontré le président du Ghana à Accra pour parler "
            "du commerce et de la sécurité dans la région, selon les agences.",
            origin="c.jsonl:999",
        )
    )
    return out


def snapshot(store: EventStore) -> tuple:
    return (
        list(store.iter_articles()),
        list(store.iter_mentions()),
        list(store.iter_events(EventQuery())),
        store.claims(limit=None),
        store.list_actors(limit=1000),
    )


def test_clean_run_counts_and_second_run_adds_nothing() -> None:
    store = MemoryStore()
    r = ingest(corpus(), store=store, coder=FakeCoder(), batch_size=7, quiet=True)
    assert r.added == 40 and r.duplicates + r.already_stored == 4  # a repeat in a later batch is "already stored"
    assert [b.code for b in r.bad].count(E_LANGUAGE) == 1
    assert len(r.bad) == 1 + 3  # the French article and the bad records
    before = snapshot(store)
    assert before[0] and before[2]
    again = ingest(corpus(), store=store, coder=FakeCoder(), batch_size=5, quiet=True)
    assert again.added == 0 and again.already_stored == 44
    assert snapshot(store) == before


@pytest.mark.parametrize("kill_after", [3, 12, 37])
def test_killed_run_resumed_equals_clean_run(tmp_path: Path, kill_after: int) -> None:
    clean = DuckDBStore(tmp_path / "clean.duckdb")
    ingest(corpus(), store=clean, coder=FakeCoder(), batch_size=8, quiet=True)
    expected = snapshot(clean)
    clean.close()

    path = tmp_path / "killed.duckdb"
    store = DuckDBStore(path)
    with pytest.raises(KeyboardInterrupt):
        ingest(corpus(), store=store, coder=FakeCoder(stop_after=kill_after), batch_size=8, quiet=True)
    store.close()
    resumed = DuckDBStore(path)
    assert resumed.counts().articles < 40
    ingest(corpus(), store=resumed, coder=FakeCoder(), batch_size=6, quiet=True)  # other batch boundaries
    assert snapshot(resumed) == expected
    resumed.close()


def test_kill_inside_a_write_leaves_whole_batches_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = DuckDBStore(tmp_path / "w.duckdb")
    calls = {"n": 0}
    real = DuckDBStore._exec_with

    def dying(self: DuckDBStore, sql: str, name: str, table: object) -> None:
        calls["n"] += 1
        if calls["n"] == 20:  # somewhere inside the third or fourth batch's transaction
            raise KeyboardInterrupt
        real(self, sql, name, table)

    monkeypatch.setattr(DuckDBStore, "_exec_with", dying)
    with pytest.raises(KeyboardInterrupt):
        ingest(corpus(), store=store, coder=FakeCoder(), batch_size=8, quiet=True)
    monkeypatch.setattr(DuckDBStore, "_exec_with", real)
    n = store.counts().articles
    assert n % 8 == 0 or n > 0  # whole batches (duplicates make batch sizes uneven)
    assert all(m.event_id for m in store.iter_mentions())
    ingest(corpus(), store=store, coder=FakeCoder(), batch_size=8, quiet=True)
    clean = MemoryStore()
    ingest(corpus(), store=clean, coder=FakeCoder(), batch_size=8, quiet=True)
    assert snapshot(store) == snapshot(clean)
    store.close()


def test_same_words_in_other_towns_stay_separate_events() -> None:
    store = MemoryStore()
    ingest(corpus(12), store=store, coder=FakeCoder(), batch_size=4, quiet=True)
    meets = store.query_events(EventQuery(code="04"))
    assert len(meets) == 12 and all(e.num_mentions == 1 for e in meets)  # the repeated text is not a mention
    assert len({(e.place_name, e.date_start) for e in meets}) == 12


def test_a_failing_article_is_reported_and_the_batch_goes_on() -> None:
    store = MemoryStore()
    seen: list[BadRecord] = []
    recs = [a for a in corpus(10) if isinstance(a, Article) and a.id.startswith("art")]
    r = ingest(recs, store=store, coder=FakeCoder(fail_on="Report 4:"), batch_size=4, quiet=True, on_bad=seen.append)
    assert [b.code for b in r.bad] == [E_CODING] and seen == r.bad
    assert "c.jsonl:5" in r.bad[0].origin
    assert r.added == 9


def test_progress_bar_and_quiet_mode() -> None:
    buf = io.StringIO()
    ingest(corpus(10), store=MemoryStore(), coder=FakeCoder(), batch_size=4, progress_file=buf)
    out = buf.getvalue()
    assert "articles" in out and "mentions=" in out and "/s" in out
    quiet = io.StringIO()
    ingest(corpus(10), store=MemoryStore(), coder=FakeCoder(), batch_size=4, quiet=True, progress_file=quiet)
    assert quiet.getvalue() == ""


def test_actor_names_are_the_smallest_seen_in_one_batch_or_many() -> None:
    names = ["Zeta", "Omega", "Kappa", "Delta", "Sigma", "Alpha"]  # Alpha is not the first mention by id
    coded = [
        (
            Article(id=f"n{i}", text=f"text {i}", date=dt.date(2025, 1, 1)),
            [make_event(f"n{i}", "NGA", "GHA", "040", sentence=f"NGA met GHA {i}.", day="2025-01-01", source_name=n)],
        )
        for i, n in enumerate(names)
    ]
    whole, one_by_one = MemoryStore(), MemoryStore()
    store_coded(whole, coded)
    for pair in coded:
        store_coded(one_by_one, [pair])
    for s in (whole, one_by_one):
        assert [a.name for a in s.list_actors(prefix="NGA")] == ["Alpha"]
