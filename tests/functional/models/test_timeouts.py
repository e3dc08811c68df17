"""A database that stops answering (guide.models.timeouts, guide.models.outage): seconds and a
503, never a hang; one log line for the outage and one for its end; back on its own."""
import logging
import socket
import threading
import time

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from webtest import TestApp

from guide import main
from guide.models import get_engine

#: the timeouts the issue asks to be tested with, in seconds
ONE_SECOND = {"guide.db.connect_timeout": "1", "guide.db.statement_timeout": "1", "guide.db.pool_timeout": "1"}
#: far longer than any timeout here: a request still running then is a hang
HANG = 30


@pytest.fixture
def postgres_url(db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("statement and connect timeouts are PostgreSQL's (set GUIDE_TEST_DATABASE_URL)")
    return make_url(db_url)


class FreezableProxy:
    """PostgreSQL behind a TCP proxy that can stop forwarding: frozen, it is a server that
    accepts connections and reads what it is sent but never answers (a stopped process, or a
    network that drops everything)."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.frozen = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = [self.listener]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return  # closed
            self.sockets.append(client)
            if self.frozen.is_set():
                threading.Thread(target=self._pump, args=(client, None), daemon=True).start()
                continue
            upstream = socket.create_connection(self.target)
            self.sockets.append(upstream)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source, sink):
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                data = b""
            if not data:
                if sink is not None:
                    _close(sink)
                return
            if sink is not None and not self.frozen.is_set():
                try:
                    sink.sendall(data)
                except OSError:
                    return

    def close(self):
        for s in self.sockets:
            _close(s)


def _close(s):
    try:
        s.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    s.close()


@pytest.fixture
def proxy(postgres_url):
    proxy = FreezableProxy(postgres_url.host or "127.0.0.1", postgres_url.port or 5432)
    yield proxy
    proxy.close()


def timed(call):
    """(the answer, seconds taken), failing the test instead of hanging with it."""
    result, started = {}, time.monotonic()
    worker = threading.Thread(target=lambda: result.setdefault("answer", call()), daemon=True)
    worker.start()
    worker.join(HANG)
    assert not worker.is_alive(), f"no answer in {HANG} s: the request hangs"
    return result.get("answer"), time.monotonic() - started


def test_a_slow_statement_is_cancelled_by_postgresql(postgres_url):
    engine = get_engine({"sqlalchemy.url": postgres_url.render_as_string(hide_password=False), **ONE_SECOND},
                        timeouts=True)
    try:
        with engine.connect() as connection, pytest.raises(OperationalError, match="statement timeout"):
            connection.execute(text("SELECT pg_sleep(5)"))
        with engine.connect() as connection:  # the connection is fine afterwards
            assert connection.scalar(text("SELECT 1")) == 1
    finally:
        engine.dispose()


def test_a_database_that_stops_answering_gives_503_in_seconds_and_the_app_recovers(
        proxy, postgres_url, app_settings, caplog):
    url = postgres_url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    wsgi = main({}, **{**app_settings, **ONE_SECOND, "sqlalchemy.url": url})
    app = TestApp(wsgi)
    try:
        assert app.get("/en/items/GAJ-0014").status_int == 200
        caplog.set_level(logging.INFO)
        proxy.frozen.set()

        for path in ("/en/items/GAJ-0001", "/en/departments", "/en/items/GAJ-0014"):
            page, seconds = timed(lambda: app.get(path, expect_errors=True))
            assert page.status_int == 503 and seconds < 10, (path, page.status, seconds)
            assert page.headers["Retry-After"] == "5" and page.content_type == "text/html"
            assert "try again" in page.html.select_one("main").text
        api, seconds = timed(lambda: app.get("/api/v1/items", expect_errors=True))
        assert api.status_int == 503 and seconds < 10
        assert api.json["error"]["status"] == 503
        # Liveness stays fast (it reads no database); readiness says what is down.
        health, seconds = timed(lambda: app.get("/healthz"))
        assert health.json == {"status": "ok"} and seconds < 1
        ready, seconds = timed(lambda: app.get("/readyz", expect_errors=True))
        assert ready.status_int == 503 and ready.json["database"] == "down" and seconds < 10

        # One line for the outage, not a traceback per request.
        unavailable = [r for r in caplog.records if "database unavailable" in r.getMessage()]
        assert len(unavailable) == 1 and not any(r.exc_info for r in caplog.records)

        proxy.frozen.clear()
        back, seconds = timed(lambda: app.get("/en/items/GAJ-0001"))
        assert back.status_int == 200
        assert sum("database answering again" in r.getMessage() for r in caplog.records) == 1
    finally:
        wsgi.registry["search"].close()
        wsgi.registry["dbengine"].dispose()
