"""Fixtures: the real app on a real database, SQLite by default or GUIDE_TEST_DATABASE_URL.

The sample catalogue and content are loaded once per run into the main test database; tests
that write (imports) get an empty scratch database of their own so they cannot disturb it.
"""
from __future__ import annotations

import itertools
import os
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from webtest import TestApp

from guide import main, migrations
from guide.catalogue.importer import import_catalogue
from guide.models import get_engine, get_session_factory, transaction_scope
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
def _admin_engine(db_url):
    engine = get_engine({"sqlalchemy.url": db_url})
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def db_url(tmp_path_factory) -> str:
    return os.environ.get("GUIDE_TEST_DATABASE_URL") or f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"


class Database:
    """An engine plus transaction-managed sessions, like the `guide` command uses."""

    def __init__(self, engine):
        self.engine = engine
        self.session_factory = get_session_factory(engine)

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
def scratch(db_url, tmp_path) -> Database:
    """An empty, migrated database for tests that write: a new SQLite file or PostgreSQL schema."""
    schema = None
    if db_url.startswith("sqlite"):
        engine = get_engine({"sqlalchemy.url": f"sqlite:///{tmp_path / 'scratch.sqlite'}"})
    else:
        schema = f"scratch_{os.getpid()}_{next(_scratch_numbers)}"
        with _admin_engine(db_url) as admin:
            _reset_postgres(admin, schema)
        engine = get_engine({"sqlalchemy.url": db_url}, connect_args={"options": f"-csearch_path={schema}"})
    migrations.upgrade(engine)
    yield Database(engine)
    engine.dispose()
    if schema:
        with _admin_engine(db_url) as admin, admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(scope="session")
def app_settings(db_url, tmp_path_factory) -> dict:
    return {"sqlalchemy.url": db_url, "pyramid.default_locale_name": "zh_Hans",
            "guide.search.index_dir": str(tmp_path_factory.mktemp("index"))}


@pytest.fixture(scope="session")
def wsgi_app(database, app_settings):
    return main({}, dbengine=database.engine, **app_settings)


@pytest.fixture
def testapp(wsgi_app) -> TestApp:
    return TestApp(wsgi_app)
