"""The workbench in headless Chromium (Debian's ``chromium``, driven by Playwright).

Two runs of the real app over HTTP on 127.0.0.1:

* on a store made from ``examples/`` by the real coder: filter to USA-RUS,
  open the seed article, see the Woodward claim marked as contested;
* on the hand-built store of tests/api (no model): brush the timeline, use
  the map and network, code a pasted text, and lay the page out on a narrow
  screen.

Both check that the page logs no console error and save screenshots to
``test-artifacts/``.  Playwright only drives the browser: it downloads none
(``executable_path`` is Debian's chromium).
"""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
EXAMPLES = ROOT / "examples"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="browser tests need Chromium: install Debian chromium (apt-get install -y chromium) to enable",
    ),
]

sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="browser tests need the Python package playwright (pip install playwright==1.65.2; no browser download)",
)


class LiveServer:
    """The app served by uvicorn on a free loopback port, in a thread."""

    def __init__(self, app) -> None:
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


class Browser:
    """One headless Chromium with a fresh profile; records console errors of every page."""

    def __init__(self, profile: Path) -> None:
        self.pw = sync_api.sync_playwright().start()
        self.context = self.pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 800},
        )
        self.errors: list[str] = []

    def page(self, width: int = 1280, height: int = 800):
        page = self.context.new_page()
        page.set_viewport_size({"width": width, "height": height})
        page.set_default_timeout(15_000)
        page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        return page

    def close(self) -> None:
        self.context.close()
        self.pw.stop()


@pytest.fixture()
def browser(tmp_path: Path) -> Iterator[Browser]:
    ARTIFACTS.mkdir(exist_ok=True)
    b = Browser(tmp_path / "profile")
    try:
        yield b
    finally:
        b.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def wait_shown(page, timeout: float = 15.0) -> None:
    """Wait until the events view shows what the address asks for (it marks what it rendered).

    (Not ``wait_for_function``: the page's CSP forbids the eval it needs, as it should.)
    """
    deadline = time.monotonic() + timeout
    view = page.locator(".events-view")
    while view.get_attribute("data-shown") != (page.evaluate("location.hash") or "#/"):
        if time.monotonic() > deadline:
            raise AssertionError(f"the events view did not show {page.url}")
        page.wait_for_timeout(50)


def filter_dyad(page, dyad: str) -> None:
    # the view may still be drawing its panels (map, network) from the first load: a
    # late redraw would undo the filter, so wait until the page has fetched everything
    page.wait_for_load_state("networkidle")
    # a redraw after a window resize refills the form from the address; if one lands between
    # typing and submitting, the filter is lost: type and submit again
    for attempt in range(3):
        page.fill("input[name=dyad]", dyad)
        page.click("form.filters button[type=submit]")
        try:
            sync_api.expect(page).to_have_url(re.compile(r"dyad="), timeout=5_000)
            break
        except AssertionError:
            if attempt == 2:
                raise
    wait_shown(page)


def table_dyads(page) -> list[str]:
    return [t.strip() for t in page.locator("#events-table td.dyad").all_inner_texts()]


# ----------------------------------------------------------------- on the examples


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory: pytest.TempPathFactory, coder):
    from tidings.ingest import read_inputs
    from tidings.ingestion import ingest
    from tidings.store.duckdb import DuckDBStore

    db = tmp_path_factory.mktemp("store") / "examples.duckdb"
    writer = DuckDBStore(db)
    report = ingest(read_inputs([EXAMPLES]), store=writer, coder=coder, quiet=True)
    writer.close()
    assert report.added >= 1, report.summary()
    store = DuckDBStore(db, read_only=True)
    yield store
    store.close()


@pytest.mark.slow
def test_examples_usa_rus_to_contested_woodward_claim(examples_store, coder, lexicon, browser: Browser) -> None:
    from tidings.api.app import create_app

    app = create_app(examples_store, coder_factory=lambda: coder, lexicon=lexicon)
    with LiveServer(app) as server:
        page = browser.page()
        page.goto(server.url)
        wait_shown(page)
        page.wait_for_selector("#events-table table.events tbody tr")
        shot(page, "examples-all-events")

        filter_dyad(page, "USA:RUS")
        dyads = table_dyads(page)
        assert dyads, "no USA-RUS events in the examples"
        for d in dyads:
            assert re.fullmatch(r"(USA\w* → RUS\w*|RUS\w* → USA\w*)", d), d
        page.wait_for_selector("#timeline svg rect")
        shot(page, "examples-usa-rus")

        page.locator("a.article-link", has_text=re.compile(r"^seed$")).first.click()
        page.wait_for_selector(".article-view .article-text mark.hl-trigger")
        claim = page.locator(".panel-claims section.claim.claim-contested", has_text="Woodward")
        claim.first.wait_for()
        assert claim.first.locator(".badge.claim-contested").inner_text() == "contested"
        against = claim.first.locator(".claim-side").nth(1).inner_text()
        assert "Kremlin" in against or "RUS" in against, against
        card = page.locator(".event-card.claim-contested", has_text="Woodward")
        assert card.count() >= 1
        shot(page, "examples-seed-article")

        narrow = browser.page(390, 844)
        narrow.goto(page.url)
        narrow.wait_for_selector(".panel-claims section.claim.claim-contested")
        assert no_horizontal_scroll(narrow)
        shot(narrow, "examples-seed-article-narrow")
    assert browser.errors == []


