"""``tidings serve``: options, refusals, and a real server over a DuckDB store (no model loaded)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.api.seed import seed_articles
from tidings.cli.serve import check_port, is_loopback, serve, url_of


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.8.0.2", True), ("localhost", True), ("::1", True),
     ("0.0.0.0", False), ("192.0.2.7", False), ("::", False), ("example.org", False)],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_url_of() -> None:
    assert url_of("127.0.0.1", 8000) == "http://127.0.0.1:8000/"
    assert url_of("0.0.0.0", 80) == "http://127.0.0.1:80/"
    assert url_of("::1", 8080) == "http://[::1]:8080/"


def test_port_in_use_is_reported() -> None:
    import click

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        with pytest.raises(click.ClickException, match=f"port {port} on 127.0.0.1 is in use"):
            check_port("127.0.0.1", port)


def test_missing_store_is_refused(tmp_path: Path) -> None:
    r = CliRunner().invoke(serve, ["--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 1
    assert "no store at" in r.output and "tidings ingest" in r.output


def test_bad_port_is_a_usage_error() -> None:
    r = CliRunner().invoke(serve, ["--port", "70000"])
    assert r.exit_code == 2


@pytest.fixture()
def duckdb_file(tmp_path: Path) -> Path:
    from tidings.ingestion import store_coded
    from tidings.store.duckdb import DuckDBStore

    path = tmp_path / "seed.duckdb"
    store = DuckDBStore(path)
    store_coded(store, seed_articles())
    store.close()
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:  # noqa: S310 (loopback only)
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_serves_a_duckdb_store_read_only(duckdb_file: Path) -> None:
    port = _free_port()
    cmd = [sys.executable, "-c", "from tidings.cli.serve import serve; serve()",
           "--db", str(duckdb_file), "--port", str(port), "--no-coder"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                status, body = _get(base + "/api/meta")
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"server did not start: {proc.communicate(timeout=5)}") from None
                time.sleep(0.2)
        meta = json.loads(body)
        assert status == 200
        assert (meta["articles"], meta["events"], meta["coder_available"]) == (2, 5, False)
        status, body = _get(base + "/api/events?dyad=USA:RUS&q=woodward")
        assert status == 200 and json.loads(body)["total"] == 1
        assert _get(base + "/api/claims?status=contested")[0] == 200
        assert _get(base + "/")[0] == 200
        # the server holds no write lock: another reader can open the file meanwhile
        from tidings.store.duckdb import DuckDBStore

        other = DuckDBStore(duckdb_file, read_only=True)
        assert other.counts().events == 5
        other.close()
        req = urllib.request.Request(base + "/api/code", data=b'{"text": "x"}', headers={"content-type": "application/json"})
        try:
            urllib.request.urlopen(req, timeout=5)  # noqa: S310
            raise AssertionError("coding should be off")
        except urllib.error.HTTPError as exc:
            assert exc.code == 503
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=10)
    assert f"Tidings workbench: http://127.0.0.1:{port}/" in out
    assert "5 events from 2 articles" in out
