"""Saved HTML pages, RSS/Atom feeds and WARC files: good records read, bad ones reported and skipped."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from tidings.errors import E_DATE, E_EMPTY, E_FIELD, E_HTML, E_WARC
from tidings.ingest.feeds import html_to_text
from tidings.ingest.formats import format_of, read_any
from tidings.ingest.language import check_english
from tidings.types import Article, BadRecord

BODY = (
    "<p>Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday, "
    "the Kremlin said in a statement after the talks.</p>"
    "<p>The two leaders discussed trade and the war in Ukraine during talks that lasted more than "
    "three hours, officials on both sides said.</p>"
)


def page(body: str = BODY, *, title: str = "Putin meets Xi", date: str | None = "2025-02-11") -> bytes:
    meta = f'<meta property="article:published_time" content="{date}T09:00:00Z">' if date else ""
    return (
        f"<!doctype html><html><head><title>{title}</title>{meta}"
        f'<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Daily Planet"></head>'
        f"<body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><article><h1>{title}</h1>{body}</article>"
        "<footer>(c) Daily Planet</footer></body></html>"
    ).encode()


def split(recs: list[Article | BadRecord]) -> tuple[list[Article], list[BadRecord]]:
    return [r for r in recs if isinstance(r, Article)], [r for r in recs if isinstance(r, BadRecord)]


def test_html_page_main_text_title_date_outlet(tmp_path: Path) -> None:
    f = tmp_path / "story.html"
    f.write_bytes(page())
    [a] = list(read_any(f))
    assert isinstance(a, Article)
    assert a.text.startswith("Russian President Vladimir Putin met")
    assert "Home" not in a.text and "(c)" not in a.text
    assert a.title == "Putin meets Xi" and a.date == dt.date(2025, 2, 11) and a.source == "Daily Planet"
    assert a.origin == str(f)
    g = tmp_path / "copy.htm"
    g.write_bytes(page(title="Other headline"))
    [b] = list(read_any(g))
    assert isinstance(b, Article) and b.id == a.id  # id is a hash of the text


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", E_EMPTY),
        (b"\x00\x01\x02binary\x00" * 20, "E102"),
        (b"<html><body><div><span>Home</span></div></body></html>", E_HTML),
        (b"just some words without markup at all", E_HTML),
        (b"<html><body><p>unclosed <b><i><div>" + b"\xff\xfe" * 10, None),
    ],
)
def test_malformed_html_is_reported(tmp_path: Path, data: bytes, code: str | None) -> None:
    f = tmp_path / "bad.html"
    f.write_bytes(data)
    [r] = list(read_any(f))
    assert isinstance(r, BadRecord) and r.origin == str(f)
    if code:
        assert r.code == code


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>World Wire</title><link>https://wire.example</link>
<item><title>Putin meets Xi</title><link>https://wire.example/1</link>
<description>short summary</description>
<content:encoded><![CDATA[{body}]]></content:encoded>
<pubDate>Tue, 11 Feb 2025 10:00:00 GMT</pubDate></item>
<item><title>Bad date</title><link>https://wire.example/2</link><description>Leaders met again.</description>
<pubDate>the day after tomorrow</pubDate></item>
<item><title>No text</title><link>https://wire.example/3</link></item>
<item><title>Summary only</title><link>https://wire.example/4</link>
<description>&lt;p&gt;Protesters marched in &lt;b&gt;Lagos&lt;/b&gt; on Monday.&lt;/p&gt;</description></item>
</channel></rss>"""


