"""Odd and hostile input to the editor: always a clear 4xx, never a 500, nothing written."""
import pytest
from sqlalchemy import func, select
from webtest import Upload

from guide.models import AuditEvent, GuideRevision, User

from .conftest import PASSWORD, login

GUIDE = "/editor/items/GAJ-0048/zh-hans"


def counts(dbsession):
    return tuple(dbsession.scalar(select(func.count(m.id))) for m in (GuideRevision, User))


@pytest.fixture
def admin(doomed_app, users):
    login(doomed_app, users["admin"].username)
    return doomed_app


def token(app) -> str:
    return app.get("/editor/preferences").html.select_one("input[name=csrf_token]")["value"]


def guide_fields(app, path=GUIDE, **changes):
    form = app.get(path).forms["guide-form"]
    fields = {name: field.value for name, field in form.field_order if name != "action" and field.value is not None}
    return {**fields, **changes}


@pytest.mark.parametrize("changes", [
    {"action": "save", "body": "正文\x00带空字符"},
    {"action": "save", "summary": "摘要\x1b[31m"},
    {"action": "save", "base_revision": "99999999999999999999"},
    {"action": "save", "base_revision": "1e3"},
    {"action": "publish", "note": "x" * 501},
    {"action": "schedule", "note": "n", "publish_at": "2026-02-30T10:00"},
    {"action": "schedule", "note": "n", "publish_at": "0001-01-01T00:00"},
    {"action": "schedule", "note": "n", "publish_at": "2026-12-01T10:00\x00"},
    {"action": "save", "summary": Upload("x.txt", b"file")},
    {"action": ["save", "publish"]},
])
def test_bad_guide_form_fields(admin, dbsession, changes):
    before = counts(dbsession)
    response = admin.post(GUIDE, guide_fields(admin, **changes), expect_errors=True)
    assert response.status_int == 400, response.status
    assert response.html.select_one(".error-summary")
    assert counts(dbsession) == before


def test_a_base_revision_for_a_guide_that_does_not_exist(admin, dbsession):
    before = counts(dbsession)
    fields = guide_fields(admin, "/editor/items/GAJ-0001/en", base_revision="5", action="save", body="new")
    response = admin.post("/editor/items/GAJ-0001/en", fields, status=400)
    assert "out of date" in response.text and counts(dbsession) == before


def test_restoring_a_revision_that_does_not_exist(admin, dbsession):
    before = counts(dbsession)
    response = admin.post(f"{GUIDE}/revisions/99/restore", {"csrf_token": token(admin), "base_revision": "0"},
                          status=400)
    assert "no revision 99" in response.text and counts(dbsession) == before


@pytest.mark.parametrize("path,status", [
    ("/editor/users/%00", 400), ("/zh-hans/items/GAJ%00", 400), ("/editor/items/GAJ-0048/fr", 404),
    ("/editor/items/GAJ-0048/zh-hans/revisions/0", 404), ("/editor/items/GAJ-0048/zh-hans/revisions/-1", 404),
    ("/editor/items/GAJ-0048/zh-hans/revisions/99999999999999999999", 404),
    ("/editor/audit?user=%00", 400), ("/editor/items?q=a%00b", 400), ("/editor/audit?from=2026-11-31", 400),
    ("/editor/audit?item=" + "x" * 41, 400), ("/editor/items?q=%FF", 400), ("/editor/items?page=0", 400),
])
def test_bad_addresses(admin, path, status):
    response = admin.get(path, expect_errors=True)
    assert response.status_int == status, path


def test_bad_logins_are_told_alike_and_never_a_500(doomed_app, users):
    doomed_app.reset()
    page = doomed_app.get("/editor/login", {"lang": "en"})
    csrf = page.forms["login-form"]["csrf_token"].value
    for username, password in (("test-editor\x00", PASSWORD), ("x" * 5000, PASSWORD), ("test-editor", "x" * 5000),
                               (Upload("name.txt", b"test-editor"), PASSWORD), ("", PASSWORD), ("test-editor", "")):
        response = doomed_app.post("/editor/login?lang=en", {"csrf_token": csrf, "username": username,
                                                             "password": password}, expect_errors=True)
        assert response.status_int == 400, username
        assert response.html.select_one(".error-summary")


@pytest.mark.parametrize("next_path", ["/editor/\r\nSet-Cookie: x=1", "/editor/%0d%0aLocation:%20x", "/editor\x00"])
def test_a_next_path_cannot_forge_a_header(doomed_app, users, next_path):
    doomed_app.reset()
    form = doomed_app.get("/editor/login", {"lang": "en", "next": next_path}).forms["login-form"]
    form["username"], form["password"] = users["editor"].username, PASSWORD
    response = form.submit(status=303)
    assert response.location in ("http://localhost/editor/", "http://localhost/editor/%0d%0aLocation:%20x")
    assert "x=1" not in response.headers.get("Set-Cookie", "")


def test_an_editor_cannot_tell_which_accounts_exist(doomed_app, users):
    login(doomed_app, users["editor"].username)
    assert doomed_app.get("/editor/users/test-admin", status=403)
    assert doomed_app.get("/editor/users/nobody-here", status=403)


def test_a_long_password_is_refused_not_cut(admin, dbsession):
    form = admin.get("/editor/users").forms[1]
    form["username"], form["password"] = "long-one", "p" * 1025
    assert "too long" in form.submit(status=400).text
    assert dbsession.scalar(select(User).where(User.username == "long-one")) is None


def test_the_last_admin_stays(admin, users, dbsession):
    form = admin.get("/editor/users/test-admin").forms[1]
    form["role"] = "editor"
    assert "At least one active administrator" in form.submit("action", value="role", status=400).text
    assert users["admin"].role == "admin"


def test_a_name_typed_at_login_cannot_pose_as_the_system(doomed_app, users, dbsession):
    doomed_app.reset()
    form = doomed_app.get("/editor/login", {"lang": "en"}).forms["login-form"]
    form["username"], form["password"] = "scheduler", "whatever it is"
    form.submit(status=400)
    login(doomed_app, users["admin"].username)
    rows = doomed_app.get("/editor/audit", {"user": "scheduler"}).html.select("table.audit tbody tr")
    assert rows and all("the scheduler" not in r.text for r in rows)
    assert dbsession.scalar(select(AuditEvent.address).where(AuditEvent.actor_name == "scheduler")) != "system"
