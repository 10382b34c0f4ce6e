"""The DuckDB event store: one file, no server (schema and rules in docs/store.md).

``DuckDBStore(path)`` opens (creating and migrating) a store for writing;
``DuckDBStore(path, read_only=True)`` opens an existing, migrated store for
reading only (what ``tidings serve`` uses).  DuckDB lets one process write a
file at a time; a read-only open fails while another process writes it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import astuple, fields
from pathlib import Path
from typing import Any, Self

import duckdb
import pyarrow as pa

from tidings.errors import ConfigError, StoreError
from tidings.store.base import (
    SCHEMA_VERSION,
    ActorRow,
    ActorSummary,
    ArticleDetail,
    ArticleRow,
    BlockKey,
    ClaimRow,
    ClaimStance,
    EventDetail,
    EventQuery,
    EventRow,
    MentionRow,
    PartnerCount,
    Period,
    SeriesPoint,
    StoreCounts,
    WriteBatch,
    merge_actor,
)
from tidings.store.migrations import COLUMNS, MENTION_EXTRA, MIGRATIONS

__all__ = ["DuckDBStore", "arrow_table"]

_CODE = re.compile(r"^[A-Za-z0-9]{1,16}$")
_ARROW = {
    "VARCHAR": pa.string(),
    "DATE": pa.date32(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
}
_ORDER = {
    "date": "date_start ASC NULLS FIRST, event_id",
    "-date": "date_start DESC NULLS LAST, event_id",
    "mentions": "num_mentions DESC, date_start ASC NULLS FIRST, event_id",
}
_MENTION_COLS = [n for n, _ in COLUMNS["mentions"] if (n, _) not in MENTION_EXTRA]


def _prefix(code: str) -> str:
    """A validated, upper-cased code for ``starts_with(column, ?)``."""
    if not _CODE.match(code):
        raise ConfigError(
            f"bad actor or event code {code!r}", code="E501", hint="use letters and digits, e.g. RUS or USAGOV"
        )
    return code.upper()


def arrow_table(table: str, rows: Sequence[tuple[Any, ...]]) -> pa.Table:
    """Rows (tuples in ``COLUMNS[table]`` order) as an Arrow table with the store's types."""
    cols = COLUMNS[table]
    schema = pa.schema([(n, _ARROW[t]) for n, t in cols])
    arrays = [pa.array([r[i] for r in rows], type=_ARROW[t]) for i, (_, t) in enumerate(cols)]
    return pa.Table.from_arrays(arrays, schema=schema)


def _ids_table(ids: Sequence[str]) -> pa.Table:
    return pa.table({"id": pa.array(list(ids), type=pa.string())})


def _mention_tuple(m: MentionRow) -> tuple[Any, ...]:
    from tidings.dedup.rules import block_key  # dedup imports store.base; import at use

    k = block_key(m)
    return (*astuple(m), k.actor_a, k.actor_b, k.root_class)


def _claim_tuple(c: ClaimRow) -> tuple[Any, ...]:
    stances = json.dumps(
        [
            {
                "mention_id": s.mention_id,
                "article_id": s.article_id,
                "modality": s.modality,
                "speaker_code": s.speaker_code,
                "outlet": s.outlet,
            }
            for s in c.stances
        ]
    )
    return (
        c.claim_id,
        c.event_id,
        c.status,
        c.source_code,
        c.target_code,
        c.cameo,
        c.sentence,
        c.num_supporting,
        c.num_denying,
        stances,
    )


def _claim_row(r: tuple[Any, ...]) -> ClaimRow:
    stances = tuple(ClaimStance(**s) for s in json.loads(r[9] or "[]"))
    return ClaimRow(*r[:9], stances=stances)


