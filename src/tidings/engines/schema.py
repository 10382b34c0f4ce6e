"""The mentions Parquet schema, defined once for every engine.

One row per coded event mention: the columns of
:class:`tidings.store.base.MentionRow`, in its field order, with ``event_id``
set to the event (cluster of mentions) the mention belongs to.  The local
engine (``tidings code -o OUT.parquet``) and the Spark engine
(``--engine spark``) both write exactly this schema; see docs/deploy.md.

Clustering is by block (:func:`tidings.dedup.rules.block_key`): two mentions
in different blocks never link, so each block is clustered on its own, by
:func:`cluster_block`, locally or in a Spark task, with the same result.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pyarrow as pa

from tidings.store.base import MentionRow
from tidings.types import Article, Event

__all__ = [
    "MENTION_FIELDS",
    "MENTION_SCHEMA",
    "cluster_block",
    "cluster_rows",
    "events_to_table",
    "mention_rows",
    "rows_to_table",
    "table_to_rows",
]

_ARROW_TYPES: dict[str, pa.DataType] = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "dt.date": pa.date32(),
}


def _arrow_type(annotation: str) -> pa.DataType:
    base = annotation.replace(" | None", "").strip()
    try:
        return _ARROW_TYPES[base]
    except KeyError:
        raise TypeError(f"MentionRow field type {annotation!r} has no Parquet type; add it to _ARROW_TYPES") from None


#: column names, in order
MENTION_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(MentionRow))
#: the Parquet schema of mentions, shared by the local and the Spark engine
MENTION_SCHEMA: pa.Schema = pa.schema(
    [pa.field(f.name, _arrow_type(str(f.type))) for f in dataclasses.fields(MentionRow)]
)


def mention_rows(article: Article, events: Iterable[Event]) -> list[MentionRow]:
    """The (not yet clustered) mention rows of one coded article, one per distinct mention id."""
    seen: set[str] = set()
    rows = []
    for e in events:
        row = MentionRow.from_event(e, article=article)
        if row.mention_id not in seen:
            seen.add(row.mention_id)
            rows.append(row)
    return rows


def cluster_block(rows: Iterable[MentionRow]) -> list[MentionRow]:
    """The mentions of one block with ``event_id`` set, sorted by mention id.

    A mention id seen twice (the same article read twice) is kept once: the
    smallest row, so the result does not depend on the order rows arrive in.
    """
    from tidings.dedup import cluster_mentions, event_id_for

    unique: dict[str, MentionRow] = {}
    for r in sorted(rows, key=_row_order):
        unique.setdefault(r.mention_id, r)
    out: list[MentionRow] = []
    for members in cluster_mentions(list(unique.values())):
        eid = event_id_for(m.mention_id for m in members)
        out.extend(dataclasses.replace(m, event_id=eid) for m in members)
    out.sort(key=lambda m: m.mention_id)
    return out


def _row_order(r: MentionRow) -> tuple[str, ...]:
    return tuple("" if v is None else str(v) for v in dataclasses.astuple(r))


def cluster_rows(rows: Iterable[MentionRow]) -> list[MentionRow]:
    """All mentions with ``event_id`` set (block by block), sorted by mention id."""
    from tidings.dedup.rules import block_key

    blocks: dict[Any, list[MentionRow]] = defaultdict(list)
    for r in rows:
        blocks[block_key(r)].append(r)
    out = [m for key in blocks for m in cluster_block(blocks[key])]
    out.sort(key=lambda m: m.mention_id)
    return out


def rows_to_table(rows: Sequence[MentionRow]) -> pa.Table:
    """Mention rows as an Arrow table with :data:`MENTION_SCHEMA`."""
    columns = {name: [getattr(r, name) for r in rows] for name in MENTION_FIELDS}
    return pa.Table.from_pydict(columns, schema=MENTION_SCHEMA)


def table_to_rows(table: pa.Table) -> list[MentionRow]:
    """Rows of a mentions table (as written by either engine) as :class:`MentionRow`."""
    table = table.select(list(MENTION_FIELDS))
    return [MentionRow(**d) for d in table.to_pylist()]


def events_to_table(
    events: Iterable[Event], *, articles: Mapping[str, Article] | None = None, cluster: bool = True
) -> pa.Table:
    """Events as a mentions table with :data:`MENTION_SCHEMA`.

    ``articles`` (by id) fills the ``article_*`` columns; with ``cluster``
    the mentions are clustered into events (``event_id``), else ``event_id``
    is empty.
    """
    by_article: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        by_article[e.article_id].append(e)
    rows: list[MentionRow] = []
    for aid, evs in by_article.items():
        article = (articles or {}).get(aid) or Article(id=aid, text="")
        rows.extend(mention_rows(article, evs))
    return rows_to_table(cluster_rows(rows) if cluster else rows)
