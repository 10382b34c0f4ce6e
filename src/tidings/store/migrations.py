"""The DuckDB schema as a list of numbered migrations (documented in docs/store.md).

A migration is applied once, in order, in a transaction, and recorded in
``schema_migrations`` (version, name, applied_at).  Never edit a released
migration: add a new one.  ``COLUMNS`` is the *current* column list of each
table, which the store uses to read and write rows; a test checks that it
matches the row dataclasses of :mod:`tidings.store.base`.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["COLUMNS", "MENTION_EXTRA", "MIGRATIONS", "Migration"]

_ARTICLES = (
    ("id", "VARCHAR"),
    ("text_hash", "VARCHAR"),
    ("text", "VARCHAR"),
    ("date", "DATE"),
    ("title", "VARCHAR"),
    ("source", "VARCHAR"),
    ("url", "VARCHAR"),
    ("origin", "VARCHAR"),
    ("num_mentions", "INTEGER"),
)

_MENTIONS = (
    ("mention_id", "VARCHAR"),
    ("event_id", "VARCHAR"),
    ("article_id", "VARCHAR"),
    ("sentence_index", "INTEGER"),
    ("cameo", "VARCHAR"),
    ("cameo_label", "VARCHAR"),
    ("plover_event", "VARCHAR"),
    ("plover_mode", "VARCHAR"),
    ("goldstein", "DOUBLE"),
    ("quad_class", "INTEGER"),
    ("date_start", "DATE"),
    ("date_end", "DATE"),
    ("date_granularity", "VARCHAR"),
    ("sentence", "VARCHAR"),
    ("trigger", "VARCHAR"),
    ("evidence_start", "INTEGER"),
    ("evidence_end", "INTEGER"),
    ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"),
    ("source_code", "VARCHAR"),
    ("source_name", "VARCHAR"),
    ("source_text", "VARCHAR"),
    ("source_country", "VARCHAR"),
    ("source_start", "INTEGER"),
    ("source_end", "INTEGER"),
    ("target_code", "VARCHAR"),
    ("target_name", "VARCHAR"),
    ("target_text", "VARCHAR"),
    ("target_country", "VARCHAR"),
    ("target_start", "INTEGER"),
    ("target_end", "INTEGER"),
    ("date_text", "VARCHAR"),
    ("date_source", "VARCHAR"),
    ("modality", "VARCHAR"),
    ("hedged", "BOOLEAN"),
    ("confidence", "DOUBLE"),
    ("method", "VARCHAR"),
    ("speaker_code", "VARCHAR"),
    ("speaker_text", "VARCHAR"),
    ("attribution_cue", "VARCHAR"),
    ("attribution_outlet", "VARCHAR"),
    ("place_name", "VARCHAR"),
    ("place_country", "VARCHAR"),
    ("place_admin1", "VARCHAR"),
    ("lat", "DOUBLE"),
    ("lon", "DOUBLE"),
    ("geonameid", "BIGINT"),
    ("claim_status", "VARCHAR"),
    ("article_date", "DATE"),
    ("article_source", "VARCHAR"),
    ("article_url", "VARCHAR"),
)

#: Store-only columns of ``mentions``: the clustering block (see tidings.dedup.rules.block_key).
MENTION_EXTRA = (("block_a", "VARCHAR"), ("block_b", "VARCHAR"), ("root_class", "VARCHAR"))

_EVENTS = (
    ("event_id", "VARCHAR"),
    ("cameo", "VARCHAR"),
    ("cameo_label", "VARCHAR"),
    ("root", "VARCHAR"),
    ("plover_event", "VARCHAR"),
    ("plover_mode", "VARCHAR"),
    ("quad_class", "INTEGER"),
    ("goldstein", "DOUBLE"),
    ("date_start", "DATE"),
    ("date_end", "DATE"),
    ("date_granularity", "VARCHAR"),
    ("num_mentions", "INTEGER"),
    ("num_sources", "INTEGER"),
    ("num_articles", "INTEGER"),
    ("first_seen", "DATE"),
    ("last_seen", "DATE"),
    ("source_code", "VARCHAR"),
    ("source_name", "VARCHAR"),
    ("source_country", "VARCHAR"),
    ("target_code", "VARCHAR"),
    ("target_name", "VARCHAR"),
    ("target_country", "VARCHAR"),
    ("modality", "VARCHAR"),
    ("confidence", "DOUBLE"),
    ("sentence", "VARCHAR"),
    ("place_name", "VARCHAR"),
    ("place_country", "VARCHAR"),
    ("place_admin1", "VARCHAR"),
    ("lat", "DOUBLE"),
    ("lon", "DOUBLE"),
    ("geonameid", "BIGINT"),
    ("source_url", "VARCHAR"),
    ("claim_status", "VARCHAR"),
)

_ACTORS = (("code", "VARCHAR"), ("name", "VARCHAR"), ("country", "VARCHAR"))

_CLAIMS = (
    ("claim_id", "VARCHAR"),
    ("event_id", "VARCHAR"),
    ("status", "VARCHAR"),
    ("source_code", "VARCHAR"),
    ("target_code", "VARCHAR"),
    ("cameo", "VARCHAR"),
    ("sentence", "VARCHAR"),
    ("num_supporting", "INTEGER"),
    ("num_denying", "INTEGER"),
    # JSON list of {mention_id, article_id, modality, speaker_code, outlet}
    ("stances", "VARCHAR"),
)

COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": _ARTICLES,
    "mentions": _MENTIONS + MENTION_EXTRA,
    "events": _EVENTS,
    "actors": _ACTORS,
    "claims": _CLAIMS,
}


def _create(table: str, cols: tuple[tuple[str, str], ...]) -> str:
    body = ",\n    ".join(f'"{n}" {t}' for n, t in cols)
    return f"CREATE TABLE {table} (\n    {body}\n)"


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "initial schema: articles, mentions, events, actors, claims",
        (
            _create("articles", _ARTICLES),
            _create("mentions", _MENTIONS + MENTION_EXTRA),
            _create("events", _EVENTS),
            _create("actors", _ACTORS),
            _create("claims", _CLAIMS),
            "CREATE UNIQUE INDEX articles_id ON articles(id)",
            "CREATE UNIQUE INDEX articles_hash ON articles(text_hash)",
        ),
    ),
)
