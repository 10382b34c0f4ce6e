"""Precoded: articles coded elsewhere go through the ingest driver as if coded here."""

from __future__ import annotations

from tests.test_parallel import WordCoder
from tidings.engines import Precoded
from tidings.ingestion import ingest
from tidings.store.memory import MemoryStore
from tidings.types import Article, BadRecord


def test_precoded_results_are_stored_like_local_ones():
    arts = [Article(id=f"p{i}", text=f"talks number {i} on aid", origin=f"in.jsonl:{i + 1}") for i in range(6)]
    bad = BadRecord("in.jsonl:7", "E104", "malformed JSON")
    results = [(a, WordCoder().code_article(a)) for a in arts]
    pre = Precoded([*results[:3], bad, *results[3:]])
    store = MemoryStore()
    report = ingest(pre.records(), store=store, coder=pre, batch_size=2, quiet=True, check_language=False)

    reference = MemoryStore()
    expected = ingest(arts, store=reference, coder=WordCoder(), batch_size=2, quiet=True, check_language=False)
    assert report.bad == [bad]
    assert (report.added, report.mentions) == (expected.added, expected.mentions) == (6, 6 * 5)
    assert sorted(m.mention_id for m in store.iter_mentions()) == sorted(m.mention_id for m in reference.iter_mentions())