# ----------------------------------------------------------------- on the hand-built store


@pytest.fixture()
def seed_server() -> Iterator[LiveServer]:
    from tests.api.seed import FakeCoder, seed_store
    from tidings.api.app import create_app

    with LiveServer(create_app(seed_store(), coder_factory=FakeCoder)) as server:
        yield server


def test_brushing_the_timeline_filters_the_table(seed_server: LiveServer, browser: Browser) -> None:
    page = browser.page()
    page.goto(seed_server.url + "#/?by=year")
    page.wait_for_selector("#events-table table.events tbody tr")
    assert len(table_dyads(page)) == 5
    box = page.locator("#timeline svg .brush .overlay").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    # the last third of the axis holds the 2025 events only
    page.mouse.move(box["x"] + box["width"] * 0.7, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 1, y, steps=5)
    page.mouse.up()
    sync_api.expect(page).to_have_url(re.compile(r"since=.*until="))
    sync_api.expect(page.locator("#events-table tbody tr")).to_have_count(4)
    since = page.input_value("input[name=since]")
    until = page.input_value("input[name=until]")
    dates = page.locator("#events-table tbody td:first-child").all_inner_texts()
    assert all(since <= d <= until for d in dates), (since, until, dates)
    assert "2021-01-01" not in dates
    shot(page, "seed-brushed")
    assert browser.errors == []


def test_network_map_and_narrow_layout(seed_server: LiveServer, browser: Browser) -> None:
    page = browser.page()
    page.goto(seed_server.url)
    page.wait_for_selector("#network svg .node")
    assert page.locator("#network svg .node").count() == 7
    conflict = page.locator("#network svg line.edge[stroke='rgb(198, 40, 40)'], #network svg line.edge[stroke='#c62828']")
    assert conflict.count() == 1  # RUSMIL -> UKR, Goldstein -10
    assert page.locator("#map svg path.country").count() > 100
    assert page.locator("#map svg .cluster").count() == 3
    page.get_by_role("button", name="Zoom in").click()
    sync_api.expect(page.locator("#map svg > g").first).to_have_attribute("transform", re.compile(r"scale\(2\)"))
    assert page.locator("#map svg .cluster").count() == 3
    page.get_by_role("button", name="Whole world").click()
    sync_api.expect(page.locator("#map svg > g").first).to_have_attribute("transform", re.compile(r"scale\(1\)"))
    page.locator("#network svg .node", has_text="CHNGOV").click()
    sync_api.expect(page).to_have_url(re.compile(r"actor=CHNGOV"))
    sync_api.expect(page.locator("#events-table tbody tr")).to_have_count(1)
    narrow = browser.page(390, 844)
    narrow.goto(seed_server.url)
    narrow.wait_for_selector("#events-table table.events tbody tr")
    assert no_horizontal_scroll(narrow)
    panels = narrow.locator(".grid > .panel:visible")
    xs = {round(panels.nth(i).bounding_box()["x"]) for i in range(panels.count())}
    assert len(xs) == 1, "panels should stack in one column on a narrow screen"
    wrap = narrow.locator("#events-table")
    assert wrap.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), "the table should fit (as cards)"
    shot(narrow, "seed-events-narrow")
    assert browser.errors == []


def test_code_this_text_shows_events_at_once(seed_server: LiveServer, browser: Browser) -> None:
    from tests.api.seed import S3

    page = browser.page()
    page.goto(seed_server.url + "#/code")
    page.fill("textarea[name=text]", "Reports from the front. " + S3)
    page.wait_for_selector(".code-results .event-card")
    card = page.locator(".code-results .event-card").first.inner_text()
    assert "RUSMIL" in card and "190" in card
    assert page.locator(".code-results .article-text mark.hl-trigger").inner_text() == "attacked"
    shot(page, "seed-code-text")
    page.fill("textarea[name=text]", "Nothing of note.")
    page.wait_for_selector(".code-results .empty")
    assert browser.errors == []


def test_event_view_lists_all_mentions(seed_server: LiveServer, browser: Browser) -> None:
    page = browser.page()
    page.goto(seed_server.url + "#/?q=woodward")
    wait_shown(page)
    page.locator("#events-table a.event-link").first.click()
    page.wait_for_selector(".event-view .mention-list .event-card")
    cards = page.locator(".event-view .event-card")
    assert cards.count() == 2
    text = " ".join(cards.all_inner_texts())
    assert "Bob Woodward" in text and "Kremlin" in text and "denied" in text
    page.locator(".event-view h3 a", has_text="seed-a").click()
    page.wait_for_selector(".article-view .event-card.selected")
    assert browser.errors == []


def test_unknown_article_is_reported_on_the_page(seed_server: LiveServer, browser: Browser) -> None:
    page = browser.page()
    page.goto(seed_server.url + "#/article/no-such-article")
    err = page.locator(".article-view p.error")
    err.wait_for()
    assert "no article no-such-article" in err.inner_text()
    assert "Error" in page.locator("#status").inner_text()
    # the browser itself logs the 404 of the request; nothing else may go wrong
    assert all("404" in e for e in browser.errors), browser.errors
