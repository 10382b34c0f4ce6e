"""The workbench app: the JSON API under ``/api`` and the built UI at ``/``.

>>> from tidings.store.memory import MemoryStore            # doctest: +SKIP
>>> app = create_app(MemoryStore(read_only=True))            # doctest: +SKIP

The app only reads the store it is given (``tidings serve`` opens it
read-only).  ``coder_factory`` builds the coder for ``POST /api/code`` on
first use; without one that route answers 503.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Protocol

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tidings import __version__
from tidings.api.routes import router
from tidings.errors import ModelError, StoreError, TidingsError
from tidings.lexicon.model import Lexicon
from tidings.store.base import EventStore
from tidings.types import Event

__all__ = ["create_app", "CoderLike", "Coding", "BodyLimit", "DEFAULT_MAX_BODY", "static_dir"]

#: largest request body accepted (bytes); POST /api/code texts are also capped in characters
DEFAULT_MAX_BODY = 128 * 1024

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)


class CoderLike(Protocol):
    def code_text(self, text: str, *, date: dt.date | None = None, article_id: str = "text") -> list[Event]: ...


class Coding:
    """Builds the coder on first use and codes one text at a time (the coder is not thread-safe)."""

    def __init__(self, factory: Callable[[], CoderLike] | None) -> None:
        self.factory = factory
        self._coder: CoderLike | None = None
        self._lock = threading.Lock()

    def code(self, text: str, date: dt.date | None) -> list[Event]:
        if self.factory is None:
            raise ModelError("no coder configured", code="E301", hint="start the app with a coder_factory")
        with self._lock:
            if self._coder is None:
                self._coder = self.factory()
            return self._coder.code_text(text, date=date, article_id="text")


class BodyLimit:
    """ASGI middleware: refuses request bodies over ``max_body`` bytes with 413.

    A declared Content-Length over the limit is refused before reading; a body
    without one is read up to the limit and refused as soon as it passes it.
    """

    def __init__(self, app: ASGIApp, *, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_body
            except ValueError:
                await self._refuse(scope, receive, send, 400, "bad Content-Length")
                return
            if too_big:
                await self._refuse(scope, receive, send, 413, f"request body larger than {self.max_body} bytes")
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return
            size += len(msg.get("body", b""))
            if size > self.max_body:
                await self._refuse(scope, receive, send, 413, f"request body larger than {self.max_body} bytes")
                return
            chunks.append(msg.get("body", b""))
            if not msg.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, detail: str) -> None:
        await JSONResponse({"detail": detail}, status_code=status)(scope, receive, send)


def static_dir() -> Path:
    """Where the built UI is (``src/tidings/web/static``, built from ``web/``)."""
    return Path(str(resources.files("tidings") / "web" / "static"))


def create_app(
    store: EventStore,
    *,
    coder_factory: Callable[[], CoderLike] | None = None,
    lexicon: Lexicon | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    ui_dir: Path | None = None,
) -> FastAPI:
    """The FastAPI app over ``store``; ``lexicon`` gives the actors' dated roles."""
    app = FastAPI(
        title="Tidings workbench API",
        version=__version__,
        description="Read-only access to a Tidings event store, and coding of pasted text. See docs/web.md.",
    )
    app.state.store = store
    app.state.lexicon = lexicon
    app.state.coding = Coding(coder_factory)
    app.include_router(router)

    @app.exception_handler(StoreError)
    async def store_failed(_request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(TidingsError)
    async def tidings_failed(_request: Request, exc: TidingsError) -> JSONResponse:
        status = 503 if isinstance(exc, ModelError) else 422
        return JSONResponse({"detail": str(exc)}, status_code=status)

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable) -> object:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if not request.url.path.startswith("/api/"):
            response.headers.setdefault("Content-Security-Policy", CSP)
            response.headers.setdefault("Cache-Control", "no-cache")
        return response

    ui = ui_dir or static_dir()
    index = ui / "index.html"
    if (ui / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=ui / "assets"), name="assets")

    @app.get("/", include_in_schema=False, response_model=None)
    async def home() -> FileResponse | PlainTextResponse:
        if not index.is_file():
            return PlainTextResponse(
                "The workbench UI is not built: run `npm ci && npm run build` in web/ (the API is at /api, /docs).",
                status_code=503,
            )
        return FileResponse(index, media_type="text/html")

    app.add_middleware(BodyLimit, max_body=max_body)
    return app
