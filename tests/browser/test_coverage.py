"""Every page type the app serves is checked by axe (issue 15). Each route that answers with an
HTML page is covered by pages of the browser tests' tables, which run in the three languages;
every other route is excluded, with its reason, and the exclusions are checked to serve no page.
Each full-page template is covered too (error pages and form answers have no route of their own).

These tests need no browser: they read the route table and the tables of pages, so a route
added without axe coverage fails the ordinary test run, not only the browser run.

Where each table runs (and at what width):
- test_accessibility.py: PAGES and STATUS_PAGES, zh-hans, en and zh-hant, at 390 and 1280 px;
  every violation fails.
- test_kiosk.py: SCREENS in the three languages, portrait and landscape (the board in the
  hall's language, its only one); ERROR_SCREENS in the three languages, portrait; every
  violation fails.
- test_editor.py: EDITOR_PAGES and EDITOR_ANSWERS in the editor's three interface languages
  (RUNS: English at 390 and 1280 px, Simplified and Traditional Chinese at 1280); every
  violation fails.
"""
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pyramid.interfaces import IRoutesMapper

from .conftest import Post
from .test_accessibility import PAGES, STATUS_PAGES
from .test_editor import EDITOR_ANSWERS, EDITOR_PAGES
from .test_kiosk import ERROR_SCREENS, HALL, SCREENS

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "guide" / "templates"

#: Route name: the pages axe checks it with, as "audience:name" of the tables above. Each page's
#: address must be one of its route's (checked), and every page of the tables is listed.
COVERAGE = {
    "public.home": ["public:home"],
    "public.items": ["public:items", "public:items-by-topic", "public:bad-request"],
    "public.item": ["public:item-with-guide", "public:item-without-guide", "public:item-nearest-centers",
                    "public:item-done-online", "public:feedback-thanks", "public:not-found"],
    "public.print": ["public:print-a4", "public:print-80mm"],
    # POST only: its answer is the guide page with the message (a 400), or a redirect to thanks
    "public.feedback": ["public:feedback-refused"],
    "public.departments": ["public:departments"],
    "public.department": ["public:department"],
    "public.search": ["public:search-results", "public:search-no-results", "public:search-life-event",
                      "public:method-not-allowed"],
    "public.centers": ["public:centers"],
    "public.center": ["public:center"],
    "public.privacy": ["public:privacy"],
    "public.api_reference": ["public:api-reference"],
    "public.statistics": ["public:statistics"],
    "public.bundles": ["public:bundles"],
    "public.bundle": ["public:bundle"],
    "kiosk.home": ["kiosk:home"],
    "kiosk.search": ["kiosk:search", "kiosk:topic", "kiosk:bad-request", "kiosk:method-not-allowed"],
    "kiosk.item": ["kiosk:guide", "kiosk:guide-elsewhere", "kiosk:not-found"],
    "kiosk.print": ["kiosk:print"],
    "kiosk.board": ["kiosk:board"],
    "editor.login": ["editor:login"],
    "editor.home": ["editor:dashboard"],
    "editor.items": ["editor:items", "editor:method-not-allowed"],
    "editor.preferences": ["editor:preferences"],
    "editor.forms": ["editor:forms"],
    "editor.guide": ["editor:guide-zh", "editor:guide-en", "editor:guide-zh-hant", "editor:preview",
                     "editor:form-with-errors", "editor:conflict", "editor:not-found"],
    "editor.history": ["editor:history"],
    "editor.diff": ["editor:diff", "editor:bad-request"],
    "editor.revision": ["editor:revision"],
    "editor.users": ["editor:users", "editor:forbidden"],
    "editor.user": ["editor:user"],
    "editor.notices": ["editor:notices"],
    "editor.notice": ["editor:notice"],
    "editor.feedback": ["editor:feedback"],
    "editor.bundles": ["editor:bundles"],
    "editor.bundle": ["editor:bundle"],
    "editor.search_terms": ["editor:search-terms", "editor:search-terms-preview"],
    "editor.catalogue_import": ["editor:catalogue-import"],
    "editor.audit": ["editor:audit"],
}

