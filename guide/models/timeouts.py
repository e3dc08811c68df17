"""How long the app waits for its database, so that a PostgreSQL that stops answering costs a
request seconds and a 503, never a hang (settings in seconds):

- `guide.db.connect_timeout`: connecting (libpq's own; it takes at least 2);
- `guide.db.statement_timeout`: each statement. PostgreSQL cancels a slow one itself; a server
  that does not answer at all (stopped, or a network that drops everything) cannot, so a
  watchdog here shuts the connection's socket a moment later. The driver then fails at once and
  SQLAlchemy discards the pool's connections to that server: the next request connects anew,
  which is how the app recovers when the database returns;
- `guide.db.pool_timeout`: waiting for one of the pool's connections.

Commands (imports, rebuilds) run without them: only the app's engine is given these.
"""
from __future__ import annotations

import logging
import os
import socket
import threading
import time

from sqlalchemy import event
from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

DEFAULTS = {"connect_timeout": 2.0, "statement_timeout": 3.0, "pool_timeout": 5.0}
#: How long after PostgreSQL's own statement timeout the watchdog gives up on the server.
GRACE_SECONDS = 0.5


def timeouts(settings) -> dict[str, float]:
    return {name: float(settings.get(f"guide.db.{name}", default)) for name, default in DEFAULTS.items()}


def engine_options(settings, url, connect_args: dict) -> dict:
    """get_engine's keyword arguments for a PostgreSQL engine with the settings' timeouts. The
    caller's `connect_args` are kept, and so are the URL's options (a search_path), which an
    `options` among the connect_args would otherwise replace."""
    limits = timeouts(settings)
    options = " ".join(filter(None, [make_url(url).query.get("options"), connect_args.get("options"),
                                     f"-c statement_timeout={int(limits['statement_timeout'] * 1000)}"]))
    return {"pool_timeout": limits["pool_timeout"],
            "connect_args": {**connect_args, "options": options,
                             "connect_timeout": max(1, round(limits["connect_timeout"]))}}


class Watchdog:
    """One thread for the process: it shuts the socket of a statement that has run past its
    deadline. Each statement costs two dictionary writes."""

    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self._running: dict[int, tuple[float, int]] = {}  # id of the driver's connection: (deadline, socket)
        self._lock = threading.Lock()
        self._busy = threading.Event()
        self._thread: threading.Thread | None = None

    def watch(self, engine, seconds: float) -> None:
        def started(conn, cursor, statement, parameters, context, executemany):
            driver = conn.connection.dbapi_connection
            with self._lock:
                self._running[id(driver)] = (self.clock() + seconds, driver.pgconn.socket)
                if self._thread is None:
                    self._thread = threading.Thread(target=self._run, name="db-watchdog", daemon=True)
                    self._thread.start()
            self._busy.set()

        event.listen(engine, "before_cursor_execute", started)
        event.listen(engine, "after_cursor_execute", lambda conn, *rest: self._forget(conn.connection))
        event.listen(engine, "handle_error", lambda context: context.connection is not None
                     and self._forget(context.connection.connection))

    def _forget(self, pooled) -> None:
        driver = getattr(pooled, "dbapi_connection", None)
        if driver is not None:
            with self._lock:
                self._running.pop(id(driver), None)

    def _run(self) -> None:
        while True:
            self._busy.wait()
            now = self.clock()
            with self._lock:
                late = [(key, fd) for key, (deadline, fd) in self._running.items() if deadline <= now]
                for key, _fd in late:
                    del self._running[key]
                if not self._running:
                    self._busy.clear()
            for _key, fd in late:
                # (info: the outage itself is logged once, by guide.models.outage)
                log.info("no answer from the database in time: its connection closed")
                _shut(fd)
            time.sleep(0.05)


def _shut(fd: int) -> None:
    # On a copy of the descriptor: the driver still owns (and will close) its own.
    try:
        copy = socket.socket(fileno=os.dup(fd))
    except OSError:
        return  # already closed
    try:
        copy.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    finally:
        copy.close()


WATCHDOG = Watchdog()


def watch(engine, settings) -> None:
    if engine.dialect.name == "postgresql":
        WATCHDOG.watch(engine, timeouts(settings)["statement_timeout"] + GRACE_SECONDS)
