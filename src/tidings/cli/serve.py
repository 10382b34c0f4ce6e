"""``tidings serve``: the analyst's workbench (web UI and JSON API) over an event store."""

from __future__ import annotations

import errno
import ipaddress
import socket
from pathlib import Path

import click

from ..errors import TidingsError


def is_loopback(host: str) -> bool:
    """Whether ``host`` only listens on this machine (localhost, 127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_port(host: str, port: int) -> None:
    """Fail with a clear message when ``host:port`` cannot be bound (in use, not an address here)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise click.ClickException(f"port {port} on {host} is in use: pick another with --port") from exc
            raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror}") from exc


def url_of(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


@click.command()
@click.option("--db", "db", default="tidings.duckdb", show_default=True, type=click.Path(dir_okay=False),
              help="The event store to show (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Only this machine can connect unless you give another.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--no-coder", is_flag=True, help="Do not offer 'code this text' (no spaCy model is loaded).")
@click.option("--max-body", default=128 * 1024, show_default=True, type=click.IntRange(1024, 16 * 1024 * 1024),
              help="Largest request body accepted, in bytes.")
def serve(db: str, host: str, port: int, no_coder: bool, max_body: int) -> None:
    """Serve the analyst's workbench: events, timelines, network, map, articles, claims.

    The store is opened read-only; the JSON API is under /api (OpenAPI
    description at /openapi.json, interactive at /docs).

    \b
    Examples:
      tidings serve --db tidings.duckdb
      tidings serve --db news.duckdb --port 8080
    """
    import uvicorn

    from .. import default_coder
    from ..api.app import create_app, static_dir
    from ..lexicon import load_lexicon
    from ..store.duckdb import DuckDBStore

    if not Path(db).exists():
        raise click.ClickException(f"no store at {db}: make one with `tidings ingest FILES --db {db}`")
    try:
        store = DuckDBStore(db, read_only=True)
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        lexicon = load_lexicon()
    except TidingsError as exc:
        click.echo(f"tidings: warning: actor roles unavailable: {exc}", err=True)
        lexicon = None
    if not is_loopback(host):
        click.echo(f"tidings: warning: listening on {host}: other machines can reach this server.", err=True)
    if not (static_dir() / "index.html").is_file():
        click.echo("tidings: warning: the web UI is not built (npm ci && npm run build in web/); serving the API only.",
                   err=True)
    check_port(host, port)
    app = create_app(store, coder_factory=None if no_coder else default_coder, lexicon=lexicon, max_body=max_body)
    counts = store.counts()
    click.echo(f"Tidings workbench: {url_of(host, port)}  ({counts.events} events from {counts.articles} articles "
               f"in {db}; Ctrl+C to stop)")
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        store.close()
