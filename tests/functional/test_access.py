"""Who may reach what: every route in the app's route table, with each method its views take,
for anonymous visitors and each role, against one matrix written out here; and CSRF on every
state-changing request.

The matrix is the specification, not read from guide.security: a route, or a method on a route,
that the app has and the matrix lacks fails, and so does an entry the app no longer has."""
import datetime as dt
from typing import NamedTuple
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from pyramid.interfaces import IRoutesMapper
from sqlalchemy import func, select

from guide.models import (AuditEvent, BestBet, Bundle, CatalogueUpload, ContentVersion, Feedback, Guide, GuideRevision,
                          GuideSourceChange, Item, MaterialForm, Notice, Synonym, User)
from guide.models.meta import Base

from .editor.conftest import SMALL, login, password_hash, users  # noqa: F401 (fixtures)

ROLES = ("editor", "publisher", "admin")
#: no sign-in needed: the public site, the API, kiosks, health checks and the login page
ANYONE = "anyone"
#: a view that takes any method (Pyramid's request_methods None); requested with GET and POST
ANY = "*"


class Access(NamedTuple):
    #: ANYONE, or the least role allowed (each role has the rights of those before it)
    least: str
    #: real paths that reach the route; {form} is a form attached by the test
    paths: tuple[str, ...]
    #: for what takes POST: refused without the session's CSRF token
    csrf: bool = True


GUIDE = "/editor/items/GAJ-0048/zh-hans"
KIOSK = "/kiosk/municipal"
LOGOUT = ("editor.logout", "POST")


def allow(least: str, *paths: str, csrf: bool = True) -> Access:
    return Access(least, paths, csrf)


