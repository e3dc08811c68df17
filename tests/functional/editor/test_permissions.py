"""Who may do what: every editor route and method for anonymous visitors and each role, the
guide form's actions per role, and CSRF on every state-changing request.

The expectations are written out here, not read from guide.security: this is the
specification the app's one declaration must meet."""
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import func, select

from guide.models import AuditEvent, Guide, GuideRevision, User

from .conftest import login

GUIDE = "/editor/items/GAJ-0048/zh-hans"
#: (route name, path, method) -> the least role allowed; None: anyone (the login page)
MATRIX = {
    ("editor.login", "/editor/login", "GET"): None,
    ("editor.root", "/editor", "GET"): None,
    ("editor.home", "/editor/", "GET"): "editor",
    ("editor.items", "/editor/items", "GET"): "editor",
    ("editor.preferences", "/editor/preferences", "GET"): "editor",
    ("editor.preferences", "/editor/preferences", "POST"): "editor",
    ("editor.guide", GUIDE, "GET"): "editor",
    ("editor.guide", GUIDE, "POST"): "editor",
    ("editor.guide", "/editor/items/GAJ-0048/zh-hant", "GET"): "editor",
    ("editor.history", f"{GUIDE}/revisions", "GET"): "editor",
    ("editor.diff", f"{GUIDE}/diff", "GET"): "editor",
    ("editor.revision", f"{GUIDE}/revisions/1", "GET"): "editor",
    ("editor.restore", f"{GUIDE}/revisions/1/restore", "POST"): "editor",
    ("editor.source_holds", f"{GUIDE}/source-holds", "POST"): "editor",
    ("editor.forms", "/editor/items/GAJ-0048/forms", "GET"): "editor",
    ("editor.forms", "/editor/items/GAJ-0048/forms", "POST"): "editor",
    ("editor.users", "/editor/users", "GET"): "admin",
    ("editor.users", "/editor/users", "POST"): "admin",
    ("editor.user", "/editor/users/test-editor", "GET"): "admin",
    ("editor.user", "/editor/users/test-editor", "POST"): "admin",
    ("editor.audit", "/editor/audit", "GET"): "admin",
    ("editor.catalogue_import", "/editor/catalogue-import", "GET"): "admin",
    ("editor.catalogue_import", "/editor/catalogue-import", "POST"): "admin",
    ("editor.notices", "/editor/notices", "GET"): "publisher",
    ("editor.notices", "/editor/notices", "POST"): "publisher",
    ("editor.notice", "/editor/notices/1", "GET"): "publisher",
    ("editor.notice", "/editor/notices/1", "POST"): "publisher",
    ("editor.feedback", "/editor/feedback", "GET"): "editor",
    ("editor.search_terms", "/editor/search-terms", "GET"): "publisher",
    ("editor.search_terms", "/editor/search-terms", "POST"): "publisher",
    ("editor.bundles", "/editor/bundles", "GET"): "publisher",
    ("editor.bundles", "/editor/bundles", "POST"): "publisher",
    ("editor.bundle", "/editor/bundles/having-a-baby", "GET"): "publisher",
    ("editor.bundle", "/editor/bundles/having-a-baby", "POST"): "publisher",
    ("editor.logout", "/editor/logout", "POST"): "editor",
}
ROLES = ("editor", "publisher", "admin")
#: the guide form's actions -> the least role allowed
ACTIONS = {"preview": "editor", "save": "editor", "submit": "editor", "send_back": "publisher",
           "publish": "publisher", "schedule": "publisher", "cancel_schedule": "publisher", "archive": "publisher"}


def allowed(least: str | None, role: str | None) -> bool:
    return least is None or (role is not None and ROLES.index(role) >= ROLES.index(least))


def csrf(app) -> str:
    return app.get("/editor/login" if not app.cookies else "/editor/preferences").html.select_one(
        "input[name=csrf_token]")["value"]


def request(app, method: str, path: str, token: str | None):
    if method == "GET":
        return app.get(path, expect_errors=True)
    return app.post(path, {"csrf_token": token} if token else {}, expect_errors=True)


def test_every_editor_route_is_in_the_matrix(wsgi_app):
    routes = {intr["introspectable"]["name"] for intr in wsgi_app.registry.introspector.get_category("routes")
              if intr["introspectable"]["name"].startswith("editor.")}
    assert routes == {name for name, _path, _method in MATRIX}


