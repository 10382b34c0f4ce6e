"""Readers for saved web formats, chosen by file extension.

``read_any(path)`` is what :func:`tidings.ingest.readers.read_inputs` calls for

* ``.html`` / ``.htm``: a saved news page (:mod:`tidings.ingest.html`);
* ``.rss`` / ``.atom`` / ``.xml``: an RSS or Atom feed (:mod:`tidings.ingest.feeds`);
  an ``.xml`` file that is really an HTML page is read as one;
* ``.warc`` / ``.warc.gz``: a web archive of news pages (:mod:`tidings.ingest.warc`).

Each yields :class:`~tidings.types.Article` or :class:`~tidings.types.BadRecord`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from tidings.errors import E_FIELD
from tidings.ingest.feeds import read_feed
from tidings.ingest.html import read_html
from tidings.ingest.warc import read_warc
from tidings.types import Article, BadRecord

__all__ = ["FORMAT_SUFFIXES", "format_of", "read_any"]

FORMAT_SUFFIXES = (".html", ".htm", ".xml", ".rss", ".atom", ".warc", ".warc.gz")


def format_of(path: Path) -> str | None:
    """``html``, ``feed``, ``warc`` or None for a path, by its extension."""
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    if name.endswith((".html", ".htm")):
        return "html"
    if name.endswith((".rss", ".atom")):
        return "feed"
    if name.endswith(".xml"):
        try:
            with path.open("rb") as fh:
                head = fh.read(2048).lower()
        except OSError:
            return "feed"
        return "html" if b"<html" in head and b"<rss" not in head and b"<feed" not in head else "feed"
    return None


def read_any(path: str | Path, *, default_date: dt.date | None = None) -> Iterator[Article | BadRecord]:
    """Articles and bad records from one saved page, feed or web archive."""
    p = Path(path)
    kind = format_of(p)
    if kind == "warc":
        yield from read_warc(p, default_date=default_date)
    elif kind == "html":
        yield from read_html(p, default_date=default_date)
    elif kind == "feed":
        yield from read_feed(p, default_date=default_date)
    else:
        yield BadRecord(
            str(p), E_FIELD, f"unknown file type {p.suffix!r}; expected one of {', '.join(FORMAT_SUFFIXES)}"
        )