#: (route name, method) -> who may, on which paths. One entry per route and method of the app.
MATRIX = {
    # add_static_view's route
    ("__static/", ANY): allow(ANYONE, "/static/css/site.css"),
    ("root", "GET"): allow(ANYONE, "/"),
    ("healthz", "GET"): allow(ANYONE, "/healthz"),
    ("readyz", "GET"): allow(ANYONE, "/readyz"),

    ("public.home", "GET"): allow(ANYONE, "/zh-hans/", "/en/", "/zh-hant/"),
    ("public.items", "GET"): allow(ANYONE, "/en/items", "/zh-hans/items?topic=family"),
    ("public.item", "GET"): allow(ANYONE, "/zh-hans/items/GAJ-0014", "/en/items/GAJ-0048"),
    ("public.print", "GET"): allow(ANYONE, "/zh-hans/items/GAJ-0014/print", "/en/items/GAJ-0014/print?format=80mm"),
    # Deliberately without a CSRF token: the guide page is the same for everyone and cached, and
    # sets no session; the view checks the Origin over HTTPS and throttles each address
    # (guide/views/public/feedback.py). test_feedback_needs_no_token_but_a_same_site_origin.
    ("public.feedback", "POST"): allow(ANYONE, "/en/items/GAJ-0014/feedback", csrf=False),
    ("public.departments", "GET"): allow(ANYONE, "/en/departments"),
    ("public.department", "GET"): allow(ANYONE, "/zh-hans/departments/gaj"),
    ("public.search", "GET"): allow(ANYONE, "/en/search?q=passport", "/zh-hans/search?q=" + quote("护照")),
    ("public.centers", "GET"): allow(ANYONE, "/en/centers"),
    ("public.center", "GET"): allow(ANYONE, "/zh-hant/centers/municipal"),
    ("public.privacy", "GET"): allow(ANYONE, "/en/privacy"),
    ("public.bundles", "GET"): allow(ANYONE, "/zh-hans/bundles"),
    ("public.bundle", "GET"): allow(ANYONE, "/en/bundles/having-a-baby"),
    ("public.statistics", "GET"): allow(ANYONE, "/zh-hant/statistics"),
    ("public.form", "GET"): allow(ANYONE, "/forms/{form}/blank.pdf"),
    ("public.robots", "GET"): allow(ANYONE, "/robots.txt"),
    ("public.sitemap", "GET"): allow(ANYONE, "/sitemap.xml"),
    ("public.feed", "GET"): allow(ANYONE, "/zh-hans/feed.atom", "/en/feed.atom", "/zh-hant/feed.atom"),

    ("kiosk.start", "GET"): allow(ANYONE, f"{KIOSK}/"),
    ("kiosk.start_bare", "GET"): allow(ANYONE, KIOSK),
    ("kiosk.board", "GET"): allow(ANYONE, f"{KIOSK}/board"),
    ("kiosk.home_bare", "GET"): allow(ANYONE, f"{KIOSK}/en"),
    ("kiosk.home", "GET"): allow(ANYONE, f"{KIOSK}/zh-hans/"),
    ("kiosk.search", "GET"): allow(ANYONE, f"{KIOSK}/en/search?q=passport"),
    ("kiosk.item", "GET"): allow(ANYONE, f"{KIOSK}/en/items/GAJ-0014"),
    ("kiosk.print", "GET"): allow(ANYONE, f"{KIOSK}/zh-hans/items/GAJ-0014/print"),

    ("api.openapi", "GET"): allow(ANYONE, "/api/v1/openapi.json"),
    ("api.items", "GET"): allow(ANYONE, "/api/v1/items"),
    ("api.item", "GET"): allow(ANYONE, "/api/v1/items/GAJ-0014"),
    ("api.item_windows", "GET"): allow(ANYONE, "/api/v1/items/GAJ-0014/windows?district=huiyang"),
    ("api.centers", "GET"): allow(ANYONE, "/api/v1/centers"),
    ("api.center_status", "GET"): allow(ANYONE, "/api/v1/centers/municipal/status"),
    ("api.search", "GET"): allow(ANYONE, "/api/v1/search?q=passport&lang=en"),
    ("api.suggest", "GET"): allow(ANYONE, "/api/v1/suggest?q=" + quote("护")),
    ("api.notices", "GET"): allow(ANYONE, "/api/v1/notices"),
    ("api.departments", "GET"): allow(ANYONE, "/api/v1/departments?lang=en"),
    ("api.topics", "GET"): allow(ANYONE, "/api/v1/topics"),
    ("api.export_json", "GET"): allow(ANYONE, "/api/v1/export.json"),
    ("api.export_csv", "GET"): allow(ANYONE, "/api/v1/export.csv"),
    ("public.api_reference", "GET"): allow(ANYONE, "/zh-hans/api", "/en/api", "/zh-hant/api"),

    ("editor.login", "GET"): allow(ANYONE, "/editor/login"),
    ("editor.login", "POST"): allow(ANYONE, "/editor/login"),
    # a redirect to /editor/, whatever the method (which then asks for a sign-in)
    ("editor.root", ANY): allow(ANYONE, "/editor"),
    ("editor.home", "GET"): allow("editor", "/editor/"),
    ("editor.items", "GET"): allow("editor", "/editor/items", "/editor/items?q=GAJ"),
    ("editor.preferences", "GET"): allow("editor", "/editor/preferences"),
    ("editor.preferences", "POST"): allow("editor", "/editor/preferences"),
    ("editor.guide", "GET"): allow("editor", GUIDE, "/editor/items/GAJ-0048/en", "/editor/items/GAJ-0048/zh-hant"),
    ("editor.guide", "POST"): allow("editor", GUIDE),
    ("editor.history", "GET"): allow("editor", f"{GUIDE}/revisions"),
    ("editor.diff", "GET"): allow("editor", f"{GUIDE}/diff"),
    ("editor.revision", "GET"): allow("editor", f"{GUIDE}/revisions/1"),
    ("editor.restore", "POST"): allow("editor", f"{GUIDE}/revisions/1/restore"),
    ("editor.source_holds", "POST"): allow("editor", f"{GUIDE}/source-holds"),
    ("editor.forms", "GET"): allow("editor", "/editor/items/GAJ-0048/forms"),
    ("editor.forms", "POST"): allow("editor", "/editor/items/GAJ-0048/forms"),
    ("editor.feedback", "GET"): allow("editor", "/editor/feedback"),
    ("editor.notices", "GET"): allow("publisher", "/editor/notices"),
    ("editor.notices", "POST"): allow("publisher", "/editor/notices"),
    ("editor.notice", "GET"): allow("publisher", "/editor/notices/1"),
    ("editor.notice", "POST"): allow("publisher", "/editor/notices/1"),
    ("editor.bundles", "GET"): allow("publisher", "/editor/bundles"),
    ("editor.bundles", "POST"): allow("publisher", "/editor/bundles"),
    ("editor.bundle", "GET"): allow("publisher", "/editor/bundles/having-a-baby"),
    ("editor.bundle", "POST"): allow("publisher", "/editor/bundles/having-a-baby"),
    ("editor.search_terms", "GET"): allow("publisher", "/editor/search-terms"),
    ("editor.search_terms", "POST"): allow("publisher", "/editor/search-terms"),
    ("editor.users", "GET"): allow("admin", "/editor/users"),
    ("editor.users", "POST"): allow("admin", "/editor/users"),
    ("editor.user", "GET"): allow("admin", "/editor/users/test-editor"),
    ("editor.user", "POST"): allow("admin", "/editor/users/test-editor"),
    ("editor.audit", "GET"): allow("admin", "/editor/audit"),
    ("editor.catalogue_import", "GET"): allow("admin", "/editor/catalogue-import"),
    ("editor.catalogue_import", "POST"): allow("admin", "/editor/catalogue-import"),
    # signs the role out: requested last
    LOGOUT: allow("editor", "/editor/logout"),
}


