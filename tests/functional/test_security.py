"""The app in production refuses to start without a session secret."""
import pytest
from pyramid.exceptions import ConfigurationError

from guide import main


def test_production_refuses_to_start_without_a_secret(database, tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_ENV", "production")
    monkeypatch.delenv("GUIDE_SECRET", raising=False)
    settings = {"sqlalchemy.url": "sqlite://", "guide.search.backend": "guide.search.null.NullSearch",
                "guide.search.index_dir": str(tmp_path)}
    with pytest.raises(ConfigurationError, match="GUIDE_SECRET"):
        main({}, dbengine=database.engine, **settings)
    monkeypatch.setenv("GUIDE_SECRET", "a production secret of at least thirty-two characters")
    assert main({}, dbengine=database.engine, **settings) is not None
