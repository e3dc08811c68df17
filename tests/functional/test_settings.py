"""Settings from the environment, for the app and the `guide` command alike: a GUIDE_* variable
wins over the .ini, and production refuses to start without a secret or with debugging on."""
from pathlib import Path

import pytest
from plaster import get_settings
from pyramid.exceptions import ConfigurationError
from pyramid.settings import asbool
from sqlalchemy.engine import make_url
from webtest import TestApp

from guide import main
from guide.scripts.cli import build_parser, load_settings, main as guide_command
from guide.search.interfaces import ISearchService
from guide.search.null import NullSearch
from guide.settings import DEBUG_SETTINGS, ENVIRONMENT, data_path, from_environment

ROOT = Path(__file__).resolve().parents[2]
SECRET = "a production secret of at least thirty-two characters"


@pytest.fixture
def clean_environment(monkeypatch):
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_each_variable_wins_over_its_setting(clean_environment):
    ini = {key: f"from the ini: {key}" for key in ENVIRONMENT.values()} | {"retry.attempts": "3"}
    environ = {name: f"from the environment: {name}" for name in ENVIRONMENT}
    settings = from_environment(ini, environ)
    assert {key: settings[key] for key in ENVIRONMENT.values()} == {
        key: f"from the environment: {name}" for name, key in ENVIRONMENT.items()}
    assert settings["retry.attempts"] == "3"
    assert ini["sqlalchemy.url"] == "from the ini: sqlalchemy.url"  # a copy: the caller's dict is kept
    # An empty variable is no value: the .ini's stays.
    assert from_environment(ini, {"GUIDE_SECRET": ""})["guide.secret"] == "from the ini: guide.secret"


def test_the_data_folders_default_to_the_sample_content_and_catalogues(clean_environment):
    settings = from_environment({})
    assert Path(settings["guide.content_dir"]) == data_path("content")
    assert (data_path("content") / "catalogue" / "items.csv").is_file()
    assert Path(settings["guide.locales_dir"]) == data_path("locales")
    # In a checkout (no packaged copy) they are the source tree's folders.
    assert data_path("content") == ROOT / "content"
    clean_environment.setenv("GUIDE_CONTENT_DIR", "/srv/guide/content")
    assert from_environment({"guide.content_dir": "elsewhere"})["guide.content_dir"] == "/srv/guide/content"


def test_applying_it_twice_keeps_what_the_caller_chose_after_the_first(clean_environment):
    clean_environment.setenv("GUIDE_DATABASE_URL", "sqlite:///from-the-environment.sqlite")
    settings = from_environment({}) | {"sqlalchemy.url": "sqlite:///the-demo's.sqlite"}
    assert from_environment(settings)["sqlalchemy.url"] == "sqlite:///the-demo's.sqlite"


def test_the_app_takes_the_environment_over_its_settings(database, app_settings, clean_environment):
    clean_environment.setenv("GUIDE_BASE_URL", "https://guide.example.gov.cn/")
    clean_environment.setenv("GUIDE_SEARCH_BACKEND", "guide.search.null.NullSearch")
    clean_environment.setenv("GUIDE_SECRET", SECRET)
    app = main({}, dbengine=database.engine,
               **{**app_settings, "guide.base_url": "https://ini.example.org", "guide.search.backend": "whoosh"})
    settings = app.registry.settings
    assert settings["guide.base_url"] == "https://guide.example.gov.cn"
    assert settings["guide.secret"] == SECRET
    assert isinstance(app.registry.getUtility(ISearchService), NullSearch)
    # The base URL's host is the one trusted, and pages are served.
    testapp = TestApp(app, extra_environ={"HTTP_HOST": "guide.example.gov.cn"})
    assert testapp.get("/healthz").status_int == 200
    assert TestApp(app, extra_environ={"HTTP_HOST": "ini.example.org"}).get("/healthz", status=400)


