"""RSS and Atom feeds saved to disk (feedparser): one article per item.

Each item gives its full content (``content:encoded`` / Atom ``content``) or
else its summary, as plain text; its link; and its date (published, else
updated).  An item whose date is present but unreadable is reported
(``E111``) and skipped; an item without text is reported (``E101``).  Origins
are ``file#record-N`` (N counts items from 1).  A feed that is not
well-formed XML is read as far as feedparser recovers it, and reported when
nothing could be recovered.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from tidings.errors import E_DATE, E_EMPTY, E_FEED
from tidings.types import Article, BadRecord, content_hash

__all__ = ["html_to_text", "parse_feed", "read_feed"]

_BLOCK = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article"}
)
_SKIP = frozenset({"script", "style", "noscript"})


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skipping:
            self.skipping -= 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (paragraphs on their own lines)."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    p = _TextParser()
    p.feed(fragment)
    p.close()
    lines = (" ".join(line.split()) for line in "".join(p.parts).splitlines())
    return html.unescape("\n".join(line for line in lines if line))


def _item_text(entry: Any) -> str:
    for c in entry.get("content") or ():
        value = c.get("value") if hasattr(c, "get") else None
        if value and value.strip():
            return html_to_text(value)
    return html_to_text(entry.get("summary") or entry.get("description") or "")


def _item_date(entry: Any) -> tuple[dt.date | None, str | None]:
    """The item's date, and the raw value when it could not be read."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        parsed = entry.get(key + "_parsed")
        if parsed is None:
            return None, str(raw)
        try:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday), None
        except ValueError:
            return None, str(raw)
    return None, None


def parse_feed(data: bytes, *, origin: str, default_date: dt.date | None = None) -> Iterator[Article | BadRecord]:
    """Articles (and bad records) from a feed's bytes."""
    import feedparser

    if not data.strip():
        yield BadRecord(origin, E_EMPTY, "empty feed file")
        return
    feed = feedparser.parse(data)
    entries = list(feed.entries)
    if not entries:
        why = f": {feed.bozo_exception}" if feed.get("bozo") else ""
        yield BadRecord(origin, E_FEED, f"no feed items could be read{why}")
        return
    outlet = (feed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(entries, start=1):
        where = f"{origin}#record-{n}"
        day, bad_date = _item_date(entry)
        if bad_date is not None:
            yield BadRecord(where, E_DATE, f"unreadable item date {bad_date!r}")
            continue
        text = _item_text(entry)
        if not text:
            yield BadRecord(where, E_EMPTY, "item has neither content nor summary")
            continue
        title = html_to_text(entry.get("title") or "") or None
        yield Article(
            id=content_hash(" ".join(text.split())),
            text=text,
            date=day or default_date,
            title=title,
            source=outlet,
            url=entry.get("link") or None,
            origin=where,
        )


def read_feed(path: Path, *, default_date: dt.date | None = None) -> Iterator[Article | BadRecord]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield BadRecord(str(path), E_FEED, f"cannot read: {exc.strerror or exc}")
        return
    yield from parse_feed(data, origin=str(path), default_date=default_date)
