"""Fixtures: the real app on a real database, SQLite by default or GUIDE_TEST_DATABASE_URL.

The sample catalogue and content are loaded once per run into the main test database; tests
that write (imports) get an empty scratch database of their own so they cannot disturb it.
"""
from __future__ import annotations

import datetime as dt
import itertools
import os
from contextlib import contextmanager
from pathlib import Path

import pytest
import transaction
from sqlalchemy import make_url, text
from webtest import TestApp

from guide import main, migrations
from guide.catalogue.importer import import_catalogue
from guide.models import get_engine, get_session_factory, get_tm_session, transaction_scope
from guide.content import load_content

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
_scratch_numbers = itertools.count()


def _reset_postgres(engine, schema: str = "public") -> None:
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))


@contextmanager
def _admin_engine(db_url, **options):
    engine = get_engine({"sqlalchemy.url": db_url}, **options)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def db_url(tmp_path_factory, worker_id) -> str:
    """SQLite in the run's (or the xdist worker's) temporary folder, or GUIDE_TEST_DATABASE_URL:
    used as it is by a run in one process; each xdist worker gets a database of its own beside
    it, on the same server, made afresh (the worker's id appended to the name)."""
    url = os.environ.get("GUIDE_TEST_DATABASE_URL")
    if not url:
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
    if worker_id == "master" or not url.startswith("postgresql"):
        return url
    named = make_url(url)
    own = named.set(database=f"{named.database}_{worker_id}")
    with _admin_engine(url, isolation_level="AUTOCOMMIT") as admin, admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{own.database}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{own.database}"'))
    return own.render_as_string(hide_password=False)


class Database:
    """An engine plus transaction-managed sessions, like the `guide` command uses."""

    def __init__(self, engine, url: str | None = None):
        self.engine = engine
        self.session_factory = get_session_factory(engine)
        #: a URL the `guide` command can be given for this database
        self.url = url or engine.url.render_as_string(hide_password=False)

    def transaction(self):
        return transaction_scope(self.session_factory)


@pytest.fixture(scope="session")
def database(db_url) -> Database:
    engine = get_engine({"sqlalchemy.url": db_url})
    if engine.dialect.name == "postgresql":
        _reset_postgres(engine)
    migrations.upgrade(engine)
    db = Database(engine)
    with db.transaction() as dbsession:
        import_catalogue(dbsession, CONTENT / "catalogue")
    with db.transaction() as dbsession:
        load_content(dbsession, CONTENT)
    yield db
    engine.dispose()


@pytest.fixture
def blank(db_url, tmp_path) -> Database:
    """An empty database with no tables: a new SQLite file or PostgreSQL schema."""
    schema = None
    if db_url.startswith("sqlite"):
        engine = get_engine({"sqlalchemy.url": f"sqlite:///{tmp_path / 'scratch.sqlite'}"})
    else:
        schema = f"scratch_{os.getpid()}_{next(_scratch_numbers)}"
        with _admin_engine(db_url) as admin:
            _reset_postgres(admin, schema)
        engine = get_engine({"sqlalchemy.url": db_url}, connect_args={"options": f"-csearch_path={schema}"})
    url = None if schema is None else f"{db_url}?options=-csearch_path%3D{schema}"
    yield Database(engine, url)
    engine.dispose()
    if schema:
        with _admin_engine(db_url) as admin, admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture
def scratch(blank) -> Database:
    """An empty, migrated database for tests that write."""
    migrations.upgrade(blank.engine)
    return blank


class MovableClock:
    """The app's clock in tests: the real time unless set, moved by hand, never slept on."""

    def __init__(self):
        self.fixed: dt.datetime | None = None

    def now(self) -> dt.datetime:
        return self.fixed or dt.datetime.now(dt.timezone.utc)

    def set(self, instant: dt.datetime) -> None:
        self.fixed = instant.astimezone(dt.timezone.utc)

    def advance(self, **delta) -> None:
        self.fixed = self.now() + dt.timedelta(**delta)


@pytest.fixture(scope="session")
def session_clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def clock(session_clock) -> MovableClock:
    """The session app's clock, back to the real time after each test."""
    yield session_clock
    session_clock.fixed = None


@pytest.fixture(scope="session")
def app_settings(db_url, tmp_path_factory, session_clock) -> dict:
    return {"sqlalchemy.url": db_url, "pyramid.default_locale_name": "zh_Hans",
            "guide.search.index_dir": str(tmp_path_factory.mktemp("index")),
            "guide.secret": "a test secret that is long enough to sign sessions", "guide.clock": session_clock}


@pytest.fixture(scope="session")
def wsgi_app(database, app_settings):
    return main({}, dbengine=database.engine, **app_settings)


@pytest.fixture
def testapp(wsgi_app) -> TestApp:
    return TestApp(wsgi_app)


@pytest.fixture
def tm():
    """A transaction every request of a test shares, doomed: whatever a test writes through
    the app is undone afterwards (pyramid-cookiecutter-starter's pattern)."""
    manager = transaction.TransactionManager(explicit=True)
    manager.begin()
    manager.doom()
    yield manager
    manager.abort()


@pytest.fixture
def dbsession(wsgi_app, tm):
    return get_tm_session(wsgi_app.registry["dbsession_factory"], tm)


@pytest.fixture
def doomed_app(wsgi_app, tm, dbsession) -> TestApp:
    """The app, its requests inside the test's doomed transaction."""
    return TestApp(wsgi_app, extra_environ={"tm.active": True, "tm.manager": tm, "app.dbsession": dbsession})


@pytest.fixture
def fresh_throttle(wsgi_app):
    """A feedback throttle of the test's own (guide.feedback): other tests' sendings do not count."""
    from guide.feedback import Throttle

    before = wsgi_app.registry["feedback_throttle"]
    wsgi_app.registry["feedback_throttle"] = Throttle()
    yield
    wsgi_app.registry["feedback_throttle"] = before
