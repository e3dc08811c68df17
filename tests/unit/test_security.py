"""The session secret: from the environment or the settings; production refuses to start
without a good one."""
import pytest
from pyramid.exceptions import ConfigurationError

from guide.security import EDITOR_ACL, role_principals, secret_from


def test_the_environment_wins(monkeypatch):
    monkeypatch.setenv("GUIDE_SECRET", "from the environment, long enough to be used")
    assert secret_from({"guide.secret": "from the settings"}).startswith("from the environment")


def test_production_needs_a_secret(monkeypatch):
    monkeypatch.delenv("GUIDE_SECRET", raising=False)
    monkeypatch.setenv("GUIDE_ENV", "production")
    with pytest.raises(ConfigurationError, match="GUIDE_SECRET"):
        secret_from({})
    with pytest.raises(ConfigurationError, match="at least 32"):
        secret_from({"guide.secret": "too short"})
    assert secret_from({"guide.secret": "s" * 32}) == "s" * 32


def test_elsewhere_a_random_secret_each_start(monkeypatch, caplog):
    monkeypatch.delenv("GUIDE_SECRET", raising=False)
    monkeypatch.delenv("GUIDE_ENV", raising=False)
    first, second = secret_from({}), secret_from({})
    assert first != second and len(first) >= 32
    assert "no GUIDE_SECRET" in caplog.text


def test_roles_include_the_ones_before():
    assert role_principals("editor") == ["role:editor"]
    assert role_principals("admin") == ["role:editor", "role:publisher", "role:admin"]
    assert role_principals("visitor") == []
    assert EDITOR_ACL[-1][0] == "Deny"  # nothing else is allowed
