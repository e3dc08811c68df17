"""The editor in a real browser: keyboard only, no script, and axe (any violation fails) over
every editor page at a phone and a desktop width. Writes only drafts of CGJ-0001, which no other test reads."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from .axe import axe_violations, format_violations
from .conftest import sign_in

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


def editor_pages(server_url):
    return {
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
    }


@pytest.mark.parametrize("width", [390, 1280])
def test_no_accessibility_violations_on_editor_pages(browser, server_url, editor_accounts, two_revisions, width):
    browser.set_window_size(width, 900)
    found = {}
    browser.delete_all_cookies()
    found["login"] = axe_violations(browser, f"{server_url}/editor/login")
    sign_in(browser, server_url, editor_accounts["admin"])
    for name, path in editor_pages(server_url).items():
        found[name] = axe_violations(browser, server_url + path)
        assert not browser.find_elements(By.TAG_NAME, "script"), f"{name} needs no script"
    browser.get(server_url + WRITE)
    click_action(browser, "preview")
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "section.preview"))
    found["preview"] = axe_violations(browser)
    # The browser stops at maxlength; without it the server refuses, with the form kept.
    browser.execute_script("document.getElementById('summary').removeAttribute('maxlength')")
    browser.find_element(By.ID, "summary").send_keys("x" * 1001)
    click_action(browser, "save")
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".error-summary"))
    found["form-with-errors"] = axe_violations(browser)
    # A synonym's preview: what a query returns now and after the change.
    browser.get(server_url + "/editor/search-terms")
    browser.find_element(By.ID, "syn-term").send_keys("zebrapass")
    browser.find_element(By.ID, "syn-officials").send_keys("护照")
    browser.find_element(By.CSS_SELECTOR, "form[aria-labelledby=synonym-form-heading] button[value=preview]").click()
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "section.change-preview li"))
    found["search-terms-preview"] = axe_violations(browser)
    sign_in(browser, server_url, editor_accounts["editor"])
    found["forbidden"] = axe_violations(browser, f"{server_url}/editor/users")
    browser.set_window_size(390, 900)
    bad = {name: v for name, v in found.items() if v}
    assert not bad, "\n".join(format_violations(v, name) for name, v in bad.items())


@pytest.mark.parametrize("locale", ["zh-Hans", "zh-Hant"])
def test_the_content_pages_are_accessible_in_chinese_too(browser, server_url, editor_accounts, database, locale):
    """Synonyms and best bets, the catalogue import and forms to download, in the editor's other
    languages (the test above reads them in English)."""
    from sqlalchemy import select

    from guide.models import User

    def set_locale(value):
        with database.transaction() as s:
            s.scalar(select(User).where(User.username == editor_accounts["admin"])).locale = value

    browser.set_window_size(390, 900)
    sign_in(browser, server_url, editor_accounts["admin"])
    set_locale(locale)  # read with each request: the next page is in it
    try:
        found = {}
        for name in ("search-terms", "catalogue-import", "forms"):
            found[name] = axe_violations(browser, server_url + editor_pages(server_url)[name])
            assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == locale, name
    finally:
        set_locale("en")
    bad = {name: v for name, v in found.items() if v}
    assert not bad, "\n".join(format_violations(v, name) for name, v in bad.items())