def test_the_command_takes_the_environment_over_the_ini_and_its_options_over_both(tmp_path, clean_environment,
                                                                                     capsys):
    ini = tmp_path / "site.ini"
    ini.write_text(f"[app:main]\nuse = egg:huizhou-guide\nsqlalchemy.url = sqlite:///{tmp_path / 'ini.sqlite'}\n"
                   f"guide.search.index_dir = {tmp_path / 'ini-index'}\n")
    parse = build_parser().parse_args
    assert load_settings(parse(["init-db", "-c", str(ini)]))["sqlalchemy.url"].endswith("ini.sqlite")
    clean_environment.setenv("GUIDE_DATABASE_URL", f"sqlite:///{tmp_path / 'env.sqlite'}")
    clean_environment.setenv("GUIDE_INDEX_DIR", str(tmp_path / "env-index"))
    settings = load_settings(parse(["init-db", "-c", str(ini)]))
    assert settings["sqlalchemy.url"].endswith("env.sqlite")
    assert settings["guide.search.index_dir"] == str(tmp_path / "env-index")
    settings = load_settings(parse(["init-db", "-c", str(ini), "--database-url", "sqlite:///option.sqlite",
                                    "--index-dir", "option-index"]))
    assert (settings["sqlalchemy.url"], settings["guide.search.index_dir"]) == ("sqlite:///option.sqlite",
                                                                                 "option-index")
    # And the command acts on the environment's database, not the .ini's.
    assert guide_command(["init-db", "-c", str(ini)]) == 0
    assert "env.sqlite" in capsys.readouterr().out
    assert (tmp_path / "env.sqlite").exists() and not (tmp_path / "ini.sqlite").exists()


def test_production_refuses_to_start_without_a_secret_or_with_debugging(database, tmp_path, clean_environment):
    settings = {"sqlalchemy.url": "sqlite://", "guide.search.backend": "guide.search.null.NullSearch",
                "guide.search.index_dir": str(tmp_path)}
    clean_environment.setenv("GUIDE_ENV", "production")
    with pytest.raises(ConfigurationError, match="GUIDE_SECRET"):
        main({}, dbengine=database.engine, **settings)
    clean_environment.setenv("GUIDE_SECRET", "short")
    with pytest.raises(ConfigurationError, match="at least 32"):
        main({}, dbengine=database.engine, **settings)
    clean_environment.setenv("GUIDE_SECRET", SECRET)
    for debugging in ({"pyramid.reload_templates": "true"}, {"pyramid.debug_notfound": "true"},
                      {"pyramid.includes": "pyramid_tm\npyramid_debugtoolbar"}):
        with pytest.raises(ConfigurationError, match="debugging"):
            main({}, dbengine=database.engine, **settings, **debugging)
    assert main({}, dbengine=database.engine, **settings, **{"pyramid.reload_templates": "false"}) is not None
    # Elsewhere the same settings are a developer's.
    clean_environment.delenv("GUIDE_ENV")
    assert from_environment({"pyramid.reload_templates": "true"})["pyramid.reload_templates"] == "true"


def test_production_ini_keeps_no_secret_and_no_debugging(clean_environment):
    ini = get_settings(str(ROOT / "production.ini"), "app:main")
    assert "guide.secret" not in ini
    assert "pyramid_debugtoolbar" not in ini.get("pyramid.includes", "")
    assert make_url(ini["sqlalchemy.url"]).password is None
    assert not any(asbool(ini.get(key, False)) for key in DEBUG_SETTINGS)
    clean_environment.setenv("GUIDE_ENV", "production")
    clean_environment.setenv("GUIDE_SECRET", SECRET)
    clean_environment.setenv("GUIDE_DATABASE_URL", "postgresql+psycopg://guide@db.internal/guide")
    settings = from_environment(ini)  # no debugging setting refused
    assert settings["sqlalchemy.url"] == "postgresql+psycopg://guide@db.internal/guide"
