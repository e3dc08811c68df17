"""Headers every answer carries (guide.headers) and the host names the site answers to
(guide.limits): HSTS and Secure cookies over HTTPS only, a Permissions-Policy everywhere, and a
400 for a Host header the site does not answer to."""
import pytest
from webtest import TestApp

from guide import main

CHOOSE_ENGLISH = "/en/items/GAJ-0014?lang=en"  # a language chosen: its cookie is set


def test_over_http_no_hsts_and_cookies_without_secure(testapp):
    page = testapp.get("/en/items/GAJ-0014")
    assert "Strict-Transport-Security" not in page.headers
    assert "geolocation=(self)" in page.headers["Permissions-Policy"] and "camera=()" in page.headers["Permissions-Policy"]
    chosen = testapp.get(CHOOSE_ENGLISH, status=303)
    assert "secure" not in chosen.headers["Set-Cookie"].lower()


def test_over_https_hsts_and_every_cookie_secure(testapp):
    https = {"wsgi.url_scheme": "https"}
    page = testapp.get("/en/items/GAJ-0014", extra_environ=https)
    assert page.headers["Strict-Transport-Security"].startswith("max-age=")
    assert page.headers["Permissions-Policy"]
    chosen = testapp.get(CHOOSE_ENGLISH, extra_environ=https, status=303)
    assert "; secure" in chosen.headers["Set-Cookie"].lower()
    login = testapp.get("/editor/login", extra_environ=https)
    assert all("; secure" in c.lower() for c in login.headers.getall("Set-Cookie"))
    assert login.headers["Strict-Transport-Security"]


@pytest.fixture
def behind_a_name(database, app_settings):
    app = main({}, dbengine=database.engine, **{**app_settings, "guide.base_url": "https://guide.huizhou.example/",
                                                  "guide.trusted_hosts": "kiosk.hall.internal 10.0.0.5"})
    yield TestApp(app)
    app.registry["search"].close()


@pytest.mark.parametrize("host", ["guide.huizhou.example", "GUIDE.huizhou.example:443", "kiosk.hall.internal:6543",
                                  "10.0.0.5"])
def test_the_trusted_hosts_are_answered(behind_a_name, host):
    assert behind_a_name.get("/en/", headers={"Host": host}).status_int == 200


@pytest.mark.parametrize("host", ["evil.example", "guide.huizhou.example.evil.example", "user@guide.huizhou.example",
                                  "guide.huizhou.example/x", "[::1]", "guide.huizhou.example:x", ""])
def test_another_host_is_a_400_that_does_not_repeat_it(behind_a_name, host):
    for path, kind in (("/en/items/GAJ-0014", "text/html"), ("/api/v1/items", "application/json")):
        refused = behind_a_name.get(path, headers={"Host": host}, expect_errors=True)
        assert refused.status_int == 400 and refused.content_type == kind, (host, path)
        assert "evil" not in refused.text and "user@" not in refused.text
        assert "Content-Security-Policy" in refused.headers


def test_without_a_base_url_or_trusted_hosts_any_host_is_answered(testapp):
    assert testapp.get("/en/", headers={"Host": "anything.example"}).status_int == 200
