"""The PostgreSQL backend: one index every app server shares, written in the content's own
transaction. (Relevance, intent, typo and suggestion rules run on it through `search_app`.)"""
from contextlib import contextmanager

import pytest
from sqlalchemy import select, text
from webtest import TestApp

from guide import main
from guide.models import Item, transaction_scope
from guide.search.postgres_backend import PostgresSearch, quote, tsquery, tsvector
from guide.search.query import PHRASE, PREFIX, TERM
from guide.search.results import SearchRequest

WORD = "zebracrossingpermit"  # no item has it


@pytest.fixture
def postgres(database, postgres_search_app):
    """The tests' PostgreSQL database, its search rows written (postgres_search_app started)."""
    return database


def search(app, q, lang="en"):
    return app.get("/api/v1/search", {"q": q, "lang": lang}).json


@pytest.fixture
def two_instances(postgres, app_settings):
    settings = {**app_settings, "sqlalchemy.url": postgres.url, "guide.search.backend": "postgres"}
    apps = [main({}, **settings) for _ in range(2)]  # each with its own engine and session factory
    yield apps
    for app in apps:
        app.registry["search"].close()
        app.registry["dbengine"].dispose()


@pytest.fixture
def renamed(postgres):
    """Restores the passport item's English name, however a test changed it."""
    with postgres.transaction() as dbsession:
        original = dbsession.scalar(select(Item.name_en).where(Item.code == "GAJ-0014"))
    yield original

    with postgres.transaction() as dbsession:
        dbsession.scalar(select(Item).where(Item.code == "GAJ-0014")).name_en = original
    with service(postgres) as search:
        search.ensure_index()


@contextmanager
def service(database):
    search = PostgresSearch({}, database.session_factory)
    try:
        yield search
    finally:
        search.close()


def rename(app, name_en: str) -> None:
    with transaction_scope(app.registry["dbsession_factory"]) as dbsession:
        dbsession.scalar(select(Item).where(Item.code == "GAJ-0014")).name_en = name_en


def test_a_change_through_one_instance_is_found_by_the_others_search_at_once(two_instances, renamed):
    first, second = (TestApp(app) for app in two_instances)
    assert search(second, WORD)["total"] == 0  # the second has its snapshot of the state before
    # ...and keeps that answer, under the content version it read (http_cache.py)
    assert any(WORD in key[5] for key in two_instances[1].stores["answers"].entries)
    rename(two_instances[0], f"{renamed} {WORD}")
    assert [r["code"] for r in search(second, WORD)["results"]] == ["GAJ-0014"]
    assert search(second, "zebracrosingpermit")["did_you_mean"] == WORD  # the vocabulary has it too
    rename(two_instances[1], renamed)
    assert search(first, WORD)["total"] == 0
    assert search(first, "zebracrosingpermit")["did_you_mean"] is None  # and no longer


def test_a_change_rolled_back_never_reaches_the_search(two_instances, renamed):
    factory = two_instances[0].registry["dbsession_factory"]
    with pytest.raises(RuntimeError):
        with transaction_scope(factory) as dbsession:
            dbsession.scalar(select(Item).where(Item.code == "GAJ-0014")).name_en = WORD
            dbsession.flush()
            raise RuntimeError("the change fails after its flush")
    assert search(TestApp(two_instances[1]), WORD)["total"] == 0
    # A savepoint rolled back inside a transaction that commits: the change before it is written.
    with transaction_scope(factory) as dbsession:
        dbsession.scalar(select(Item).where(Item.code == "GAJ-0014")).name_en = WORD
        dbsession.flush()
        with dbsession.begin_nested() as savepoint:
            dbsession.scalar(select(Item).where(Item.code == "GAJ-0019")).name_en = "never"
            savepoint.rollback()
    assert [r["code"] for r in search(TestApp(two_instances[1]), WORD)["results"]] == ["GAJ-0014"]


def test_content_changed_by_a_process_of_another_backend_is_written_at_start(postgres, renamed):
    with postgres.transaction() as dbsession:  # a session with no postgres backend attached
        dbsession.scalar(select(Item).where(Item.code == "GAJ-0014")).name_en = WORD
    with service(postgres) as search:
        assert search.search(SearchRequest(WORD, lang="en")).total == 0  # not written yet
        search.ensure_index()
        assert [h.code for h in search.search(SearchRequest(WORD, lang="en")).hits] == ["GAJ-0014"]


@pytest.mark.parametrize("word", ["it's", "back\\slash", "a:b", "&", "|", "!", "(x)", "<->", "x:*", "'", "''",
                                  "护照'", "\\'", "长" * 682])
def test_any_word_is_a_literal_in_vectors_and_queries(postgres, word):
    with postgres.engine.connect() as connection:
        vector = connection.scalar(text("SELECT CAST(:v AS tsvector)::text"), {"v": tsvector([(word, 0)])})
        assert vector == f"{quote(word)}:1"
        for kind, query in ((TERM, word), (PREFIX, word), (PHRASE, (word, word))):
            assert connection.scalar(text("SELECT CAST(:v AS tsvector) @@ CAST(:q AS tsquery)"), {
                "v": tsvector([(word, 0), (word, 1)]), "q": tsquery(kind, query)}) is True


def test_a_word_postgresql_cannot_hold_is_left_out_not_a_failed_commit():
    too_long = "x" * 2047
    assert tsvector([(too_long, 0), ("kept", 1)]) == "'kept':2"


def test_the_rows_hold_every_active_item(postgres):
    with postgres.engine.connect() as connection:
        rows = set(connection.scalars(text("SELECT code FROM search_documents")))
        active = set(connection.scalars(select(Item.code).where(Item.active)))
    assert rows == active and len(rows) == 1087


def test_the_postgres_backend_refuses_sqlite(tmp_path):
    from guide.models import get_engine, get_session_factory

    factory = get_session_factory(get_engine({"sqlalchemy.url": f"sqlite:///{tmp_path / 'x.sqlite'}"}))
    with pytest.raises(ValueError, match="PostgreSQL"):
        PostgresSearch({}, factory)


def test_every_command_writes_the_rows_with_its_commit(postgres, renamed):
    """Even one that loads no search index on the whoosh backend (publish-due, users)."""
    from guide.scripts.cli import Env

    env = Env({"sqlalchemy.url": postgres.url, "guide.search.backend": "postgres"}, search=False)
    try:
        with env.transaction() as dbsession:
            dbsession.scalar(select(Item).where(Item.code == "GAJ-0014")).name_en = WORD
    finally:
        env.close()
    with service(postgres) as search:
        assert [h.code for h in search.search(SearchRequest(WORD, lang="en")).hits] == ["GAJ-0014"]
