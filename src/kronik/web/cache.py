"""Per-process caches of what the database gives, dropped whenever the database changes.

Both key on the database's stamp (``ReadOnlyDB.generation``: the size and time of its file and write-ahead
log), checked on every use, so that an ingest through any server process is seen by all of them at their next
request. :class:`Cache` keeps computed values (corpus counts, the outlet list, entity profiles, the all-time
graph); :class:`ResponseCache` keeps whole answers to GET requests, so that a page or an API answer asked for
again costs a dictionary lookup instead of queries and a template.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import cookie_parser

from kronik.web.i18n import pick_language

#: Entries kept by :class:`Cache`.
CACHE_SIZE = 512
#: Bytes of bodies kept by :class:`ResponseCache` per process, and the largest body kept.
RESPONSE_CACHE_BYTES = 64 * 2**20
RESPONSE_MAX_BYTES = 2 * 2**20
#: Paths whose answers are never kept: static files (StaticFiles answers them cheaply, with ETags).
UNCACHED_PREFIXES = ("/static/",)
CACHE_HEADER = b"x-kronik-cache"


class Cache:
    """Values computed from the database, least recently used first out, all dropped whenever the database
    changes. Used from the server's worker threads."""

    def __init__(self, generation: Callable[[], tuple[int, ...]], size: int = CACHE_SIZE) -> None:
        self.generation = generation
        self.size = size
        self._values: OrderedDict[str, Any] = OrderedDict()
        self._generation: tuple[int, ...] = ()
        self._lock = threading.Lock()

    def __call__(self, key: str, compute: Callable[[], Any]) -> Any:
        generation = self.generation()
        with self._lock:
            if generation != self._generation:
                self._values.clear()
                self._generation = generation
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = compute()
        with self._lock:
            self._values[key] = value
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value


class ResponseCache:
    """ASGI middleware keeping successful (200) answers to GET requests until the database changes.

    The key is the path, the query string and, for pages (not ``/api``), the interface language the request
    gets (from ``?lang=``, the ``lang`` cookie or Accept-Language): nothing else a GET answer depends on. The
    stored answer has every header the inner app sent (security headers, a ``lang`` cookie set by ``?lang=``)
    plus ``x-kronik-cache: hit``; a computed one says ``miss``. A request with ``Cache-Control: no-cache``
    gets a fresh answer (and keeps it). Runs on the event loop: no lock needed.
    """

    def __init__(self, app: Any, generation: Callable[[], tuple[int, ...]],
                 limit: int = RESPONSE_CACHE_BYTES) -> None:  # fmt: skip
        self.app = app
        self.generation = generation
        self.limit = limit
        self.used = 0
        self._items: OrderedDict[tuple[str, bytes, str], tuple[dict[str, Any], bytes]] = OrderedDict()
        self._stamp: tuple[int, ...] = ()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(UNCACHED_PREFIXES):
            await self.app(scope, receive, send)
            return
        stamp = self.generation()
        if stamp != self._stamp:
            self._items.clear()
            self.used = 0
            self._stamp = stamp
        headers = scope["headers"]
        key = (scope["path"], scope.get("query_string", b""), _language(scope, headers))
        fresh = b"no-cache" in _header(headers, b"cache-control")
        if not fresh and (hit := self._items.get(key)) is not None:
            self._items.move_to_end(key)
            start, body = hit
            await send({**start, "headers": [*start["headers"], (CACHE_HEADER, b"hit")]})
            await send({"type": "http.response.body", "body": body})
            return
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keep(message: dict[str, Any]) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                message = {**message, "headers": [*message.get("headers", []), (CACHE_HEADER, b"miss")]}
            elif message["type"] == "http.response.body" and start.get("status") == 200:
                chunks.append(message.get("body", b""))
                if not message.get("more_body"):
                    self._keep(key, start, b"".join(chunks), stamp)
            await send(message)

        await self.app(scope, receive, keep)

    def _keep(
        self, key: tuple[str, bytes, str], start: dict[str, Any], body: bytes, stamp: tuple[int, ...]
    ) -> None:
        if len(body) > RESPONSE_MAX_BYTES or stamp != self._stamp:
            return
        if key in self._items:
            self.used -= len(self._items.pop(key)[1])
        self._items[key] = ({"type": start["type"], "status": start["status"],
                             "headers": list(start.get("headers", []))}, body)  # fmt: skip
        self.used += len(body)
        while self.used > self.limit and self._items:
            self.used -= len(self._items.popitem(last=False)[1][1])


def _language(scope: dict[str, Any], headers: list[tuple[bytes, bytes]]) -> str:
    """The interface language a page request gets ("" for the API, whose answers have none), read the way
    the page reads it (the last non-blank ``lang`` parameter, the first Cookie and Accept-Language headers)."""
    if scope["path"].startswith("/api/") and scope["path"] != "/api/docs":
        return ""
    query = parse_qsl(scope.get("query_string", b"").decode("latin-1"))
    asked = next((v for k, v in reversed(query) if k == "lang" and v.strip()), None)
    cookie = cookie_parser(_header(headers, b"cookie").decode("latin-1")).get("lang")
    return pick_language(asked, cookie, _header(headers, b"accept-language").decode("latin-1") or None)


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> bytes:
    return next((v for k, v in headers if k == name), b"")