def allowed(least: str, role: str | None) -> bool:
    return least == ANYONE or (role is not None and ROLES.index(role) >= ROLES.index(least))


def csrf(app) -> str:
    """The session's token (for a visitor not signed in, the login page makes a session)."""
    page = app.get("/editor/preferences", expect_errors=True)
    if page.status_int != 200:
        page = app.get("/editor/login")
    return page.html.select_one("input[name=csrf_token]")["value"]


def sign_in(app, users, role: str | None) -> None:  # noqa: F811 (the fixture's value)
    """A new visitor (None), or the app signed in as that role: signing in (slow on purpose) only
    when no one is signed in; the caller signs in as one role only."""
    if role is None:
        app.reset()
    elif app.get("/editor/preferences", expect_errors=True).status_int != 200:
        login(app, users[role].username)


def sent_to_login(response) -> bool:
    """The answer to a visitor who must sign in first: to the login page, coming back after."""
    location = urlsplit(response.headers.get("Location", ""))
    return response.status_int == 303 and location.path == "/editor/login" and "next" in parse_qs(location.query)


def methods_of(method: str) -> tuple[str, ...]:
    return ("GET", "POST") if method == ANY else (method,)


PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def attach_form(app, username: str, dbsession) -> int:
    """A blank form for GAJ-0048's first material, attached as an editor would: its id."""
    login(app, username)
    path = MATRIX["editor.forms", "GET"].paths[0]
    token = app.get(path).html.select_one("form[enctype] input[name=csrf_token]")["value"]
    app.post(path, {"csrf_token": token, "material": "1", "kind": "blank", "action": "attach"},
             upload_files=[("file-1", "blank.pdf", PDF)], status=303)
    return dbsession.scalar(select(func.max(MaterialForm.id)))


# -- the route table -------------------------------------------------------------------------------

def routes_and_methods(registry) -> tuple[set[str], set[tuple[str, str]], set[tuple[str, str]]]:
    """Every route's name, every (route, method) some view takes, and those whose view turns the
    CSRF check off."""
    introspector = registry.introspector
    routes = {entry["introspectable"]["name"] for entry in introspector.get_category("routes")}
    taken, unchecked = set(), set()
    for entry in introspector.get_category("views"):
        view = entry["introspectable"]
        if view["route_name"] is None:
            continue  # exception, not-found and forbidden views: reached from a route's answer
        methods = view["request_methods"]
        methods = (ANY,) if methods is None else (methods,) if isinstance(methods, str) else methods
        keys = {(view["route_name"], method) for method in methods}
        taken |= keys
        if view["require_csrf"] is False:
            unchecked |= keys
    return routes, taken, unchecked


