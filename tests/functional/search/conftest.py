"""The search tests run on each backend: Whoosh always, PostgreSQL when the tests' database is
PostgreSQL (GUIDE_TEST_DATABASE_URL), on the same content."""
import pytest
from webtest import TestApp

from guide import main

BACKENDS = ("whoosh", "postgres")


@pytest.fixture(scope="session")
def postgres_search_app(database, app_settings):
    """The app with the postgres backend, on the tests' database (its rows written at start)."""
    if database.engine.dialect.name != "postgresql":
        pytest.skip("the postgres search backend needs GUIDE_TEST_DATABASE_URL (PostgreSQL)")
    app = main({}, dbengine=database.engine, **{**app_settings, "guide.search.backend": "postgres"})
    yield app
    app.registry["search"].close()


@pytest.fixture(params=BACKENDS)
def search_app(request, wsgi_app) -> TestApp:
    """The app, once per search backend."""
    if request.param == "postgres":
        return TestApp(request.getfixturevalue("postgres_search_app"))
    return TestApp(wsgi_app)