#: Routes with no page of their own: (kind, an address to check it by, why). A "json" or
#: "static" one answers that address with something other than HTML, a "redirect" one with a
#: redirect, a "post" one takes no GET at all; a "download" one is checked where noted.
EXCLUDED = {
    "__static/": ("static", "/static/css/site.css", "stylesheets, scripts and images"),
    "root": ("redirect", "/", "to the home page in the reader's language"),
    "healthz": ("json", "/healthz", "liveness, for monitoring"),
    "readyz": ("json", "/readyz", "readiness, for monitoring"),
    "public.form": ("download", None, "a form as an attachment, in the file's own type "
                                      "(tests/functional/editor/test_material_forms.py)"),
    "public.robots": ("crawler", "/robots.txt", "plain text for search engines (tests/functional/public/test_seo.py)"),
    "public.sitemap": ("crawler", "/sitemap.xml", "XML for search engines (tests/functional/public/test_seo.py)"),
    "public.feed": ("crawler", "/en/feed.atom", "an Atom feed (tests/functional/public/test_seo.py)"),
    "kiosk.start": ("redirect", f"/kiosk/{HALL}/", "to the hall's default language"),
    "kiosk.start_bare": ("redirect", f"/kiosk/{HALL}", "to the hall's default language"),
    "kiosk.home_bare": ("redirect", f"/kiosk/{HALL}/en", "to the same screen with its slash"),
    "api.openapi": ("json", "/api/v1/openapi.json", "the API's description"),
    "api.items": ("json", "/api/v1/items", "the API"),
    "api.item": ("json", "/api/v1/items/GAJ-0014", "the API"),
    "api.item_windows": ("json", "/api/v1/items/GAJ-0014/windows?district=huiyang", "the API"),
    "api.centers": ("json", "/api/v1/centers", "the API"),
    "api.center_status": ("json", "/api/v1/centers/municipal/status", "the API"),
    "api.search": ("json", "/api/v1/search?q=passport&lang=en", "the API"),
    "api.suggest": ("json", "/api/v1/suggest?q=gjj&lang=zh-hans", "the search box's suggestions"),
    "api.notices": ("json", "/api/v1/notices", "the API"),
    "api.departments": ("json", "/api/v1/departments", "the API"),
    "api.topics": ("json", "/api/v1/topics", "the API"),
    "api.export_json": ("json", "/api/v1/export.json", "open data: the whole catalogue"),
    "api.export_csv": ("json", "/api/v1/export.csv", "open data: the whole catalogue as CSV"),
    "editor.root": ("redirect", "/editor", "to the dashboard"),
    "editor.logout": ("post", None, "signs out and redirects to the login page"),
    "editor.restore": ("post", None, "redirects to the guide form; a conflict answers with the "
                                     "conflict page, covered at editor.guide"),
    "editor.source_holds": ("post", None, "confirms a guide after an import and redirects to the dashboard"),
}

#: Full-page templates (those with an <html> that are not a master): the pages that show them.
TEMPLATES = {
    "public/home.pt": ["public:home"],
    "public/items.pt": ["public:items"],
    "public/item.pt": ["public:item-with-guide", "public:feedback-refused"],
    "public/print.pt": ["public:print-a4", "public:print-80mm"],
    "public/departments.pt": ["public:departments"],
    "public/department.pt": ["public:department"],
    "public/search.pt": ["public:search-results"],
    "public/centers.pt": ["public:centers"],
    "public/center.pt": ["public:center"],
    "public/privacy.pt": ["public:privacy"],
    "public/api_reference.pt": ["public:api-reference"],
    "public/statistics.pt": ["public:statistics"],
    "public/bundles.pt": ["public:bundles"],
    "public/bundle.pt": ["public:bundle"],
    "public/error.pt": ["public:not-found", "public:bad-request", "public:method-not-allowed"],
    "kiosk/home.pt": ["kiosk:home"],
    "kiosk/search.pt": ["kiosk:search"],
    "kiosk/item.pt": ["kiosk:guide"],
    "kiosk/print.pt": ["kiosk:print"],
    "kiosk/board.pt": ["kiosk:board"],
    "kiosk/error.pt": ["kiosk:not-found", "kiosk:bad-request", "kiosk:method-not-allowed"],
    "editor/login.pt": ["editor:login"],
    "editor/dashboard.pt": ["editor:dashboard"],
    "editor/items.pt": ["editor:items"],
    "editor/guide.pt": ["editor:guide-zh", "editor:preview", "editor:form-with-errors"],
    "editor/converted.pt": ["editor:guide-zh-hant"],
    "editor/conflict.pt": ["editor:conflict"],
    "editor/history.pt": ["editor:history"],
    "editor/diff.pt": ["editor:diff"],
    "editor/revision.pt": ["editor:revision"],
    "editor/users.pt": ["editor:users"],
    "editor/user.pt": ["editor:user"],
    "editor/notices.pt": ["editor:notices"],
    "editor/notice.pt": ["editor:notice"],
    "editor/feedback.pt": ["editor:feedback"],
    "editor/bundles.pt": ["editor:bundles"],
    "editor/bundle.pt": ["editor:bundle"],
    "editor/preferences.pt": ["editor:preferences"],
    "editor/search_terms.pt": ["editor:search-terms", "editor:search-terms-preview"],
    "editor/catalogue_import.pt": ["editor:catalogue-import"],
    "editor/material_forms.pt": ["editor:forms"],
    "editor/audit.pt": ["editor:audit"],
    "editor/error.pt": ["editor:not-found", "editor:bad-request", "editor:method-not-allowed", "editor:forbidden"],
}


