"""Run the web app with uvicorn: ``kronik serve`` calls :func:`serve`; ``python -m kronik.web`` too.

With several workers the listening socket is made here and shared by worker processes. It is created with
``IPPROTO_TCP`` on purpose: asyncio turns on TCP_NODELAY only for sockets that say so, and uvicorn's own
``--workers`` socket does not, which stalls every keep-alive response by about 40 ms (Nagle's algorithm
meeting delayed ACKs). Each worker accepts from it one connection at a time, pausing longer the more
connections it already holds (:func:`balanced_server`): asyncio alone accepts every queued connection at
once, so the first worker to wake took a burst of 20 keep-alive clients and left the others idle.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import signal
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: Default address: this machine only. Pass --host 0.0.0.0 to serve others (and set a token before ingesting).
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
#: Pending connections the listening socket queues.
BACKLOG = 2048
#: Seconds between a worker's checks that the process that started it still runs.
PARENT_CHECK_S = 1.0
#: Seconds a worker waits after accepting a connection, per connection it holds, before it accepts the next:
#: an idler worker takes the next one meanwhile (20 clients arriving at once are spread in about 30 ms).
ACCEPT_PAUSE_S = 0.0005


def address(host: str, port: int) -> str:
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::", "") else host
    return f"http://{shown}:{port}/"


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket (``IPPROTO_TCP``: see the module docstring)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(BACKLOG)
    sock.set_inheritable(True)
    return sock


def balanced_server(config: Any, listener: socket.socket) -> Any:
    """A uvicorn server for ``config`` that accepts from ``listener`` (shared with other worker processes)
    itself, one connection at a time (see the module docstring)."""
    import uvicorn

    class BalancedServer(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets=[])  # the app and its lifespan; no listener of uvicorn's own
            self._accepting = asyncio.get_running_loop().create_task(self._accept())

        async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
            self._accepting.cancel()
            await super().shutdown(sockets)

        async def _accept(self) -> None:
            loop = asyncio.get_running_loop()
            listener.setblocking(False)
            while True:
                conn, _ = await loop.sock_accept(listener)
                await loop.connect_accepted_socket(self._protocol, conn)  # TCP_NODELAY: see the docstring
                await asyncio.sleep(ACCEPT_PAUSE_S * len(self.server_state.connections))

        def _protocol(self) -> asyncio.Protocol:  # what uvicorn's own listener makes per connection
            return self.config.http_protocol_class(
                config=self.config, server_state=self.server_state, app_state=self.lifespan.state
            )

    return BalancedServer(config)


def _worker(
    db: str, token: str | None, sock: socket.socket, parent: int
) -> None:  # pragma: no cover (a child)
    import uvicorn

    from kronik.web.app import create_app

    def orphaned() -> None:  # the parent died without stopping us (killed): stop too
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_S)
        os._exit(0)

    threading.Thread(target=orphaned, daemon=True).start()
    config = uvicorn.Config(create_app(db, token), log_level="warning", access_log=False)
    balanced_server(config, sock).run()


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM stops the workers the way Ctrl-C does


def serve(
    db: str | Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    token: str | None = None,
    workers: int = 1,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve the app over ``db`` until interrupted.

    Args:
        db (str | Path): kronik database (created empty when missing).
        host (str), port (int): where to listen.
        token (str | None): bearer token for ``POST /api/ingest``; None leaves ingest off (403).
        workers (int): server processes; more than one serves reads on several cores (each keeps its own
            cache; ingest stays one writer at a time through SQLite's lock).
        announce (callable): gets the line that gives the address.
    """
    import uvicorn

    from kronik.web.app import create_app

    app = create_app(str(db), token)  # fails early (and creates the database) before anything listens
    sock = bind(host, port)
    announce(f"kronik serving {db} at {address(host, port)}  (Ctrl-C stops)")
    if workers <= 1:
        uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False)).run(sockets=[sock])
        return
    ctx = multiprocessing.get_context("spawn")
    args = (str(db), token, sock, os.getpid())
    procs = [ctx.Process(target=_worker, args=args, daemon=True) for _ in range(workers)]
    for p in procs:
        p.start()
    signal.signal(signal.SIGTERM, _stop)
    try:
        for p in procs:
            p.join()
    except KeyboardInterrupt:
        pass
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.join(timeout=10)
        sock.close()


def main(argv: list[str] | None = None) -> None:
    """``python -m kronik.web --db FILE [--host H] [--port N] [--workers W]`` (token: KRONIK_TOKEN)."""
    parser = argparse.ArgumentParser(prog="python -m kronik.web", description=main.__doc__)
    parser.add_argument("--db", default="kronik.db")
    parser.add_argument("--host", default=DEFAULT_HOST)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    serve(args.db, args.host, args.port, os.environ.get("KRONIK_TOKEN") or None, args.workers)
