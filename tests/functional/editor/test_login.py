"""Signing in: cookies, the throttle (in the database, with the clock moved instead of
sleeping), answers that never tell whether a name exists, sessions that end when they must."""
import datetime as dt

import pytest
from sqlalchemy import func, select

from guide.models import AuditEvent

from tests.support import app_in_another_process

from .conftest import PASSWORD, login

WRONG = "not the password at all"


def attempt(app, username, password=WRONG, **kw):
    return login(app, username, password, status=kw.pop("status", "*"))


def test_session_cookie_flags(doomed_app, users):
    response = login(doomed_app, users["editor"].username)
    cookie = response.headers["Set-Cookie"]
    assert "guide_session=" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "secure" not in cookie.lower()


def test_cookies_are_secure_over_https(wsgi_app, tm, dbsession, users):
    from webtest import TestApp

    app = TestApp(wsgi_app, extra_environ={"tm.active": True, "tm.manager": tm, "app.dbsession": dbsession,
                                           "wsgi.url_scheme": "https", "HTTP_HOST": "guide.example"})
    page = app.get("/editor/login")
    assert "; secure" in page.headers["Set-Cookie"].lower()
    form = page.forms["login-form"]
    form["username"], form["password"] = users["editor"].username, PASSWORD
    # Over HTTPS, CSRF also wants the form to come from this site.
    response = form.submit(headers={"Referer": "https://guide.example/editor/login"}, status=303)
    assert "; secure" in response.headers["Set-Cookie"].lower()
    assert form.submit(headers={"Referer": "https://elsewhere.example/"}, status=400)


def test_a_failed_login_never_tells_whether_the_name_exists(doomed_app, users, dbsession):
    users["publisher"].active = False
    answers = set()
    for name, password in (("test-editor", WRONG), ("nobody-at-all", WRONG), ("test-publisher", PASSWORD)):
        response = attempt(doomed_app, name, password, status=400)
        answers.add(response.html.select_one(".error-summary").get_text(strip=True))
        assert response.forms["login-form"]["username"].value == name
    assert answers == {"The user name or password is not right."}
    failures = dbsession.scalars(select(AuditEvent.actor_name).where(AuditEvent.action == "login.failure")).all()
    assert sorted(failures)[-3:] == ["nobody-at-all", "test-editor", "test-publisher"]


def test_five_failures_for_a_name_lock_it_with_a_wait_that_doubles(doomed_app, users, clock):
    clock.set(dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.timezone.utc))
    for _ in range(5):
        attempt(doomed_app, "test-editor", status=400)
    refused = attempt(doomed_app, "test-editor", PASSWORD, status=429)  # even the right password
    assert refused.headers["Retry-After"] == "60"
    assert "Too many failed sign-ins" in refused.text
    clock.advance(seconds=61)
    attempt(doomed_app, "test-editor", status=400)  # one more failure: twice the wait
    assert attempt(doomed_app, "test-editor", PASSWORD, status=429).headers["Retry-After"] == "120"
    for wait in (240, 480, 960, 1920, 3600, 3600):
        clock.advance(seconds=int(attempt(doomed_app, "test-editor", status=429).headers["Retry-After"]) + 1)
        attempt(doomed_app, "test-editor", status=400)
        assert attempt(doomed_app, "test-editor", status=429).headers["Retry-After"] == str(wait)
    clock.advance(hours=1, seconds=1)
    login(doomed_app, "test-editor")  # succeeds, and clears the name's failures
    assert doomed_app.get("/editor/").status_int == 200
    attempt(doomed_app, "test-editor", status=400)


def test_an_unknown_name_is_locked_the_same_way(doomed_app, clock):
    clock.set(dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.timezone.utc))
    for _ in range(5):
        attempt(doomed_app, "ghost", status=400)
    assert attempt(doomed_app, "ghost", status=429).headers["Retry-After"] == "60"


def test_five_failures_from_one_address_lock_the_address(doomed_app, users, clock):
    clock.set(dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.timezone.utc))
    doomed_app.extra_environ["REMOTE_ADDR"] = "203.0.113.9"
    for n in range(5):
        attempt(doomed_app, f"guess-{n}", status=400)
    assert attempt(doomed_app, users["admin"].username, PASSWORD, status=429)
    doomed_app.extra_environ["REMOTE_ADDR"] = "198.51.100.7"  # another address, same name: fine
    login(doomed_app, users["admin"].username)


def test_failures_older_than_the_window_do_not_lock(doomed_app, clock):
    clock.set(dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.timezone.utc))
    for _ in range(4):
        attempt(doomed_app, "test-editor", status=400)
    clock.advance(minutes=16)
    attempt(doomed_app, "test-editor", status=400)
    attempt(doomed_app, "test-editor", status=400)  # 2 within 15 minutes: not locked


def test_every_process_agrees_on_the_count(live):
    import http.cookiejar
    import re
    import urllib.error
    import urllib.request
    from urllib.parse import urlencode

    first = live.app()
    for _ in range(5):
        attempt(first, "test-editor", status=400)
    settings = {"sqlalchemy.url": live.db.url, "guide.search.backend": "guide.search.null.NullSearch",
                "guide.search.index_dir": str(live.tmp_path / "other-index"),
                "guide.secret": "another process's secret, long enough to be used"}
    with app_in_another_process(settings) as other:
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        with browser.open(f"{other}/editor/login?lang=en") as response:
            page = response.read().decode()
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        form = urlencode({"csrf_token": token, "username": "test-editor", "password": PASSWORD}).encode()
        with pytest.raises(urllib.error.HTTPError) as refused:
            browser.open(f"{other}/editor/login?lang=en", data=form)
        refused.value.close()
    assert refused.value.code == 429 and int(refused.value.headers["Retry-After"]) > 0


