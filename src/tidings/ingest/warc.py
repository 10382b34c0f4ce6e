"""WARC and WARC.gz files of news pages (warcio): one article per HTML response.

Every ``response`` (or ``resource``) record with an HTML payload goes through
the HTML reader (:mod:`tidings.ingest.html`); its URL is the record's
``WARC-Target-URI`` and, when the page carries no date, the capture date
(``WARC-Date``) stands in.  Other records (requests, metadata, images) are
passed over.  Error pages (HTTP status >= 400) and unreadable pages are
reported as ``file#record-N`` (N counts WARC records from 1).  A truncated or
corrupt file is reported at the record where reading failed; the records
before it are kept.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tidings.errors import E_HTML, E_WARC
from tidings.ingest.html import html_to_article
from tidings.types import Article, BadRecord

__all__ = ["parse_warc", "read_warc"]

_READ_ERRORS = (EOFError, zlib.error, OSError, ValueError)


def _capture_date(record: Any) -> dt.date | None:
    raw = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        return None


def _html_payload(record: Any) -> tuple[bool, int | None]:
    """Whether the record carries an HTML page, and its HTTP status."""
    if record.rec_type not in ("response", "resource"):
        return False, None
    status = None
    if record.http_headers is not None:
        ctype = record.http_headers.get_header("Content-Type") or ""
        code = record.http_headers.get_statuscode()
        status = int(code) if code and code.isdigit() else None
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    return "html" in ctype.lower(), status


def parse_warc(stream: Any, *, origin: str, default_date: dt.date | None = None) -> Iterator[Article | BadRecord]:
    """Articles and bad records from an open binary WARC (or WARC.gz) stream."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    errors = (ArchiveLoadFailed, *_READ_ERRORS)
    n = 0
    records = iter(ArchiveIterator(stream))
    while True:
        where = f"{origin}#record-{n + 1}"
        try:
            record = next(records)
        except StopIteration:
            break
        except errors as exc:
            yield BadRecord(
                where, E_WARC, f"truncated or unreadable WARC, reading stopped: {type(exc).__name__}: {exc}"
            )
            return
        n += 1
        is_html, status = _html_payload(record)
        if not is_html:
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        if status is not None and status >= 400:
            yield BadRecord(where, E_HTML, f"HTTP {status} page, not an article: {url}")
            continue
        try:
            payload = record.content_stream().read()
        except errors as exc:
            yield BadRecord(where, E_WARC, f"truncated record payload: {type(exc).__name__}: {exc}")
            return
        missing = getattr(record.raw_stream, "limit", 0) or 0
        if missing > 0:
            yield BadRecord(where, E_WARC, f"truncated WARC: the record ends {missing} bytes early, reading stopped")
            return
        yield html_to_article(payload, origin=where, url=url, default_date=_capture_date(record) or default_date)
    if n == 0:
        yield BadRecord(origin, E_WARC, "no WARC records found")


def read_warc(path: Path, *, default_date: dt.date | None = None) -> Iterator[Article | BadRecord]:
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield BadRecord(str(path), E_WARC, f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        yield from parse_warc(stream, origin=str(path), default_date=default_date)
