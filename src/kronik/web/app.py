"""The web app: JSON API under ``/api`` and HTML pages under ``/``, served by one process over one database.

``create_app(db_path, token)`` is the factory; ``kronik serve`` runs it with uvicorn (:mod:`kronik.web.serve`).
Reads go through per-thread read-only connections (:mod:`kronik.web.queries`) and the process's column index
(:mod:`kronik.web.index`); answers and computed values are cached until the database changes
(:mod:`kronik.web.cache`); ingest goes through the library and one writer (:mod:`kronik.web.ingest`). Every
response carries a Content-Security-Policy that allows only the app's own scripts and styles, as a second wall
behind escaping (templates autoescape; article text is never marked safe).
"""

from __future__ import annotations

import os
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from kronik import __version__
from kronik.errors import KronikError, NotFoundError, StoreError
from kronik.store import Store
from kronik.web import api, pages
from kronik.web.cache import Cache, ResponseCache
from kronik.web.index import IndexHolder
from kronik.web.ingest import Writer
from kronik.web.queries import ReadOnlyDB

STATIC = Path(__file__).parent / "static"
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
ERROR_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
               411: "length_required", 413: "too_large", 415: "unsupported_media_type", 422: "invalid_parameter",
               500: "internal_error"}  # fmt: skip


class DropEmptyParams:
    """ASGI middleware: a query parameter sent empty (``?outlet=`` from a form left blank) is the same as
    one not sent, so that HTML forms work without JavaScript and the API does not 422 on blanks."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if v.strip()]
            if len(kept) != len(pairs):
                scope = {**scope, "query_string": urlencode(kept).encode("latin-1")}
        await self.app(scope, receive, send)


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every response."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.headers = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *self.headers]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(db_path: str, token: str | None = None, ingest_roots: list[str] | None = None) -> FastAPI:
    """The app over the database at ``db_path`` (created empty when missing).

    Args:
        db_path (str): the SQLite database kronik ingest writes.
        token (str | None): bearer token for ``POST /api/ingest``; without one, ingest is refused (403).
        ingest_roots (list[str] | None): folders whose files ``/api/ingest`` may read by path (default: the
            current directory).
    RETURNS (FastAPI): the app.
    """
    path = Path(db_path)
    if not path.exists():
        Store(path).close()  # an empty database with kronik's tables, ready for ingest by upload
    else:
        with suppress(StoreError):  # read-only media: serve what is there
            Store(path).close()  # apply migrations the database may lack
    db = ReadOnlyDB(path)

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        await run_in_threadpool(app.state.index.get)  # read the column index before the first request
        yield
        db.close()

    app = FastAPI(
        title="kronik",
        version=__version__,
        description="A checkable chronicle of Indonesian online news: search, articles, entities, quotes, "
        "events, timeline, actor graph and sources, as JSON. Lists are paginated: {items, total, limit, offset}.",
        docs_url=None,  # FastAPI's /docs loads Swagger UI from a CDN; /api/docs is served from here instead
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.db = db
    app.state.token = token or None
    app.state.writer = Writer(path)
    app.state.cached = Cache(db.generation)
    app.state.index = IndexHolder(db.conn, db.generation)
    app.state.ingest_roots = [Path(r).resolve() for r in (ingest_roots or [os.getcwd()])]
    app.state.templates = pages.environment()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _error_handlers(app)
    app.add_middleware(DropEmptyParams)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(ResponseCache, generation=db.generation)  # outermost: keeps the headers added inside
    return app


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory kronik.web.app:app_from_env``: ``KRONIK_DB`` and ``KRONIK_TOKEN``."""
    return create_app(os.environ.get("KRONIK_DB", "kronik.db"), os.environ.get("KRONIK_TOKEN"))


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api", "/static"))


def _error(request: Request, status: int, message: str, details: list[dict[str, Any]] | None = None,
           headers: dict[str, str] | None = None) -> Response:  # fmt: skip
    if _wants_html(request):
        return pages.error_page(request, status, message, details or [], headers)
    body: dict[str, Any] = {"status": status, "error": ERROR_CODES.get(status, "error"), "message": message}
    if details:
        body["details"] = details
    return JSONResponse(body, status_code=status, headers=headers)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = []
        for e in exc.errors():
            loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body", "header")]
            item = {"param": ".".join(loc) or "request", "message": e.get("msg", "invalid")}
            if "input" in e and isinstance(e["input"], str | int | float):
                item["input"] = e["input"]
            details.append(item)
        message = "; ".join(f"{d['param']}: {d['message']}" for d in details)
        return _error(request, 422, f"invalid parameter: {message}", details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        return _error(request, exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(KronikError)
    async def kronik_error(request: Request, exc: KronikError) -> Response:
        return _error(request, 400, str(exc))
