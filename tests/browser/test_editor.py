"""The editor in a real browser: keyboard only, no script, and axe (any violation fails) over
every editor page in the three languages of its interface, English at a phone and a desktop
width. Writes only drafts of CGJ-0001, which no other test reads."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from .axe import axe_violations, format_violations
from .conftest import response_status, sign_in, submit

pytestmark = pytest.mark.browser

WRITE = "/editor/items/CGJ-0001/zh-hans"
READ = "/editor/items/GAJ-0048"


def click_action(browser, value):
    browser.find_element(By.CSS_SELECTOR, f"#guide-form button[value={value}]").click()


@pytest.fixture(scope="module")
def two_revisions(browser, server_url, editor_accounts):
    """CGJ-0001 with two draft revisions, saved through the form."""
    sign_in(browser, server_url, editor_accounts["admin"])
    for text in ("第一稿：办理须知。", "第二稿：办理须知（修改）。"):
        browser.get(server_url + WRITE)
        body = browser.find_element(By.ID, "body")
        body.clear()
        body.send_keys(text)
        click_action(browser, "save")
        WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".flash, .error-summary"))
        assert "Saved as revision" in browser.find_element(By.CSS_SELECTOR, "main").text
    return WRITE


def test_the_guide_form_works_from_the_keyboard_alone(browser, server_url, editor_accounts, two_revisions):
    sign_in(browser, server_url, editor_accounts["editor"])
    browser.get(server_url + WRITE)
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("class") == "skip-link"
    reached = []
    for _ in range(60):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        element = browser.switch_to.active_element
        outline = browser.execute_script("return getComputedStyle(arguments[0]).outlineStyle", element)
        assert outline != "none", f"no visible focus on {element.tag_name} {element.get_attribute('outerHTML')[:80]}"
        if element.get_attribute("name") == "action":
            reached.append(element.get_attribute("value"))
        if element.get_attribute("value") == "submit":
            break
    assert reached == ["preview", "save", "submit"]  # an editor's buttons, in order
    body = browser.find_element(By.ID, "body")
    body.send_keys(Keys.CONTROL, Keys.END, Keys.NULL)  # NULL lets go of CONTROL
    body.send_keys("\n\n## 键盘写的小标题")
    preview = browser.find_element(By.CSS_SELECTOR, "#guide-form button[value=preview]")
    preview.send_keys(Keys.ENTER)
    heading = WebDriverWait(browser, 10).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, "section.preview .guide-text h2"))
    assert heading[-1].text == "键盘写的小标题"


#: Every editor page reached by a link, signed in as an administrator (who may see them all).
EDITOR_PAGES = {
    "dashboard": "/editor/",
    "items": "/editor/items?q=%E6%8A%A4%E7%85%A7",
    "guide-zh": f"{READ}/zh-hans",
    "guide-en": f"{READ}/en",
    "guide-zh-hant": f"{READ}/zh-hant",
    "history": f"{WRITE}/revisions",
    "diff": f"{WRITE}/diff?from=1&to=2",
    "revision": f"{WRITE}/revisions/1",
    "users": "/editor/users",
    "user": "/editor/users/browser-editor",
    "audit": "/editor/audit",
    "notices": "/editor/notices",
    "notice": "/editor/notices/1",
    "feedback": "/editor/feedback",
    "bundles": "/editor/bundles",
    "bundle": "/editor/bundles/having-a-baby",
    "preferences": "/editor/preferences",
    "search-terms": "/editor/search-terms",
    "catalogue-import": "/editor/catalogue-import",
    "forms": f"{READ}/forms",
    "not-found": "/editor/items/NO-SUCH-0000/zh-hans",
    "bad-request": f"{WRITE}/diff?from=1&to=99",
}
STATUS = {"not-found": 404, "bad-request": 400}
#: The other pages the test below reaches, each by the address it is at (for test_coverage.py):
#: signed out, by sending a form, or as an editor who may not see it.
EDITOR_ANSWERS = {
    "login": "/editor/login",
    "preview": WRITE,
    "form-with-errors": WRITE,
    "conflict": WRITE,
    "search-terms-preview": "/editor/search-terms",
    "method-not-allowed": "/editor/items",
    "forbidden": "/editor/users",
}
#: (the editor's language, the window's width): English at a phone's and a desktop's width, the
#: Chinese ones at a desktop's, where editors work (what the width changes is not the language's).
RUNS = [("en", 390), ("en", 1280), ("zh-Hans", 1280), ("zh-Hant", 1280)]


@pytest.fixture
def account_locale(database, editor_accounts):
    """Sets an account's language, which is read with each request (the next page is in it);
    English again afterwards, as sign_in expects."""
    from sqlalchemy import select

    from guide.models import User

    def set_locale(role, value):
        with database.transaction() as s:
            s.scalar(select(User).where(User.username == editor_accounts[role])).locale = value

    yield set_locale
    for role in editor_accounts:
        set_locale(role, "en")


@pytest.mark.parametrize(("locale", "width"), RUNS, ids=[f"{locale}-{width}" for locale, width in RUNS])
def test_no_accessibility_violations_on_editor_pages(browser, server_url, editor_accounts, two_revisions,
                                                     account_locale, locale, width):
    browser.set_window_size(width, 900)
    found = {}

    def check(name, status=200):
        assert response_status(browser) == status, (name, browser.current_url)
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == locale, name
        assert not browser.find_elements(By.TAG_NAME, "script"), f"{name} needs no script"
        found[name] = axe_violations(browser)

    browser.delete_all_cookies()
    browser.get(f"{server_url}/editor/login?lang={locale.lower()}")
    check("login")
    sign_in(browser, server_url, editor_accounts["admin"])
    account_locale("admin", locale)
    for name, path in EDITOR_PAGES.items():
        browser.get(server_url + path)
        check(name, STATUS.get(name, 200))
    browser.get(server_url + WRITE)
    click_action(browser, "preview")
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "section.preview"))
    check("preview")
    # The browser stops at maxlength; without it the server refuses, with the form kept.
    browser.execute_script("document.getElementById('summary').removeAttribute('maxlength')")
    browser.find_element(By.ID, "summary").send_keys("x" * 1001)
    click_action(browser, "save")
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".error-summary"))
    check("form-with-errors", 400)
    # A form from before the second revision: nothing is saved, the two are shown side by side.
    browser.get(server_url + WRITE)
    browser.execute_script("document.querySelector('#guide-form [name=base_revision]').value = '1'")
    click_action(browser, "save")
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".error-summary.conflict"))
    check("conflict", 409)
    # A synonym's preview: what a query returns now and after the change.
    browser.get(server_url + "/editor/search-terms")
    browser.find_element(By.ID, "syn-term").send_keys("zebrapass")
    browser.find_element(By.ID, "syn-officials").send_keys("护照")
    browser.find_element(By.CSS_SELECTOR, "form[aria-labelledby=synonym-form-heading] button[value=preview]").click()
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "section.change-preview li"))
    check("search-terms-preview")
    submit(browser, "/editor/items")  # a page that takes GET only
    check("method-not-allowed", 405)
    sign_in(browser, server_url, editor_accounts["editor"])
    account_locale("editor", locale)
    browser.get(f"{server_url}/editor/users")
    check("forbidden", 403)
    assert set(found) == set(EDITOR_PAGES) | set(EDITOR_ANSWERS)
    browser.set_window_size(390, 900)
    bad = {name: v for name, v in found.items() if v}
    assert not bad, "\n".join(format_violations(v, name) for name, v in bad.items())
