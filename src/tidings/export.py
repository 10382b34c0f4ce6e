"""Export events from a store: parquet, csv, jsonl, GDELT 2.0 Events TSV, PLOVER JSON.

One row per real-world event (:class:`~tidings.store.base.EventRow`).  The
``gdelt`` and ``plover`` layouts and how our fields fill them are documented
in docs/store.md.  Every exporter streams, so exports of any size run in
constant memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, astuple, dataclass, fields
from pathlib import Path
from typing import IO, Any

from tidings.errors import ConfigError
from tidings.store.base import EventQuery, EventRow, EventStore

__all__ = ["FORMATS", "GDELT_COLUMNS", "ExportResult", "event_dict", "export", "gdelt_row", "plover_record"]

FORMATS = ("parquet", "csv", "jsonl", "gdelt", "plover")

#: The 61 columns of a GDELT 2.0 Events file, in order.
_ACTOR_COLUMNS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_COLUMNS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

#: The 61 columns of a GDELT 2.0 Events file, in order.
GDELT_COLUMNS = (
    *["GlobalEventID", "SQLDATE", "MonthYear", "Year", "FractionDate"],
    *(f"{actor}{c}" for actor in ("Actor1", "Actor2") for c in _ACTOR_COLUMNS),
    *["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale"],
    *["NumMentions", "NumSources", "NumArticles", "AvgTone"],
    *(f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in _GEO_COLUMNS),
    "DATEADDED",
    "SOURCEURL",
)

_EVENT_FIELDS = tuple(f.name for f in fields(EventRow))


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: str
    format: str
    rows: int
    skipped: int = 0


def _iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, dt.date) else v


def event_dict(e: EventRow) -> dict[str, Any]:
    """An event as a JSON-ready dict (dates as ISO strings)."""
    return {k: _iso(v) for k, v in asdict(e).items()}


def _gdelt_id(event_id: str) -> int:
    """A stable positive 63-bit integer from our hex event id (GDELT ids are integers)."""
    digits = event_id.removeprefix("ev")
    try:
        return int(digits, 16) & 0x7FFF_FFFF_FFFF_FFFF
    except ValueError:
        return int.from_bytes(event_id.encode()[:8].ljust(8, b"\0"), "big") & 0x7FFF_FFFF_FFFF_FFFF


def _actor(code: str | None, name: str | None, country: str | None) -> list[str]:
    if not code:
        return [""] * 10
    sector = code[3:6] if len(code) > 3 else ""
    sector2 = code[6:9] if len(code) > 6 else ""
    country = country or ("" if code.startswith("---") else code[:3])
    return [code, (name or "").upper(), country, "", "", "", "", sector, sector2, ""]


def _geo(e: EventRow) -> list[str]:
    if not (e.place_name or e.place_country):
        return [""] * 8
    if e.lat is None:
        kind = "1"  # a country
    else:
        kind = "3" if e.place_country == "USA" else "4"  # a (US) city or landmark
    return [
        kind,
        e.place_name or "",
        e.place_country or "",
        e.place_admin1 or "",
        "",
        "" if e.lat is None else f"{e.lat:.4f}",
        "" if e.lon is None else f"{e.lon:.4f}",
        "" if e.geonameid is None else str(e.geonameid),
    ]


def gdelt_row(e: EventRow) -> list[str]:
    """The GDELT 2.0 Events columns that apply; the others are empty (see docs/store.md)."""
    d = e.date_start
    date_cols = ["", "", "", ""]
    if d:
        frac = d.year + (d.timetuple().tm_yday - 1) / 365.0
        date_cols = [d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year), f"{frac:.4f}"]
    added = e.first_seen or d
    row = [
        str(_gdelt_id(e.event_id)),
        *date_cols,
        *_actor(e.source_code, e.source_name, e.source_country),
        *_actor(e.target_code, e.target_name, e.target_country),
        "",
        e.cameo,
        e.cameo[:3],
        e.root,
        str(e.quad_class),
        f"{e.goldstein:g}",
        str(e.num_mentions),
        str(e.num_sources),
        str(e.num_articles),
        "",
        *([""] * 8),
        *([""] * 8),
        *_geo(e),
        added.strftime("%Y%m%d000000") if added else "",
        e.source_url or "",
    ]
    return [c.replace("\t", " ").replace("\n", " ") for c in row]


def _plover_actor(code: str | None, name: str | None) -> list[dict[str, str]]:
    if not code:
        return []
    out = {"actorText": name or code, "code": code[:3]}
    if len(code) > 3:
        out["sector"] = code[3:]
    return [out]


def plover_record(e: EventRow) -> dict[str, Any] | None:
    """A PLOVER JSON record, or None for events PLOVER drops (CAMEO 01 and 02: no PLOVER type)."""
    if not e.plover_event:
        return None
    rec: dict[str, Any] = {
        "id": e.event_id,
        "date": _iso(e.date_start),
        "dateEnd": _iso(e.date_end),
        "dateResolution": e.date_granularity,
        "source": _plover_actor(e.source_code, e.source_name),
        "target": _plover_actor(e.target_code, e.target_name),
        "event": e.plover_event,
        "mode": e.plover_mode or "",
        "context": "",
        "eventText": "",
        "text": e.sentence,
        "language": "en",
        "publication": e.source_url or "",
        "version": "PLOVER-2021",
        "cameo": e.cameo,
        "goldstein": e.goldstein,
        "quadClass": e.quad_class,
        "numMentions": e.num_mentions,
        "numSources": e.num_sources,
        "numArticles": e.num_articles,
        "modality": e.modality,
        "claimStatus": e.claim_status,
    }
    if e.place_name or e.place_country:
        rec["geo"] = {
            "placeName": e.place_name,
            "countryCode": e.place_country,
            "admin1": e.place_admin1,
            "lat": e.lat,
            "lon": e.lon,
            "geonameid": e.geonameid,
        }
    return rec


def _write_parquet(rows: Iterable[EventRow], path: Path) -> int:
    import pyarrow.parquet as pq

    from tidings.store.duckdb import arrow_table

    n = 0
    writer = None
    chunk: list[tuple[Any, ...]] = []
    try:
        for e in rows:
            chunk.append(astuple(e))
            if len(chunk) >= 100_000:
                table = arrow_table("events", chunk)
                writer = writer or pq.ParquetWriter(str(path), table.schema)
                writer.write_table(table)
                n += len(chunk)
                chunk = []
        table = arrow_table("events", chunk)
        writer = writer or pq.ParquetWriter(str(path), table.schema)
        writer.write_table(table)
        n += len(chunk)
    finally:
        if writer is not None:
            writer.close()
    return n


def _write_text(rows: Iterator[EventRow], fmt: str, out: IO[str]) -> tuple[int, int]:
    n = skipped = 0
    if fmt == "csv":
        w = csv.writer(out)
        w.writerow(_EVENT_FIELDS)
        for e in rows:
            w.writerow(["" if v is None else _iso(v) for v in astuple(e)])
            n += 1
    elif fmt == "jsonl":
        for e in rows:
            out.write(json.dumps(event_dict(e), ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "gdelt":
        for e in rows:
            out.write("\t".join(gdelt_row(e)) + "\n")
            n += 1
    elif fmt == "plover":
        for e in rows:
            rec = plover_record(e)
            if rec is None:
                skipped += 1
                continue
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n, skipped


def export(store: EventStore, fmt: str, path: str | Path, *, query: EventQuery | None = None) -> ExportResult:
    """Write the events matching ``query`` (default: all) to ``path`` in ``fmt``."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}", code="E503", hint=f"use one of {', '.join(FORMATS)}")
    rows = store.iter_events(query or EventQuery())
    p = Path(path)
    if fmt == "parquet":
        return ExportResult(str(p), fmt, _write_parquet(rows, p))
    with p.open("w", encoding="utf-8", newline="") as out:
        n, skipped = _write_text(rows, fmt, out)
    return ExportResult(str(p), fmt, n, skipped)