def test_rss_items_with_bad_dates_are_reported_per_record(tmp_path: Path) -> None:
    f = tmp_path / "wire.rss"
    f.write_text(RSS.format(body=BODY), encoding="utf-8")
    good, bad = split(list(read_any(f)))
    assert [a.url for a in good] == ["https://wire.example/1", "https://wire.example/4"]
    assert good[0].date == dt.date(2025, 2, 11) and good[0].source == "World Wire"
    assert good[0].text.startswith("Russian President") and "\n" in good[0].text  # content, paragraphs kept
    assert good[1].text == "Protesters marched in Lagos on Monday." and good[1].date is None
    assert good[0].origin == f"{f}#record-1" and good[1].origin == f"{f}#record-4"
    assert [(b.origin, b.code) for b in bad] == [(f"{f}#record-2", E_DATE), (f"{f}#record-3", E_EMPTY)]


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>Talks</title><link href="https://atom.example/t"/><updated>2025-02-12T08:00:00Z</updated>
<summary type="html">&lt;p&gt;Envoys from both countries negotiated in Geneva.&lt;/p&gt;</summary></entry>
</feed>"""


def test_atom_feed_and_xml_dispatch(tmp_path: Path) -> None:
    f = tmp_path / "news.xml"
    f.write_text(ATOM, encoding="utf-8")
    assert format_of(f) == "feed"
    [a] = list(read_any(f))
    assert isinstance(a, Article)
    assert (a.text, a.url, a.date, a.source) == (
        "Envoys from both countries negotiated in Geneva.",
        "https://atom.example/t",
        dt.date(2025, 2, 12),
        "Atom News",
    )
    h = tmp_path / "page.xml"
    h.write_bytes(page())
    assert format_of(h) == "html"


def test_broken_feed_is_reported(tmp_path: Path) -> None:
    f = tmp_path / "broken.atom"
    f.write_text("<feed><entry><title>cut off", encoding="utf-8")
    [r] = list(read_any(f))
    assert isinstance(r, BadRecord) and r.code in ("E109", E_EMPTY)  # nothing readable, or an item without text


def _warc(records: list[tuple[str, bytes, str]], *, gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for url, payload, status in records:
        headers = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers))
        w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_warc_pages(tmp_path: Path, gz: bool) -> None:
    data = _warc(
        [
            ("https://planet.example/a", page(), "200 OK"),
            ("https://planet.example/missing", b"<html><body>Not found</body></html>", "404 Not Found"),
            ("https://planet.example/b", page(BODY.replace("Moscow", "Beijing"), date=None), "200 OK"),
        ],
        gz=gz,
    )
    f = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    f.write_bytes(data)
    good, bad = split(list(read_any(f)))
    assert [a.url for a in good] == ["https://planet.example/a", "https://planet.example/b"]
    assert good[0].date == dt.date(2025, 2, 11)
    assert good[1].date is not None  # no date in the page: the capture date stands in
    assert good[0].origin == f"{f}#record-1" and good[1].origin == f"{f}#record-5"
    assert [(b.origin, b.code) for b in bad] == [(f"{f}#record-3", E_HTML)]


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_warc_keeps_what_came_before(tmp_path: Path, gz: bool) -> None:
    data = _warc(
        [("https://planet.example/a", page(), "200 OK"), ("https://planet.example/b", page(), "200 OK")], gz=gz
    )
    f = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    f.write_bytes(data[: int(len(data) * 0.8)])  # inside the second page
    good, bad = split(list(read_any(f)))
    assert [a.url for a in good] == ["https://planet.example/a"]
    assert [(b.origin, b.code) for b in bad] == [(f"{f}#record-3", E_WARC)]
    f.write_bytes(data[:200])  # inside the first record's headers or payload
    good, bad = split(list(read_any(f)))
    assert good == [] and len(bad) == 1 and bad[0].code == E_WARC


def test_unknown_suffix(tmp_path: Path) -> None:
    f = tmp_path / "x.pdf"
    f.write_bytes(b"%PDF")
    [r] = list(read_any(f))
    assert isinstance(r, BadRecord) and r.code == E_FIELD


def test_html_to_text() -> None:
    assert html_to_text("<p>a &amp; b</p><script>x()</script><p>c</p>") == "a & b\nc"


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("The president met his counterpart in the capital on Tuesday and the two agreed to hold more talks.", True),
        ("Le président a rencontré son homologue dans la capitale mardi et les deux ont convenu de poursuivre.", False),
        (
            "Der Präsident traf am Dienstag seinen Amtskollegen in der Hauptstadt und beide vereinbarten weitere Gespräche.",
            False,
        ),
        (
            "El presidente se reunió el martes con su homólogo en la capital y ambos acordaron celebrar más conversaciones.",
            False,
        ),
        (
            "Президент встретился со своим коллегой в столице во вторник, и они договорились провести новые переговоры.",
            False,
        ),
        ("Short headline", True),
    ],
)
def test_language_check(text: str, english: bool) -> None:
    v = check_english(text)
    assert v.english is english, v.reason