def _where(q: EventQuery) -> tuple[str, list[Any]]:
    """SQL conditions and parameters for ``q`` (same semantics as memory.event_matches)."""
    conds: list[str] = []
    params: list[Any] = []
    if q.actor:
        conds.append("(starts_with(source_code, ?) OR starts_with(target_code, ?))")
        params += [_prefix(q.actor)] * 2
    if q.source:
        conds.append("starts_with(source_code, ?)")
        params.append(_prefix(q.source))
    if q.target:
        conds.append("starts_with(target_code, ?)")
        params.append(_prefix(q.target))
    if q.dyad:
        a, b = _prefix(q.dyad[0]), _prefix(q.dyad[1])
        if q.directed:
            conds.append("(starts_with(source_code, ?) AND starts_with(target_code, ?))")
            params += [a, b]
        else:
            conds.append(
                "((starts_with(source_code, ?) AND starts_with(target_code, ?)) OR (starts_with(source_code, ?) AND starts_with(target_code, ?)))"
            )
            params += [a, b, b, a]
    if q.code:
        conds.append("starts_with(cameo, ?)")
        params.append(_prefix(q.code))
    if q.plover:
        conds.append("upper(plover_event) = ?")
        params.append(q.plover.upper())
    if q.quad_class is not None:
        conds.append("quad_class = ?")
        params.append(q.quad_class)
    if q.modality:
        conds.append("modality = ?")
        params.append(q.modality)
    if q.since:
        conds.append("date_start >= ?")
        params.append(q.since)
    if q.until:
        conds.append("date_start <= ?")
        params.append(q.until)
    if q.min_mentions > 1:
        conds.append("num_mentions >= ?")
        params.append(q.min_mentions)
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