def test_every_route_and_method_is_in_the_matrix(wsgi_app):
    routes, taken, unchecked = routes_and_methods(wsgi_app.registry)
    declared = {name for name, _method in MATRIX}
    assert routes - declared == set(), "routes without an entry in the matrix"
    assert declared - routes == set(), "entries for routes the app does not have"
    assert taken - set(MATRIX) == set(), "methods the app takes without an entry in the matrix"
    assert set(MATRIX) - taken == set(), "entries for methods the app does not take"
    assert unchecked == {key for key, access in MATRIX.items() if not access.csrf}, "views without the CSRF check"


def test_each_path_reaches_its_route(wsgi_app):
    """So that an entry checks the route it names (the first route that matches takes a request)."""
    mapper = wsgi_app.registry.getUtility(IRoutesMapper)

    def route_of(path: str) -> str | None:
        return next((route.name for route in mapper.get_routes() if route.match(urlsplit(path).path) is not None), None)

    for (name, method), access in MATRIX.items():
        assert access.paths, name
        for path in access.paths:
            assert route_of(path.format(form=1)) == name, path


# -- who may -------------------------------------------------------------------------------------

@pytest.mark.parametrize("role", [None, *ROLES])
def test_route_role_matrix(doomed_app, users, dbsession, fresh_throttle, role):  # noqa: F811
    app = doomed_app
    form = attach_form(app, users["editor"].username, dbsession)
    if role:
        login(app, users[role].username)
    else:
        app.reset()
    token = csrf(app)
    for (name, method), access in sorted(MATRIX.items(), key=lambda entry: entry[0] == LOGOUT):
        for path in access.paths:
            path = path.format(form=form)
            for verb in methods_of(method):
                if verb == "GET":
                    response = app.get(path, expect_errors=True)
                else:
                    response = app.post(path, {"csrf_token": token}, expect_errors=True)
                where = f"{verb} {path} ({name}) as {role or 'anonymous'}: {response.status}"
                if allowed(access.least, role):
                    assert response.status_int != 403 and not sent_to_login(response), where
                    assert response.status_int < 500, where
                    # A real path: what it names exists.
                    assert response.status_int != 404, where
                    if verb == "GET":
                        assert response.status_int in (200, 302, 303), where
                elif role is None:
                    assert sent_to_login(response), where
                    assert parse_qs(urlsplit(response.headers["Location"]).query)["next"] == [path], where
                else:
                    assert response.status_int == 403, where
                    assert "role does not allow" in response.text, where
    if role:
        assert sent_to_login(app.get("/editor/", expect_errors=True))  # signed out by the last


@pytest.mark.parametrize("role", [None, "admin"])
def test_methods_a_route_does_not_take_are_405(doomed_app, users, role):  # noqa: F811
    """Whoever asks, before any permission is checked: a method no view takes is a 405."""
    app = doomed_app
    if role:
        login(app, users[role].username)
    for (name, method), access in MATRIX.items():
        if method == ANY:
            continue
        path = access.paths[0].format(form=1)
        for verb in ("PUT", "DELETE", "PATCH"):
            response = app.request(path, method=verb, expect_errors=True)
            assert response.status_int == 405, f"{verb} {path} ({name}) as {role or 'anonymous'}"


# -- CSRF ----------------------------------------------------------------------------------------