def _path(how, lang=None):
    how = how.path if isinstance(how, Post) else how
    if callable(how):
        return how(lang)
    return how.format(lang=lang) if lang else how


def page_paths() -> dict[str, str]:
    """Every page of the tables, "audience:name": its address (in English, where it has a language)."""
    paths = {f"public:{name}": "/en" + _path(how, "en")
             for name, (how, *_) in {**PAGES, **STATUS_PAGES}.items()}
    paths.update({f"kiosk:{name}": f"/kiosk/{HALL}" + _path(how, "en")
                  for name, (how, *_) in {**SCREENS, **ERROR_SCREENS}.items()})
    paths.update({f"editor:{name}": path for name, path in {**EDITOR_PAGES, **EDITOR_ANSWERS}.items()})
    return paths


def route_of(registry, path: str) -> str | None:
    """The route that takes `path`, as Pyramid chooses it: the first in order that matches."""
    path = urlsplit(path).path
    for route in registry.getUtility(IRoutesMapper).get_routes():
        if route.match(path) is not None:
            return route.name
    return None


def route_names(registry) -> list[str]:
    return [entry["introspectable"]["name"] for entry in registry.introspector.get_category("routes")]


def test_every_route_has_axe_coverage_or_a_reason_not_to(wsgi_app):
    names = route_names(wsgi_app.registry)
    uncovered = [name for name in names if name not in COVERAGE and name not in EXCLUDED]
    assert not uncovered, (f"routes with no axe coverage: {uncovered}; add pages for them to the browser tests' "
                           "tables and to COVERAGE, or to EXCLUDED with the reason they serve no page")
    assert not set(COVERAGE) & set(EXCLUDED)
    gone = sorted((set(COVERAGE) | set(EXCLUDED)) - set(names))
    assert not gone, f"no longer routes: {gone}"


def test_each_covering_page_is_on_its_route(wsgi_app):
    paths = page_paths()
    unknown = sorted({ref for refs in [*COVERAGE.values(), *TEMPLATES.values()] for ref in refs} - set(paths))
    assert not unknown, f"pages in COVERAGE or TEMPLATES that no table has: {unknown}"
    elsewhere = {ref: (paths[ref], route_of(wsgi_app.registry, paths[ref]))
                 for name, refs in COVERAGE.items() for ref in refs
                 if route_of(wsgi_app.registry, paths[ref]) != name}
    assert not elsewhere, f"pages listed under a route that is not theirs (page: its address, its route): {elsewhere}"
    listed = {ref for refs in COVERAGE.values() for ref in refs}
    assert listed == set(paths), f"pages of the tables missing from COVERAGE: {sorted(set(paths) - listed)}"


def test_every_page_template_is_covered():
    pages = sorted(str(path.relative_to(TEMPLATES_DIR)) for path in TEMPLATES_DIR.glob("*/*.pt")
                   if "<html" in (text := path.read_text(encoding="utf-8")) and 'define-macro="page"' not in text)
    assert sorted(TEMPLATES) == pages, (f"page templates with no axe coverage: {sorted(set(pages) - set(TEMPLATES))}; "
                                        f"listed but gone: {sorted(set(TEMPLATES) - set(pages))}")


@pytest.mark.parametrize("name", sorted(EXCLUDED))
def test_an_excluded_route_serves_no_page(wsgi_app, testapp, name):
    kind, path, reason = EXCLUDED[name]
    assert reason
    if path is not None:
        assert route_of(wsgi_app.registry, path) == name, path
    if kind == "post":
        methods = {method for entry in wsgi_app.registry.introspector.get_category("views")
                   if entry["introspectable"]["route_name"] == name
                   for method in ((entry["introspectable"]["request_methods"],)
                                  if isinstance(entry["introspectable"]["request_methods"], str)
                                  else entry["introspectable"]["request_methods"] or ("any",))}
        assert methods == {"POST"}, f"{name} takes {methods}: not POST only"
    elif kind == "redirect":
        response = testapp.get(path, status="*")
        assert 300 <= response.status_int < 400, (path, response.status)
    elif kind in ("json", "static", "crawler"):
        response = testapp.get(path, status=200)
        assert response.content_type != "text/html", (path, response.content_type)
    else:
        assert kind == "download" and "tests/" in reason, name
