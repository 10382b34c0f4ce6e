"""Saved HTML news pages: main text, title, date, outlet and author via trafilatura.

The article id is a hash of the extracted text (a page saved twice is one
article).  The outlet (``Article.source``) is the page's site name, else its
host name.  ``Article`` has no author field yet: the author is extracted
(:func:`extract_page`) but not carried into the article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tidings.errors import E_BINARY, E_EMPTY, E_ENCODING, E_HTML
from tidings.types import Article, BadRecord, content_hash

__all__ = ["Page", "decode_html", "extract_page", "html_to_article", "page_to_article", "read_html"]

#: pages with less main text than this are reported (menus, error pages, paywalls)
MIN_TEXT_CHARS = 80


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None
    date: dt.date | None
    author: str | None
    sitename: str | None
    url: str | None


def decode_html(data: bytes) -> str | None:
    """Bytes of a page as text: UTF-8 (with or without BOM), else the charset it declares, else None."""
    if b"\x00" in data[:4096]:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    head = data[:2048].decode("ascii", errors="ignore").lower()
    marker = head.find("charset=")
    if marker >= 0:
        charset = head[marker + 8 :].strip("\"' ").split('"')[0].split("'")[0].split(";")[0].split(">")[0].strip()
        try:
            return data.decode(charset or "latin-1")
        except (LookupError, UnicodeDecodeError):
            return None
    return None


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_page(html: str, *, url: str | None = None) -> Page | None:
    """Main text and metadata of a page, or None when trafilatura finds no main text."""
    from trafilatura import bare_extraction

    doc = bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    if doc is None:
        return None
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (d.get("text") or "").strip()
    title = (d.get("title") or "").strip() or None
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :].lstrip()
    site = d.get("sitename") or d.get("hostname") or None
    return Page(
        text=text,
        title=title,
        date=_date(d.get("date")),
        author=d.get("author") or None,
        sitename=site.removeprefix("www.") if isinstance(site, str) else None,
        url=d.get("url") or url,
    )


def page_to_article(page: Page, *, origin: str, default_date: dt.date | None = None) -> Article | BadRecord:
    if len(page.text) < MIN_TEXT_CHARS:
        return BadRecord(origin, E_HTML, f"no article text found (main text {len(page.text)} characters)")
    return Article(
        id=content_hash(" ".join(page.text.split())),
        text=page.text,
        date=page.date or default_date,
        title=page.title,
        source=page.sitename,
        url=page.url,
        origin=origin,
    )


def html_to_article(
    data: bytes, *, origin: str, url: str | None = None, default_date: dt.date | None = None
) -> Article | BadRecord:
    """One page's bytes to an article, or a bad record saying why not."""
    if not data.strip():
        return BadRecord(origin, E_EMPTY, "empty page")
    html = decode_html(data)
    if html is None:
        if b"\x00" in data[:4096]:
            return BadRecord(origin, E_BINARY, "binary content, not an HTML page")
        return BadRecord(origin, E_ENCODING, "cannot decode the page (not UTF-8 and no usable charset)")
    if "<" not in html[:5000]:
        return BadRecord(origin, E_HTML, "no HTML markup in the first 5,000 characters")
    try:
        page = extract_page(html, url=url)
    except (ValueError, TypeError, AttributeError, RecursionError) as exc:
        return BadRecord(origin, E_HTML, f"unreadable HTML: {type(exc).__name__}: {exc}")
    if page is None:
        return BadRecord(origin, E_HTML, "unreadable HTML: no main text could be extracted")
    return page_to_article(page, origin=origin, default_date=default_date)


def read_html(path: Path, *, default_date: dt.date | None = None) -> Iterator[Article | BadRecord]:
    """One article from a saved page (``origin`` is the file name)."""
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield BadRecord(origin, E_HTML, f"cannot read: {exc.strerror or exc}")
        return
    yield html_to_article(data, origin=origin, default_date=default_date)