class DuckDBStore:
    """An :class:`~tidings.store.base.EventStore` in a DuckDB file (or ``:memory:``)."""

    def __init__(self, path: str | Path = "tidings.duckdb", *, read_only: bool = False) -> None:
        _check_columns()
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}", code="E404", hint="run `tidings ingest` first")
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot open {self.path}: {exc}",
                code="E405",
                hint="is another process writing it? DuckDB allows one writer",
            ) from exc
        if read_only:
            v = self.schema_version()
            if v != SCHEMA_VERSION:
                self._con.close()
                raise StoreError(
                    f"{self.path} has schema version {v}, this tidings needs {SCHEMA_VERSION}",
                    code="E406",
                    hint="open it once for writing (e.g. `tidings ingest`) to migrate it",
                )
        else:
            self.migrate()

    # ------------------------------------------------------------------ schema
    def schema_version(self) -> int:
        exists = self._con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
        ).fetchall()[0]
        if not exists or not exists[0]:
            return 0
        row = self._con.execute("SELECT max(version) FROM schema_migrations").fetchall()[0]
        return int(row[0]) if row and row[0] is not None else 0

    def migrations(self) -> list[tuple[int, str, dt.datetime]]:
        """The migrations applied to this file: (version, name, applied at)."""
        return [
            tuple(r)
            for r in self._con.execute(
                "SELECT version, name, applied_at FROM schema_migrations ORDER BY version"
            ).fetchall()
        ]

    def migrate(self) -> int:
        """Apply pending migrations, each in its own transaction; returns the new version."""
        self._con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER, name VARCHAR, applied_at TIMESTAMP)"
        ).fetchall()
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {current}, newer than this tidings ({SCHEMA_VERSION})",
                code="E406",
                hint="upgrade tidings",
            )
        for mig in MIGRATIONS:
            if mig.version <= current:
                continue
            self._con.begin()
            try:
                for stmt in mig.statements:
                    self._con.execute(stmt).fetchall()
                self._con.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)", [mig.version, mig.name]
                ).fetchall()
                self._con.commit()
            except duckdb.Error as exc:
                self._con.rollback()
                raise StoreError(f"migration {mig.version} ({mig.name}) failed: {exc}", code="E407") from exc
        return self.schema_version()

    # ------------------------------------------------------------------ helpers
    def _rows(self, sql: str, params: Sequence[Any] = (), *, ids: Sequence[str] | None = None) -> list[tuple[Any, ...]]:
        """Run a query; ``ids`` is visible to it as the one-column table ``ids(id)``."""
        try:
            if ids is not None:
                self._con.register("ids", _ids_table(ids))
            try:
                return self._con.execute(sql, list(params)).fetchall()
            finally:
                if ids is not None:
                    self._con.unregister("ids")
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}", code="E408") from exc

    def _mentions(
        self, where: str, params: Sequence[Any], order: str = "mention_id", *, ids: Sequence[str] | None = None
    ) -> list[MentionRow]:
        cols = ", ".join(f'"{c}"' for c in _MENTION_COLS)
        rows = self._rows(f"SELECT {cols} FROM mentions {where} ORDER BY {order}", params, ids=ids)
        return [MentionRow(*r) for r in rows]

    def _exec_with(self, sql: str, name: str, table: pa.Table) -> None:
        self._con.register(name, table)
        try:
            self._con.execute(sql).fetchall()
        finally:
            self._con.unregister(name)

    # ------------------------------------------------------------------ writing
    def known_text_hashes(self, hashes: Sequence[str]) -> frozenset[str]:
        if not hashes:
            return frozenset()
        rows = self._rows("SELECT text_hash FROM articles WHERE text_hash IN (SELECT id FROM ids)", ids=hashes)
        return frozenset(r[0] for r in rows)

    def known_article_ids(self, ids: Sequence[str]) -> frozenset[str]:
        if not ids:
            return frozenset()
        return frozenset(r[0] for r in self._rows("SELECT id FROM articles WHERE id IN (SELECT id FROM ids)", ids=ids))

    def mentions_in_blocks(
        self, keys: Sequence[BlockKey], *, start: dt.date | None, end: dt.date | None
    ) -> list[MentionRow]:
        out: dict[str, MentionRow] = {}
        for k in keys:
            where = "WHERE block_a = ? AND block_b = ? AND root_class = ?"
            params: list[Any] = [k.actor_a, k.actor_b, k.root_class]
            if start is not None:
                where += " AND (date_end IS NULL OR date_end >= ?)"
                params.append(start)
            if end is not None:
                where += " AND (date_start IS NULL OR date_start <= ?)"
                params.append(end)
            for m in self._mentions(where, params):
                out[m.mention_id] = m
        return [out[i] for i in sorted(out)]

    def mentions_of_events(self, event_ids: Sequence[str]) -> list[MentionRow]:
        if not event_ids:
            return []
        return self._mentions("WHERE event_id IN (SELECT id FROM ids)", (), ids=event_ids)

    def write_batch(self, batch: WriteBatch) -> None:
        if self.read_only:
            raise StoreError("the store is open read-only", code="E401", hint="open it without read_only")
        con = self._con
        con.begin()
        try:
            self._apply(batch)
            con.commit()
        except (duckdb.Error, pa.ArrowException) as exc:
            con.rollback()
            raise StoreError(f"batch not written: {exc}", code="E409") from exc
        except BaseException:
            con.rollback()
            raise

    def _apply(self, batch: WriteBatch) -> None:
        if batch.articles:
            self._exec_with(
                "INSERT INTO articles SELECT * FROM new_rows",
                "new_rows",
                arrow_table("articles", [astuple(a) for a in batch.articles]),
            )
        if batch.mentions:
            self._exec_with(
                "DELETE FROM mentions WHERE mention_id IN (SELECT id FROM gone)",
                "gone",
                _ids_table([m.mention_id for m in batch.mentions]),
            )
            self._exec_with(
                "INSERT INTO mentions SELECT * FROM new_rows",
                "new_rows",
                arrow_table("mentions", [_mention_tuple(m) for m in batch.mentions]),
            )
            referred = sorted({m.article_id for m in batch.mentions} - {a.id for a in batch.articles})
            missing = set(referred) - self.known_article_ids(referred)
            if missing:
                raise StoreError(f"mentions refer to unknown articles: {', '.join(sorted(missing)[:5])}", code="E403")
        touched = [*batch.deleted_events, *(e.event_id for e in batch.events)]
        if touched:
            self._exec_with("DELETE FROM events WHERE event_id IN (SELECT id FROM gone)", "gone", _ids_table(touched))
            self._exec_with("DELETE FROM claims WHERE event_id IN (SELECT id FROM gone)", "gone", _ids_table(touched))
        if batch.events:
            self._exec_with(
                "INSERT INTO events SELECT * FROM new_rows",
                "new_rows",
                arrow_table("events", [astuple(e) for e in batch.events]),
            )
        if batch.claims:
            self._exec_with(
                "INSERT INTO claims SELECT * FROM new_rows",
                "new_rows",
                arrow_table("claims", [_claim_tuple(c) for c in batch.claims]),
            )
        if batch.actors:
            codes = [a.code for a in batch.actors]
            old = {
                r[0]: ActorRow(*r)
                for r in self._rows("SELECT * FROM actors WHERE code IN (SELECT id FROM ids)", ids=codes)
            }
            merged = [merge_actor(old.get(a.code), a) for a in batch.actors]
            self._exec_with("DELETE FROM actors WHERE code IN (SELECT id FROM gone)", "gone", _ids_table(codes))
            self._exec_with(
                "INSERT INTO actors SELECT * FROM new_rows",
                "new_rows",
                arrow_table("actors", [astuple(a) for a in merged]),
            )

    def bulk_load_events(self, rows: Sequence[EventRow]) -> None:
        """Append event rows without mentions (benchmarks and imports)."""
        self.write_batch(WriteBatch(events=tuple(rows)))

    # ------------------------------------------------------------------ reading
    def counts(self) -> StoreCounts:
        r = self._rows(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions), (SELECT count(*) FROM events),"
            " (SELECT count(*) FROM actors), (SELECT count(*) FROM claims)"
        )[0]
        return StoreCounts(*(int(x) for x in r))

    def query_events(self, query: EventQuery) -> list[EventRow]:
        where, params = _where(query)
        sql = f"SELECT * FROM events{where} ORDER BY {self._order(query)}"
        if query.limit is not None:
            sql += f" LIMIT {int(query.limit)}"
        if query.offset:
            sql += f" OFFSET {int(query.offset)}"
        return [EventRow(*r) for r in self._rows(sql, params)]

    def _order(self, query: EventQuery) -> str:
        if query.order not in _ORDER:
            raise StoreError(f"unknown order {query.order!r}", code="E501", hint="use date, -date or mentions")
        return _ORDER[query.order]

    def count_events(self, query: EventQuery) -> int:
        where, params = _where(query)
        return int(self._rows(f"SELECT count(*) FROM events{where}", params)[0][0])

    def iter_events(self, query: EventQuery) -> Iterator[EventRow]:
        where, params = _where(query)
        cur = self._con.cursor()
        try:
            cur.execute(f"SELECT * FROM events{where} ORDER BY {self._order(query)}", params)
            while chunk := cur.fetchmany(10_000):
                yield from (EventRow(*r) for r in chunk)
        finally:
            cur.close()

    def iter_mentions(self) -> Iterator[MentionRow]:
        yield from self._mentions("", ())

    def iter_articles(self) -> Iterator[ArticleRow]:
        yield from (ArticleRow(*r) for r in self._rows("SELECT * FROM articles ORDER BY id"))

    def get_event(self, event_id: str) -> EventDetail | None:
        rows = self._rows("SELECT * FROM events WHERE event_id = ?", [event_id])
        if not rows:
            return None
        ms = self._mentions(
            "WHERE event_id = ?",
            [event_id],
            order="article_date ASC NULLS FIRST, article_id, sentence_index, mention_id",
        )
        return EventDetail(event=EventRow(*rows[0]), mentions=tuple(ms))

    def get_article(self, article_id: str) -> ArticleDetail | None:
        rows = self._rows("SELECT * FROM articles WHERE id = ?", [article_id])
        if not rows:
            return None
        ms = self._mentions("WHERE article_id = ?", [article_id], order="evidence_start, trigger_start, mention_id")
        return ArticleDetail(article=ArticleRow(*rows[0]), mentions=tuple(ms))

    def actor_summary(self, code: str, *, top: int = 10) -> ActorSummary | None:
        p = _prefix(code)
        r = self._rows(
            "SELECT count(*), count(*) FILTER (starts_with(source_code, ?)), count(*) FILTER (starts_with(target_code, ?)),"
            " count(*) FILTER (quad_class = 1), count(*) FILTER (quad_class = 2),"
            " count(*) FILTER (quad_class = 3), count(*) FILTER (quad_class = 4),"
            " coalesce(sum(goldstein), 0), min(date_start), max(date_start)"
            " FROM events WHERE starts_with(source_code, ?) OR starts_with(target_code, ?)",
            [p, p, p, p],
        )[0]
        if not r[0]:
            return None
        partners = self._rows(
            "SELECT x.partner, a.name, count(*) AS n, sum(x.goldstein) FROM ("
            " SELECT target_code AS partner, goldstein FROM events WHERE starts_with(source_code, ?) AND target_code IS NOT NULL"
            " UNION ALL"
            " SELECT source_code, goldstein FROM events WHERE starts_with(target_code, ?) AND source_code IS NOT NULL"
            ") x LEFT JOIN actors a ON a.code = x.partner GROUP BY x.partner, a.name ORDER BY n DESC, x.partner LIMIT ?",
            [p, p, int(top)],
        )
        name = self._rows("SELECT name FROM actors WHERE code = ?", [code.upper()])
        return ActorSummary(
            code=code.upper(),
            name=name[0][0] if name else None,
            num_events=int(r[0]),
            as_source=int(r[1]),
            as_target=int(r[2]),
            quad_counts=(int(r[3]), int(r[4]), int(r[5]), int(r[6])),
            goldstein_sum=round(float(r[7]), 6),
            first_date=r[8],
            last_date=r[9],
            top_partners=tuple(PartnerCount(c, n, int(k), round(float(g), 6)) for c, n, k, g in partners),
        )

    def list_actors(self, *, prefix: str | None = None, limit: int = 100) -> list[ActorRow]:
        if prefix:
            rows = self._rows(
                "SELECT * FROM actors WHERE starts_with(code, ?) ORDER BY code LIMIT ?", [_prefix(prefix), int(limit)]
            )
        else:
            rows = self._rows("SELECT * FROM actors ORDER BY code LIMIT ?", [int(limit)])
        return [ActorRow(*r) for r in rows]

    def dyad_series(
        self,
        a: str,
        b: str,
        *,
        by: Period = "week",
        directed: bool = False,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> list[SeriesPoint]:
        if by not in ("day", "week", "month", "year"):
            raise ConfigError(f"unknown period {by!r}", code="E502", hint="use day, week, month or year")
        where, params = _where(EventQuery(dyad=(a, b), directed=directed, since=since, until=until))
        where += (" AND " if where else " WHERE ") + "date_start IS NOT NULL"
        rows = self._rows(
            f"SELECT CAST(date_trunc('{by}', date_start) AS DATE) AS p, count(*),"
            " count(*) FILTER (quad_class = 1), count(*) FILTER (quad_class = 2),"
            " count(*) FILTER (quad_class = 3), count(*) FILTER (quad_class = 4),"
            f" sum(goldstein), sum(num_mentions) FROM events{where} GROUP BY p ORDER BY p",
            params,
        )
        return [
            SeriesPoint(r[0], int(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5]), round(float(r[6]), 6), int(r[7]))
            for r in rows
        ]

    def claims(self, *, status: str | None = None, limit: int | None = 100, offset: int = 0) -> list[ClaimRow]:
        sql, params = "SELECT * FROM claims", []
        if status:
            sql += " WHERE status = ?"
            params.append(status)
        sql += " ORDER BY claim_id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        if offset:
            sql += f" OFFSET {int(offset)}"
        return [_claim_row(r) for r in self._rows(sql, params)]

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def column_names(self, table: str) -> list[str]:
        """The columns of ``table`` as the database has them (for schema tests)."""
        return [
            r[0]
            for r in self._rows(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table],
            )
        ]


def _check_columns() -> None:
    """Fail fast if migrations.COLUMNS and the row dataclasses disagree."""
    for table, cls in (("articles", ArticleRow), ("events", EventRow), ("actors", ActorRow)):
        if [n for n, _ in COLUMNS[table]] != [f.name for f in fields(cls)]:
            raise StoreError(f"schema of {table} does not match {cls.__name__}", code="E410")
    if _MENTION_COLS != [f.name for f in fields(MentionRow)]:
        raise StoreError("schema of mentions does not match MentionRow", code="E410")