def test_disabling_or_a_new_password_ends_the_sessions(doomed_app, users, dbsession):
    login(doomed_app, users["editor"].username)
    users["editor"].active = False
    dbsession.flush()
    assert "/editor/login" in doomed_app.get("/editor/", status=303).location
    users["editor"].active = True
    login(doomed_app, users["editor"].username)
    users["editor"].session_version += 1  # what a password reset does
    dbsession.flush()
    assert "/editor/login" in doomed_app.get("/editor/", status=303).location


def test_a_role_change_takes_effect_at_once(doomed_app, users, dbsession):
    login(doomed_app, users["admin"].username)
    doomed_app.get("/editor/users")
    users["admin"].role = "editor"
    dbsession.flush()
    doomed_app.get("/editor/users", status=403)


@pytest.mark.parametrize("target,lands", [
    ("/editor/items?q=GAJ", "/editor/items?q=GAJ"),
    ("//evil.example/editor", "/editor/"),
    ("https://evil.example/editor", "/editor/"),
    ("/editor\\@evil.example", "/editor/"),
    ("/zh-hans/", "/editor/"),
])
def test_after_login_only_editor_pages(doomed_app, users, target, lands):
    doomed_app.reset()
    form = doomed_app.get("/editor/login", {"next": target}).forms["login-form"]
    form["username"], form["password"] = users["editor"].username, PASSWORD
    location = form.submit(status=303).location
    assert location.replace("http://localhost", "") == lands


def test_the_login_page_speaks_the_chosen_language(doomed_app):
    doomed_app.reset()
    page = doomed_app.get("/editor/login", {"lang": "en"})
    assert page.html.html["lang"] == "en" and page.html.h1.text == "Sign in to the guide editor"
    page = doomed_app.get("/editor/login", headers={"Accept-Language": "zh-TW"})
    assert page.html.html["lang"] == "zh-Hant"


def test_a_forwarded_for_header_does_not_change_the_address(doomed_app, users, clock, dbsession):
    clock.set(dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.timezone.utc))
    doomed_app.extra_environ["REMOTE_ADDR"] = "203.0.113.9"
    for n in range(5):
        doomed_app.extra_environ["HTTP_X_FORWARDED_FOR"] = f"10.0.0.{n}"
        attempt(doomed_app, f"guess-{n}", status=400)
    attempt(doomed_app, "another-guess", status=429)  # all five counted against the real address
    addresses = set(dbsession.scalars(select(AuditEvent.address).where(AuditEvent.action == "login.failure")))
    assert "203.0.113.9" in addresses and not any(a.startswith("10.0.0.") for a in addresses)


def test_signing_out_ends_a_copied_session_too(wsgi_app, doomed_app, users):
    from webtest import TestApp

    login(doomed_app, users["admin"].username)
    copy = TestApp(wsgi_app, extra_environ=dict(doomed_app.extra_environ))
    copy.set_cookie("guide_session", doomed_app.cookies["guide_session"])
    assert copy.get("/editor/users").status_int == 200
    token = doomed_app.get("/editor/").html.select_one("input[name=csrf_token]")["value"]
    doomed_app.post("/editor/logout", {"csrf_token": token}, status=303)
    assert "/editor/login" in copy.get("/editor/users", status=303).location


def test_a_session_lasts_a_working_day_however_busy(doomed_app, users, clock):
    clock.set(dt.datetime(2026, 12, 1, 0, 30, tzinfo=dt.timezone.utc))
    login(doomed_app, users["editor"].username)
    for _hour in range(11):
        clock.advance(hours=1)
        assert doomed_app.get("/editor/").status_int == 200  # busy: never idle for long
    clock.advance(hours=1, seconds=1)
    assert "/editor/login" in doomed_app.get("/editor/", status=303).location


def test_guessing_the_current_password_is_throttled_and_logged(doomed_app, users, clock, dbsession):
    clock.set(dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.timezone.utc))
    login(doomed_app, users["editor"].username)
    for n in range(6):
        form = doomed_app.get("/editor/preferences").forms[2]
        form["current_password"], form["new_password"] = f"guess number {n}", "a brand new password"
        response = form.submit("action", value="password", expect_errors=True)
        assert response.status_int == (400 if n < 5 else 429)
    assert dbsession.scalar(select(func.count(AuditEvent.id)).where(
        AuditEvent.action == "user.own_password_failure")) == 5


def test_a_new_password_does_not_lengthen_the_session(doomed_app, users, clock):
    clock.set(dt.datetime(2026, 12, 1, 0, 0, tzinfo=dt.timezone.utc))
    login(doomed_app, users["editor"].username)
    clock.advance(hours=11)
    form = doomed_app.get("/editor/preferences").forms[2]
    form["current_password"], form["new_password"] = PASSWORD, "a brand new password"
    form.submit("action", value="password", status=303)
    assert doomed_app.get("/editor/").status_int == 200  # this session goes on...
    clock.advance(hours=1, seconds=1)
    assert "/editor/login" in doomed_app.get("/editor/", status=303).location  # ...to its end
