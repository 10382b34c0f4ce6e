"""Read articles from .txt files, JSONL files, directories and standard input.

Every reader yields :class:`~tidings.types.Article` for good records and
:class:`~tidings.types.BadRecord` (file and line, error code, message) for bad
ones, and goes on: one bad record never stops a run.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from ..errors import E_BINARY, E_DATE, E_EMPTY, E_ENCODING, E_FIELD, E_JSON, E_TOO_LARGE
from ..types import Article, BadRecord, content_hash

#: a single record larger than this is reported and skipped
MAX_RECORD_CHARS = 5_000_000
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
OTHER_SUFFIXES = (".html", ".htm", ".xml", ".rss", ".atom", ".warc", ".warc.gz")

Record = Article | BadRecord


def parse_date(value: object) -> dt.date | None:
    """An ISO date (or the date part of an ISO timestamp); ValueError otherwise."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"date must be a string, got {type(value).__name__}")
    s = value.strip()
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date()


def _decode(data: bytes, origin: str) -> str | BadRecord:
    if not data.strip():
        return BadRecord(origin, E_EMPTY, "empty input")
    if b"\x00" in data[:8192]:
        return BadRecord(origin, E_BINARY, "binary content (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return BadRecord(origin, E_ENCODING, f"not valid UTF-8 at byte {exc.start}; re-save the file as UTF-8")
    if len(text) > MAX_RECORD_CHARS:
        return BadRecord(origin, E_TOO_LARGE, f"{len(text):,} characters, limit {MAX_RECORD_CHARS:,}")
    return text


def read_meta(path: Path) -> dict:
    """Optional metadata beside a .txt file: ``NAME.meta.json`` with date, title, source, url."""
    meta = path.with_name(path.stem + ".meta.json")
    if not meta.exists():
        return {}
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def read_txt(path: Path, *, default_date: dt.date | None = None) -> Iterator[Record]:
    """One article per .txt file; its id is the file stem."""
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield BadRecord(origin, E_FIELD, f"cannot read: {exc.strerror or exc}")
        return
    text = _decode(data, origin)
    if isinstance(text, BadRecord):
        yield text
        return
    meta = read_meta(path)
    try:
        date = parse_date(meta.get("date")) or default_date
    except ValueError as exc:
        yield BadRecord(origin, E_DATE, f"bad date in {path.stem}.meta.json: {exc}")
        date = default_date
    yield Article(
        id=str(meta.get("id") or path.stem),
        text=text,
        date=date,
        title=meta.get("title"),
        source=meta.get("source"),
        url=meta.get("url"),
        origin=origin,
    )


def record_to_article(obj: object, origin: str, *, default_date: dt.date | None) -> Record:
    """A JSON object ``{"id", "text", "date"?, "title"?, "source"?, "url"?}`` as an Article."""
    if not isinstance(obj, dict):
        return BadRecord(origin, E_FIELD, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        return BadRecord(origin, E_FIELD, 'missing or non-string "text" field')
    if not text.strip():
        return BadRecord(origin, E_EMPTY, "empty text")
    if len(text) > MAX_RECORD_CHARS:
        return BadRecord(origin, E_TOO_LARGE, f"{len(text):,} characters, limit {MAX_RECORD_CHARS:,}")
    try:
        date = parse_date(obj.get("date")) or default_date
    except ValueError as exc:
        return BadRecord(origin, E_DATE, f'bad "date": {exc}; use YYYY-MM-DD')
    rid = obj.get("id")
    rid = str(rid) if rid not in (None, "") else content_hash(text)
    opt = {k: (str(obj[k]) if obj.get(k) is not None else None) for k in ("title", "source", "url")}
    return Article(id=rid, text=text, date=date, origin=origin, **opt)


def read_jsonl_stream(stream: IO[bytes], name: str, *, default_date: dt.date | None = None) -> Iterator[Record]:
    for lineno, raw in enumerate(stream, 1):
        origin = f"{name}:{lineno}"
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield BadRecord(origin, E_ENCODING, f"not valid UTF-8 at byte {exc.start}")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BadRecord(origin, E_JSON, f"malformed JSON: {exc.msg} at column {exc.colno}")
            continue
        yield record_to_article(obj, origin, default_date=default_date)


def read_jsonl(path: Path, *, default_date: dt.date | None = None) -> Iterator[Record]:
    try:
        with path.open("rb") as fh:
            if b"\x00" in fh.read(8192):
                yield BadRecord(str(path), E_BINARY, "binary content (NUL bytes), not JSONL")
                return
            fh.seek(0)
            yield from read_jsonl_stream(fh, str(path), default_date=default_date)
    except OSError as exc:
        yield BadRecord(str(path), E_FIELD, f"cannot read: {exc.strerror or exc}")


def read_json(path: Path, *, default_date: dt.date | None = None) -> Iterator[Record]:
    """A .json file holding one record (like ``seed-article.json``) or a list of them."""
    origin = str(path)
    text = _decode(path.read_bytes(), origin)
    if isinstance(text, BadRecord):
        yield text
        return
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        yield BadRecord(f"{origin}:{exc.lineno}", E_JSON, f"malformed JSON: {exc.msg}")
        return
    items = obj if isinstance(obj, list) else [obj]
    for i, item in enumerate(items):
        yield record_to_article(item, origin if len(items) == 1 else f"{origin}#{i}", default_date=default_date)


def read_stdin(*, default_date: dt.date | None = None, stream: IO[bytes] | None = None) -> Iterator[Record]:
    """Standard input: JSONL when the first non-blank character is ``{``, else one text article."""
    data = (stream or sys.stdin.buffer).read()
    head = data.lstrip()[:1]
    if head == b"{":
        import io

        yield from read_jsonl_stream(io.BytesIO(data), "<stdin>", default_date=default_date)
        return
    text = _decode(data, "<stdin>")
    if isinstance(text, BadRecord):
        yield text
        return
    yield Article(id="stdin", text=text, date=default_date, origin="<stdin>")


def _is_meta(path: Path) -> bool:
    return path.name.endswith(".meta.json")


def read_path(path: Path, *, default_date: dt.date | None = None) -> Iterator[Record]:
    """Dispatch one file on its suffix."""
    name = path.name.lower()
    if name.endswith(TEXT_SUFFIXES):
        yield from read_txt(path, default_date=default_date)
    elif name.endswith(JSONL_SUFFIXES):
        yield from read_jsonl(path, default_date=default_date)
    elif name.endswith(".json") and not _is_meta(path):
        yield from read_json(path, default_date=default_date)
    elif name.endswith(OTHER_SUFFIXES):
        from .formats import read_any

        yield from read_any(path, default_date=default_date)
    else:
        yield BadRecord(str(path), E_FIELD, "unknown file type; use .txt, .json, .jsonl, .html, .rss, .warc(.gz)")


def _walk(directory: Path) -> Iterator[Path]:
    for p in sorted(directory.rglob("*")):
        if p.is_file() and not p.name.startswith(".") and not _is_meta(p):
            name = p.name.lower()
            if name.endswith(TEXT_SUFFIXES + JSONL_SUFFIXES + OTHER_SUFFIXES + (".json",)):
                yield p


def read_inputs(paths: Iterable[str | Path], *, default_date: dt.date | None = None) -> Iterator[Record]:
    """Articles from files, directories (recursively) and ``-`` (standard input)."""
    for p in paths:
        if str(p) == "-":
            yield from read_stdin(default_date=default_date)
            continue
        path = Path(p)
        if path.is_dir():
            for f in _walk(path):
                yield from read_path(f, default_date=default_date)
        elif path.exists():
            yield from read_path(path, default_date=default_date)
        else:
            yield BadRecord(str(path), E_FIELD, "no such file or directory")
