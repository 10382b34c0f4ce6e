"""The mentions Parquet schema and block-wise clustering (hand-built mentions, no model)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pyarrow.parquet as pq

from tidings.dedup import cluster_mentions
from tidings.engines.schema import (
    MENTION_FIELDS,
    MENTION_SCHEMA,
    cluster_block,
    cluster_rows,
    events_to_table,
    rows_to_table,
    table_to_rows,
)
from tidings.store.base import MentionRow
from tidings.types import Actor, Article, DateInterval, Event, Evidence


def _mention(i: int, source: str, target: str, cameo: str, day: int, sentence: str) -> MentionRow:
    return MentionRow(
        mention_id=f"m{i:03d}", event_id="", article_id=f"a{i}", sentence_index=0, cameo=cameo,
        cameo_label="x", plover_event=None, plover_mode=None, goldstein=1.0, quad_class=1,
        date_start=dt.date(2026, 3, day), date_end=dt.date(2026, 3, day), date_granularity="day",
        sentence=sentence, trigger="met", evidence_start=0, evidence_end=len(sentence),
        trigger_start=0, trigger_end=3, source_code=source, target_code=target, article_date=dt.date(2026, 3, day),
    )


MENTIONS = [
    _mention(1, "KEN", "ETH", "040", 2, "Kenya's president met Ethiopia's prime minister in Nairobi on Monday."),
    _mention(2, "KEN", "ETH", "040", 2, "The Kenyan president met the Ethiopian prime minister in Nairobi."),
    _mention(3, "ETH", "KEN", "040", 3, "Ethiopia's prime minister and Kenya's president met in Nairobi."),
    _mention(4, "KEN", "ETH", "190", 20, "Kenyan troops clashed with Ethiopian forces at the border."),
    _mention(5, "FRA", "DEU", "040", 2, "France's president met Germany's chancellor in Berlin."),
]


def test_schema_follows_mention_row():
    assert MENTION_SCHEMA.names == [f.name for f in dataclasses.fields(MentionRow)] == list(MENTION_FIELDS)


def test_parquet_round_trip(tmp_path):
    rows = cluster_rows(MENTIONS)
    pq.write_table(rows_to_table(rows), tmp_path / "m.parquet")
    table = pq.read_table(tmp_path / "m.parquet")
    assert table.schema.equals(MENTION_SCHEMA)
    assert table_to_rows(table) == rows


def test_blockwise_clustering_equals_clustering_all_at_once():
    rows = cluster_rows(reversed(MENTIONS))
    whole = cluster_mentions(MENTIONS)
    assert sorted(sorted(m.mention_id for m in c) for c in whole) == sorted(
        sorted(r.mention_id for r in rows if r.event_id == eid) for eid in {r.event_id for r in rows}
    )
    assert all(r.event_id.startswith("ev") for r in rows)


def test_duplicate_mention_ids_kept_once_whatever_the_order():
    dup = dataclasses.replace(MENTIONS[0], article_source="again")
    one = cluster_block([MENTIONS[0], dup, MENTIONS[1]])
    two = cluster_block([MENTIONS[1], dup, MENTIONS[0]])
    assert one == two and len(one) == 2


def test_events_to_table_fills_article_columns():
    article = Article(id="a1", text="Kenya met Ethiopia.", date=dt.date(2026, 3, 2), url="https://example.org/1")
    ev = Event(
        article_id="a1", sentence_index=0,
        source=Actor(text="Kenya", name="Kenya", code="KEN", start=0, end=5),
        target=Actor(text="Ethiopia", name="Ethiopia", code="ETH", start=10, end=18),
        cameo="040", cameo_label="Consult", plover_event="CONSULT", plover_mode=None, goldstein=1.0, quad_class=1,
        date=DateInterval(dt.date(2026, 3, 2), dt.date(2026, 3, 2)),
        evidence=Evidence("Kenya met Ethiopia.", "met", 0, 19, 6, 9), confidence=0.85,
    )
    table = events_to_table([ev, ev], articles={"a1": article})
    assert table.num_rows == 1
    row = table.to_pylist()[0]
    assert (row["mention_id"], row["article_url"], row["source_code"]) == (ev.event_id, article.url, "KEN")
    assert row["event_id"].startswith("ev")
