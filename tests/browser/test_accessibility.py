"""axe-core over every public page type, in the three languages, on a phone and a desktop width.
Every violation fails, whatever its impact: the pages have none, and must keep it so.
(test_coverage.py checks that every route of the app is in these tables or another audience's.)"""
import datetime as dt
from urllib.parse import quote

import pytest

from guide.hours.status import TZ

from .axe import axe_violations, format_violations
from .conftest import Post, response_status, submit

pytestmark = pytest.mark.browser

LANGS = ("zh-hans", "en", "zh-hant")
#: name: (path after /{lang}, a selector the page must have, so that a missing code or a changed
#: page cannot turn the check into one of the 404 page). A callable path gets the language.
#: Codes are from content/: GAJ-0014 has an editorial guide, GAJ-0001 none.
PAGES = {
    "home": ("/", "#topics-heading"),
    "items": ("/items", ".results li"),
    "item-with-guide": ("/items/GAJ-0014", ".guide-text"),
    "item-without-guide": ("/items/GAJ-0001", "details.windows"),
    "item-nearest-centers": ("/items/GAJ-0014?district=huiyang", "ol.nearest > li"),
    "print-a4": ("/items/GAJ-0014/print", ".checklist-sheet .cl-place"),
    "print-80mm": ("/items/GAJ-0014/print?format=80mm&district=boluo", ".checklist-sheet .cl-place"),
    "departments": ("/departments", ".card-list li"),
    "department": ("/departments/gaj", ".results li"),
    "centers": ("/centers", ".card-list li"),
    "center": ("/centers/municipal", "table.hours"),
    "search-results": (lambda lang: "/search?q=" + quote("passport" if lang == "en" else "护照"), ".results li"),
    "search-no-results": ("/search?q=qzxjvkw", ".no-results"),
    "items-by-topic": ("/items?topic=family", ".results li"),
    "not-found": ("/items/NO-SUCH-0000", "main .column > .lead"),
    "privacy": ("/privacy", "main h2"),
    "api-reference": ("/api", "#schema-Item + .table-scroll table"),
    "statistics": ("/statistics", "section#centers tbody tr"),
    "item-done-online": ("/items/GJJ-0005", ".action-panel .button-start"),
    "bundles": ("/bundles", ".card-list li"),
    "bundle": ("/bundles/having-a-baby", "ol.bundle-steps li"),
    "search-life-event": (lambda lang: "/search?q=" + quote("having a baby" if lang == "en" else "生孩子"),
                          ".bundles-found li"),
}
#: Answers other than a link's page: a reader's feedback taken or refused, and the error pages
#: other than "not found". name: (a path after /{lang}, or the form sent there; a selector the
#: page must have; its HTTP status).
STATUS_PAGES = {
    "feedback-thanks": ("/items/GAJ-0014?feedback=thanks", "#feedback p[role=status]", 200),
    # refused before the throttle counts it: nothing is stored
    "feedback-refused": (Post("/items/GAJ-0014/feedback", (("text", "See https://example.com/x"),)),
                         "#feedback .error-summary", 400),
    "bad-request": ("/items?page=0", "main .column > .lead", 400),
    "method-not-allowed": (Post("/search"), "main .column > .lead", 405),
}
SIZES = {"phone": (390, 900), "desktop": (1280, 900)}


@pytest.fixture(scope="module", params=list(SIZES), ids=list(SIZES))
def window(request, browser):
    """The browser at each width in turn; the size it had is restored afterwards."""
    before = browser.get_window_size()
    browser.set_window_size(*SIZES[request.param])
    yield request.param
    browser.set_window_size(before["width"], before["height"])


@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.parametrize("lang", LANGS)
def test_no_accessibility_violations(browser, server_url, window, lang, page):
    path, expect = PAGES[page]
    if callable(path):
        path = path(lang)
    url = f"{server_url}/{lang}{path}"
    browser.get(url)
    assert browser.execute_script("return document.querySelector(arguments[0]) !== null", expect), \
        f"{url} is not the {page} page it should be (no {expect})"
    if page == "item-without-guide":
        assert not browser.execute_script("return document.querySelector('.guide-text') !== null")
    violations = axe_violations(browser)
    if violations:
        pytest.fail(format_violations(violations, url), pytrace=False)


@pytest.mark.parametrize("page", list(STATUS_PAGES))
@pytest.mark.parametrize("lang", LANGS)
def test_answers_and_error_pages_have_no_violations(browser, server_url, window, lang, page):
    how, expect, status = STATUS_PAGES[page]
    if isinstance(how, Post):
        browser.get(f"{server_url}/{lang}/privacy")
        submit(browser, f"/{lang}{how.path}", how.fields)
    else:
        browser.get(f"{server_url}/{lang}{how}")
    url = browser.current_url
    assert response_status(browser) == status, url
    assert browser.execute_script("return document.querySelector(arguments[0]) !== null", expect), \
        f"{url} is not the {page} page it should be (no {expect})"
    violations = axe_violations(browser)
    if violations:
        pytest.fail(format_violations(violations, url), pytrace=False)


@pytest.mark.parametrize("page", ["home", "item-with-guide", "search-results", "center"])
def test_the_elder_display_has_no_violations(browser, server_url, page):
    path, expect = PAGES[page]
    path = path("zh-hans") if callable(path) else path
    browser.get(f"{server_url}/zh-hans{path}{'&' if '?' in path else '?'}display=elder")
    try:
        assert browser.execute_script("return document.documentElement.className") == "elder"
        assert browser.execute_script("return document.querySelector(arguments[0]) !== null", expect)
        violations = axe_violations(browser)
        if violations:
            pytest.fail(format_violations(violations, browser.current_url), pytrace=False)
    finally:
        browser.get(f"{server_url}/zh-hans/?display=standard")


def test_axe_sees_a_violation(browser, server_url):
    """The check itself works: an image without alternative text is found on a real page."""
    browser.get(f"{server_url}/en/")
    browser.execute_script(
        "const img = document.createElement('img'); img.src = 'data:,'; document.querySelector('main').append(img);")
    found = axe_violations(browser, impacts=("critical",))
    assert "image-alt" in {v["id"] for v in found}, format_violations(found)


#: when the sample notices of content/notices/ for the Huicheng hall and the passport are current
NOTICES_AT = dt.datetime(2026, 12, 1, 10, 0, tzinfo=TZ)


@pytest.mark.parametrize("lang", LANGS)
def test_pages_with_notices_have_no_violations(browser, server_url, clock, lang):
    clock.set(NOTICES_AT)
    for path in ("/centers/huicheng", "/items/GAJ-0014"):
        url = f"{server_url}/{lang}{path}"
        browser.get(url)
        assert browser.execute_script("return document.querySelectorAll('section.notices .notice').length") >= 1, url
        violations = axe_violations(browser)
        if violations:
            pytest.fail(format_violations(violations, url), pytrace=False)