def counts(dbsession) -> tuple:
    """What a refused request must leave as it was: the rows of every table, and the columns a
    request can change in place (guide pointers and states, accounts, notices, bundles, search
    terms, forms, the content version). Flushed first: a change a request left in the session
    counts (expiring the session instead would throw it away unseen)."""
    dbsession.flush()
    rows = {table.name: dbsession.scalar(select(func.count()).select_from(table))
            for table in Base.metadata.sorted_tables}

    def all_of(*columns, order):
        return dbsession.execute(select(*columns).order_by(*order if isinstance(order, tuple) else (order,))).all()

    return (rows,
            all_of(Guide.id, Guide.published_revision_id, Guide.draft_revision_id, order=Guide.id),
            all_of(GuideRevision.id, GuideRevision.state, order=GuideRevision.id),
            all_of(User.id, User.role, User.active, User.locale, User.session_version, User.password_hash,
                   User.last_login_at, order=User.id),
            all_of(Notice.id, Notice.severity, Notice.starts_at, Notice.ends_at, Notice.text_zh, Notice.text_en,
                   Notice.updated_at, order=Notice.id),
            all_of(Bundle.id, Bundle.slug, Bundle.title_zh, Bundle.title_en, Bundle.summary_zh, Bundle.summary_en,
                   order=Bundle.id),
            all_of(Synonym.term, Synonym.officials, order=Synonym.term),
            all_of(BestBet.query, BestBet.item_id, BestBet.rank, order=(BestBet.query, BestBet.item_id)),
            all_of(MaterialForm.id, MaterialForm.sha256, order=MaterialForm.id),
            all_of(CatalogueUpload.id, order=CatalogueUpload.id),
            all_of(Feedback.id, order=Feedback.id),
            all_of(AuditEvent.id, order=AuditEvent.id),
            dbsession.execute(select(ContentVersion.__table__)).all())


def guide_form(app) -> dict:
    form = app.get(GUIDE).forms["guide-form"]
    return {name: form[name].value for name in ("summary", "body", "base_revision")}


def flagged(app, dbsession) -> dict:
    """GAJ-0048's guide flagged as an import flags it, for an editor to confirm it still holds."""
    item = select(Item.id).where(Item.code == "GAJ-0048").scalar_subquery()
    guide = dbsession.scalar(select(Guide).where(Guide.item_id == item, Guide.locale == "zh-Hans"))
    dbsession.add(GuideSourceChange(guide=guide, changes="[]", created_at=dt.datetime.now(dt.timezone.utc)))
    return {}


#: (route, method) that takes POST -> (fields, files) of a request that changes something when its
#: token is right, so that a refusal is seen to change nothing. A callable gets the signed-in app and
#: the session. None: nothing to change (the redirect, the static files).
POSTS = {
    ("__static/", ANY): None,
    ("editor.root", ANY): None,
    ("editor.login", "POST"): ({"username": "test-admin", "password": "correct horse battery"}, []),
    ("editor.preferences", "POST"): ({"locale": "zh-Hans"}, []),
    ("editor.guide", "POST"): (lambda app, db: {**guide_form(app), "summary": "改了", "note": "x", "action": "publish"},
                               []),
    ("editor.restore", "POST"): (lambda app, db: {"base_revision": guide_form(app)["base_revision"]}, []),
    ("editor.source_holds", "POST"): (flagged, []),
    ("editor.forms", "POST"): ({"material": "1", "kind": "blank", "action": "attach"}, [("file-1", "blank.pdf", PDF)]),
    ("editor.notices", "POST"): ({"severity": "warning", "text_zh": "测试大厅暂停办理", "text_en": "The test hall is closed",
                                  "starts_at": "2027-03-02T09:00", "ends_at": "2027-03-04T18:00", "items": "GAJ-0014"},
                                 []),
    ("editor.notice", "POST"): ({"severity": "info", "text_zh": "改了", "text_en": "Changed", "action": "save",
                                 "starts_at": "2027-03-02T09:00", "ends_at": "2027-03-04T18:00", "items": ""}, []),
    ("editor.bundles", "POST"): ({"slug": "test-life-event", "items": "GAJ-0014 GJJ-0006", "title_zh": "测试一件事",
                                  "title_en": "A test event", "summary_zh": "测试摘要", "summary_en": "A test summary",
                                  "terms_zh": "测试事件\n", "terms_en": "test event"}, []),
    ("editor.bundle", "POST"): ({"items": "GAJ-0014 GJJ-0006", "title_zh": "改了", "title_en": "Changed",
                                 "summary_zh": "改了", "summary_en": "Changed", "terms_zh": "", "terms_en": "",
                                 "action": "save"}, []),
    ("editor.search_terms", "POST"): ({"kind": "synonym", "op": "put", "term": "zebrapass", "officials": "护照",
                                       "step": "save"}, []),
    ("editor.users", "POST"): ({"username": "newcomer", "role": "editor", "password": "a long enough password"}, []),
    ("editor.user", "POST"): ({"action": "disable"}, []),
    ("editor.catalogue_import", "POST"): ({"step": "check"},
                                          [("files", n, (SMALL / n).read_bytes()) for n in
                                           ("departments.csv", "items.csv", "materials.csv")]),
    LOGOUT: ({}, []),
}