@pytest.mark.parametrize("role", [None, *ROLES])
def test_route_role_matrix(doomed_app, users, role):
    app = doomed_app
    if role:
        login(app, users[role].username)
    token = csrf(app)
    for (name, path, method), least in MATRIX.items():
        if name == "editor.logout":
            continue  # signs the role out: checked on its own below
        response = request(app, method, path, token)
        where = f"{method} {path} as {role or 'anonymous'}"
        if allowed(least, role):
            assert response.status_int != 403, where
            assert "/editor/login" not in response.headers.get("Location", "") or name == "editor.root", where
            assert response.status_int < 500, where
        elif role is None:
            assert response.status_int == 303, where
            location = urlsplit(response.headers["Location"])
            assert location.path == "/editor/login" and parse_qs(location.query)["next"] == [path], where
        else:
            assert response.status_int == 403, where
            assert "role does not allow" in response.text, where


@pytest.mark.parametrize("role", [None, *ROLES])
def test_signing_out_needs_a_session(doomed_app, users, role):
    app = doomed_app
    if role:
        login(app, users[role].username)
    response = app.post("/editor/logout", {"csrf_token": csrf(app)}, status=303)
    assert urlsplit(response.headers["Location"]).path == "/editor/login"
    if role:
        assert app.get("/editor/", status=303)  # signed out


def test_other_methods_are_refused(doomed_app, users):
    login(doomed_app, users["admin"].username)
    for path in ("/editor/", GUIDE, "/editor/users", "/editor/audit"):
        assert doomed_app.delete(path, expect_errors=True).status_int == 405
        assert doomed_app.put(path, expect_errors=True).status_int == 405


@pytest.mark.parametrize("role", ROLES)
def test_guide_actions_by_role(doomed_app, users, role):
    app = doomed_app
    login(app, users[role].username)
    page = app.get(GUIDE)
    form = page.forms["guide-form"]
    shown = {button["value"] for button in page.html.select("#guide-form button[name=action]")}
    for action, least in ACTIONS.items():
        may = allowed(least, role)
        # Buttons a role may not use are not shown (some are shown only in a state: archive
        # needs a published guide, which GAJ-0048 has).
        if action in ("preview", "save", "submit", "publish", "schedule", "archive"):
            assert (action in shown) == may, action
        values = {"csrf_token": form["csrf_token"].value, "base_revision": form["base_revision"].value,
                  "summary": form["summary"].value, "body": form["body"].value, "action": action}
        response = app.post(GUIDE, values, expect_errors=True)
        if may:
            assert response.status_int != 403, action
        else:
            assert response.status_int == 403, action


def counts(dbsession) -> tuple:
    """What a refused request must leave as it was: rows, guide pointers and states, accounts."""
    return (dbsession.scalar(select(func.count(GuideRevision.id))), dbsession.scalar(select(func.count(AuditEvent.id))),
            dbsession.scalar(select(func.count(User.id))),
            dbsession.execute(select(Guide.id, Guide.published_revision_id, Guide.draft_revision_id)
                              .order_by(Guide.id)).all(),
            dbsession.execute(select(GuideRevision.id, GuideRevision.state).order_by(GuideRevision.id)).all(),
            dbsession.execute(select(User.id, User.role, User.active, User.locale, User.session_version)
                              .order_by(User.id)).all())


@pytest.mark.parametrize("token", [None, "not-the-token"])
def test_state_changes_need_the_csrf_token(doomed_app, users, dbsession, token):
    app = doomed_app
    login(app, users["admin"].username)
    form = app.get(GUIDE).forms["guide-form"]
    before = counts(dbsession)
    posts = {
        GUIDE: {"summary": "改了", "body": "改了", "base_revision": form["base_revision"].value, "action": "publish",
                "note": "x"},
        GUIDE + "?": {"summary": form["summary"].value, "body": form["body"].value,
                      "base_revision": form["base_revision"].value, "action": "archive"},
        f"{GUIDE}/revisions/1/restore": {"base_revision": form["base_revision"].value},
        "/editor/users": {"username": "newcomer", "role": "editor", "password": "a long enough password"},
        "/editor/users/test-editor": {"action": "disable"},
        "/editor/preferences": {"locale": "zh-Hans"},
        "/editor/logout": {},
    }
    for path, values in posts.items():
        if token:
            values["csrf_token"] = token
        response = app.post(path, values, expect_errors=True)
        assert response.status_int == 400, path
        assert "did not come from this site" in response.text, path
    dbsession.expire_all()
    assert counts(dbsession) == before
    assert app.get("/editor/").status_int == 200  # still signed in: logout was refused too
    assert users["editor"].active and users["admin"].locale == "en"


def test_a_login_needs_the_csrf_token_too(doomed_app, users):
    doomed_app.reset()
    response = doomed_app.post("/editor/login", {"username": users["admin"].username, "password": "x"},
                               expect_errors=True)
    assert response.status_int == 400