#: the error page's language where the path names none
ENGLISH = {"Accept-Language": "en"}
#: what the answer says, in English or (for the admin once the language preference is changed) Chinese
REFUSED = ("did not come from this site", "并非来自本站")


def state_changing() -> list[tuple[str, str]]:
    return [key for key in MATRIX if "POST" in methods_of(key[1])]


def test_every_post_has_a_request_that_would_change_something():
    assert set(POSTS) == {key for key in state_changing() if MATRIX[key].csrf}


@pytest.mark.parametrize("token", [None, "not-the-token"])
def test_state_changes_need_the_csrf_token(doomed_app, users, dbsession, token):  # noqa: F811
    """As the most privileged role (and anonymous where anyone may), each state change is refused
    without the session's token or with another, and changes nothing; with the right token the same
    request is accepted, so the refusal was the token's."""
    app = doomed_app
    for key in sorted(POSTS, key=lambda key: key == LOGOUT):
        access = MATRIX[key]
        fields, files = POSTS[key] or ({}, [])
        for role in ("admin", None) if access.least == ANYONE else ("admin",):
            sign_in(app, users, role)
            values = fields(app, dbsession) if callable(fields) else dict(fields)
            path = access.paths[0]
            where = f"POST {path} ({key[0]}) as {role or 'anonymous'} with token {token!r}"
            before = counts(dbsession)
            sent = {**values, **({"csrf_token": token} if token else {})}
            response = app.post(path, sent, upload_files=files or None, headers=ENGLISH, expect_errors=True)
            assert response.status_int == 400, where
            assert any(words in response.text for words in REFUSED), where
            assert counts(dbsession) == before, where
            if role == "admin":
                assert app.get("/editor/").status_int == 200, where  # still signed in
            # The same request with the session's token:
            response = app.post(path, {**values, "csrf_token": csrf(app)}, upload_files=files or None,
                                expect_errors=True)
            assert response.status_int in (200, 302, 303), where
            if POSTS[key] is not None:
                assert counts(dbsession) != before, where


FEEDBACK = MATRIX["public.feedback", "POST"].paths[0]
HTTPS = {"wsgi.url_scheme": "https", "HTTP_HOST": "guide.example"}
#: over HTTPS, what a browser sends with a form posted from another site (or a client that says nothing)
FOREIGN = ({}, {"Origin": "https://evil.example"}, {"Referer": "https://evil.example/page"})


def test_feedback_needs_no_token_but_a_same_site_origin(doomed_app, dbsession, fresh_throttle):
    """The one POST the matrix lets through without a token (public.feedback): over HTTPS its
    Origin (or Referer) must be the site's, or nothing is stored; over plain HTTP (development)
    a reader's feedback is taken as sent."""
    app = doomed_app
    app.reset()
    before = counts(dbsession)
    for headers in FOREIGN:
        response = app.post(FEEDBACK, {"useful": "yes"}, headers=headers, extra_environ=HTTPS, expect_errors=True)
        assert "feedback=thanks" not in response.headers.get("Location", ""), headers
    assert counts(dbsession) == before
    app.post(FEEDBACK, {"useful": "yes"}, headers={"Origin": "https://guide.example"}, extra_environ=HTTPS, status=303)
    app.post(FEEDBACK, {"useful": "no"}, status=303)
    assert dbsession.scalar(select(func.count(Feedback.id))) == before[0]["feedback"] + 2


def test_feedback_from_another_site_is_a_403(doomed_app, fresh_throttle):
    """The view refuses it with a 403 (guide/views/public/feedback.py), for a reader: not a
    redirect to the editor's login page."""
    app = doomed_app
    app.reset()
    for headers in FOREIGN:
        response = app.post(FEEDBACK, {"useful": "yes"}, headers=headers, extra_environ=HTTPS, expect_errors=True)
        assert response.status_int == 403 and not sent_to_login(response), (headers, response.status,
                                                                            response.headers.get("Location"))
