"""A hall's kiosk in Chromium, at the two screens halls have: 1080×1920 portrait and 1920×1080
landscape. A citizen taps through it, it keeps its promises on size, contrast and leading
nowhere else, survives a server that stops answering and scripts that do not load, and its
checklists print to size."""
import base64
import os
import re
from pathlib import Path

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from guide import main

from .axe import axe_violations, format_violations
from .conftest import Post, Served, response_status, submit

pytestmark = pytest.mark.browser

HALL = "municipal"
ORIENTATIONS = {"portrait": (1080, 1920), "landscape": (1920, 1080)}
LANGS = ("zh-hans", "en", "zh-hant")
#: Seconds of the kiosk under test: short, so that waiting for the reset takes a few seconds.
IDLE, COUNTDOWN = 4, 3
SCREENSHOTS = Path(os.environ.get("GUIDE_SCREENSHOT_DIR") or Path(__file__).resolve().parents[2] / "var" / "screenshots")
#: Pages of each kiosk screen type (after /kiosk/municipal), and a selector each must have.
SCREENS = {
    "home": ("/{lang}/", "#popular-heading"),
    "search": ("/{lang}/search?q=sfz", "[data-results] a.k-row"),
    "topic": ("/{lang}/search?topic=family", "[data-results] a.k-row"),
    "guide": ("/{lang}/items/GAJ-0019", ".k-qr svg"),
    "guide-elsewhere": ("/{lang}/items/SFJ-0007", ".k-where"),
    "print": ("/{lang}/items/GAJ-0019/print", ".checklist-sheet"),
    "board": ("/board", ".b-windows li"),
}
#: The kiosk's error screens (after /kiosk/municipal): a path or the form sent there, a selector
#: the screen must have, its HTTP status.
ERROR_SCREENS = {
    "not-found": ("/{lang}/items/NO-SUCH-0000", "main a.k-primary", 404),
    "bad-request": ("/{lang}/search?topic=no-such-topic", "main a.k-primary", 400),
    "method-not-allowed": (Post("/{lang}/search"), "main a.k-primary", 405),
}

#: Visible text smaller than 18 px, as "size px: text" (an element counts when it has text of its own).
SMALL_TEXT = """
const small = [];
for (const el of document.body.querySelectorAll('*')) {
  const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
  if (!own) continue;
  const rect = el.getBoundingClientRect(), style = getComputedStyle(el);
  if (rect.width <= 1 || rect.height <= 1 || style.visibility === 'hidden' || el.closest('[hidden]')) continue;
  const size = parseFloat(style.fontSize);
  if (size < 18) small.push(size + 'px: ' + el.textContent.trim().slice(0, 40));
}
return small;
"""
#: Touch targets smaller than 48×48 px.
SMALL_TARGETS = """
const small = [];
for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, [role=button]')) {
  const rect = el.getBoundingClientRect();
  if (el.closest('[hidden]') || (rect.width === 0 && rect.height === 0)) continue;
  if (rect.width < 48 || rect.height < 48) small.push(Math.round(rect.width) + 'x' + Math.round(rect.height) + ': ' + (el.textContent || el.name).trim().slice(0, 30));
}
return small;
"""
LINKS = "return Array.from(document.querySelectorAll('a[href]')).map((a) => a.href)"


@pytest.fixture(scope="module")
def kiosk(database, app_settings):
    """The app with a short idle time, on a server of its own (one test stops it)."""
    app = main({}, dbengine=database.engine, **{**app_settings, "guide.kiosk.idle_seconds": str(IDLE),
                                                "guide.kiosk.countdown_seconds": str(COUNTDOWN)})
    served = Served(app).start()
    yield served
    if served.server is not None:
        served.stop()


@pytest.fixture(params=list(ORIENTATIONS))
def screen(request, browser):
    """The browser as a kiosk's touch screen, in each orientation; as it was afterwards."""
    width, height = ORIENTATIONS[request.param]
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    yield request.param
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def shoot(browser, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SCREENSHOTS / f"kiosk-{name}.png"))


def wait(browser, condition, seconds=10):
    # A screen the kiosk swaps in meanwhile makes the elements a condition found stale: ask again.
    return WebDriverWait(browser, seconds, poll_frequency=0.1,
                         ignored_exceptions=(StaleElementReferenceException,)).until(condition)


def tap(browser, selector):
    wait(browser, lambda b: b.find_element(By.CSS_SELECTOR, selector).click() or True)


def test_a_citizen_taps_through_and_the_kiosk_resets_when_left(browser, kiosk, screen):
    browser.delete_all_cookies()  # other tests' (cookies are the host's, whatever the port)
    browser.get(f"{kiosk.url}/kiosk/{HALL}/")
    assert browser.current_url == f"{kiosk.url}/kiosk/{HALL}/zh-hans/"
    history = browser.execute_script("return history.length")
    shoot(browser, f"{screen}-1-home")

    tap(browser, "a.k-search-start")
    wait(browser, lambda b: b.current_url.endswith("/zh-hans/search"))
    for key in "sfz":
        tap(browser, f"[data-keyboard] a[data-key='{key}']")
    assert browser.find_element(By.NAME, "q").get_attribute("value") == "sfz"
    wait(browser, lambda b: "居民身份证办理" in b.find_element(By.CSS_SELECTOR, "[data-results]").text)
    assert browser.current_url.endswith("/zh-hans/search?q=sfz")
    shoot(browser, f"{screen}-2-search")

    browser.find_element(By.XPATH, "//a[contains(@class, 'k-row')][contains(., '居民身份证办理')]").click()
    wait(browser, lambda b: b.current_url.endswith("/items/GAJ-0019"))
    qr = browser.find_element(By.CSS_SELECTOR, ".k-qr svg.qr")
    assert qr.is_displayed() and qr.size["width"] >= 200
    shoot(browser, f"{screen}-3-guide")

    tap(browser, "a[href$='/items/GAJ-0019/print']")
    wait(browser, lambda b: b.current_url.endswith("/items/GAJ-0019/print"))
    assert browser.find_element(By.CSS_SELECTOR, "[data-print]").is_displayed()
    shoot(browser, f"{screen}-4-print")

    # Left alone: the countdown, which a touch cancels...
    dialog = wait(browser, lambda b: b.find_element(By.CSS_SELECTOR, "[data-idle-dialog]").is_displayed()
                  and b.find_element(By.CSS_SELECTOR, "[data-idle-dialog]"), IDLE + 5)
    shoot(browser, f"{screen}-5-countdown")
    dialog.find_element(By.CSS_SELECTOR, "button").click()
    assert not browser.find_element(By.CSS_SELECTOR, "[data-idle-dialog]").is_displayed()
    # ... so that the screen is still the print view when the countdown comes round again,
    wait(browser, lambda b: b.find_element(By.CSS_SELECTOR, "[data-idle-dialog]").is_displayed(), IDLE + 5)
    assert browser.current_url.endswith("/items/GAJ-0019/print")
    # and then, untouched, the start in the hall's language, with nothing of this visit kept.
    wait(browser, lambda b: b.current_url == f"{kiosk.url}/kiosk/{HALL}/zh-hans/", COUNTDOWN + 5)
    wait(browser, lambda b: not b.find_element(By.CSS_SELECTOR, "[data-idle-dialog]").is_displayed())
    assert browser.execute_script("return history.length") == history
    assert browser.get_cookies() == []
    shoot(browser, f"{screen}-6-reset")
    tap(browser, "a.k-search-start")
    wait(browser, lambda b: b.current_url.endswith("/zh-hans/search"))
    assert browser.find_element(By.NAME, "q").get_attribute("value") == ""
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-results] a.k-row")


@pytest.mark.parametrize("screen", ["portrait"], indirect=True)
def test_the_touch_that_ends_a_countdown_presses_nothing_beneath(browser, kiosk, screen):
    browser.get(f"{kiosk.url}/kiosk/{HALL}/en/")  # tiles fill the screen: one lies beneath the button
    button = wait(browser, lambda b: b.find_element(By.CSS_SELECTOR, "[data-idle-continue]").is_displayed()
                  and b.find_element(By.CSS_SELECTOR, "[data-idle-continue]"), IDLE + 5)
    # A point of the button with a tile beneath it (the middle may fall between two tiles).
    rect = button.rect
    for dx in range(4, int(rect["width"]) - 4, 8):
        x, y = rect["x"] + dx, rect["y"] + rect["height"] / 2
        beneath = browser.execute_script(
            "const d = document.querySelector('[data-idle-dialog]'); d.hidden = true;"
            "const el = document.elementFromPoint(arguments[0], arguments[1]); d.hidden = false;"
            "return el && el.closest('a') ? el.closest('a').getAttribute('href') : null", x, y)
        if beneath:
            break
    assert beneath, "the test needs a link beneath the dialog's button"
    # Whatever a click reaches after the kiosk's own handlers, noted.
    browser.execute_script("window.addEventListener('click', (e) => { window.pressed = e.target.outerHTML; });")
    # A finger, not a mouse: a tap's click goes to what is under the finger when it lifts.
    for kind, points in (("touchStart", [{"x": x, "y": y}]), ("touchEnd", [])):
        browser.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})
    assert not browser.find_element(By.CSS_SELECTOR, "[data-idle-dialog]").is_displayed()
    # Until the countdown comes round again: nothing was pressed, the screen is the same.
    wait(browser, lambda b: b.find_element(By.CSS_SELECTOR, "[data-idle-dialog]").is_displayed(), IDLE + 5)
    assert browser.execute_script("return window.pressed === undefined"), browser.execute_script("return window.pressed")
    assert browser.current_url == f"{kiosk.url}/kiosk/{HALL}/en/"


@pytest.mark.parametrize("lang", LANGS)
def test_every_screen_is_big_enough_stays_inside_and_passes_axe(browser, kiosk, screen, lang):
    for name, (path, expect) in SCREENS.items():
        if name == "board" and lang != "zh-hans":
            continue  # the board has one language, the hall's
        url = f"{kiosk.url}/kiosk/{HALL}{path.format(lang=lang)}"
        browser.get(url)
        assert browser.find_elements(By.CSS_SELECTOR, expect), f"{url}: no {expect}"
        assert browser.execute_script(SMALL_TEXT) == [], url
        assert browser.execute_script(SMALL_TARGETS) == [], url
        assert browser.execute_script(
            "return document.documentElement.scrollWidth <= window.innerWidth"), f"{url} scrolls sideways"
        for href in browser.execute_script(LINKS):
            assert href.startswith(f"{kiosk.url}/kiosk/{HALL}/"), (url, href)
        violations = axe_violations(browser)
        if violations:
            pytest.fail(format_violations(violations, url), pytrace=False)


@pytest.mark.parametrize("screen", ["portrait"], indirect=True)
@pytest.mark.parametrize("lang", LANGS)
def test_the_error_screens_pass_axe(browser, server_url, screen, lang):
    """One orientation: the error screen is one column of text and a button either way."""
    for name, (how, expect, status) in ERROR_SCREENS.items():
        if isinstance(how, Post):
            browser.get(f"{server_url}/kiosk/{HALL}/{lang}/")
            submit(browser, f"/kiosk/{HALL}{how.path.format(lang=lang)}", how.fields)
        else:
            browser.get(f"{server_url}/kiosk/{HALL}{how.format(lang=lang)}")
        url = browser.current_url
        assert response_status(browser) == status, url
        assert browser.find_elements(By.CSS_SELECTOR, expect), f"{url}: no {expect}"
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang").lower() == lang, url
        violations = axe_violations(browser)
        if violations:
            pytest.fail(format_violations(violations, url), pytrace=False)


@pytest.mark.parametrize("screen", ["landscape"], indirect=True)
def test_a_server_that_stops_answering_leaves_the_screen_as_it_was(browser, kiosk, screen):
    browser.get(f"{kiosk.url}/kiosk/{HALL}/en/")
    kiosk.stop()
    try:
        tap(browser, "#popular-heading ~ ul a")
        notice = wait(browser, lambda b: b.find_element(By.CSS_SELECTOR, "[data-offline]").is_displayed()
                      and b.find_element(By.CSS_SELECTOR, "[data-offline]"))
        assert "Trying again" in notice.text
        assert browser.current_url == f"{kiosk.url}/kiosk/{HALL}/en/"
        assert browser.find_element(By.ID, "popular-heading").is_displayed()
    finally:
        kiosk.start()
    # It keeps trying: back, the tap goes through.
    wait(browser, lambda b: b.current_url.endswith("/items/GAJ-0019"), 15)
    assert not browser.find_element(By.CSS_SELECTOR, "[data-offline]").is_displayed()


@pytest.mark.parametrize("screen", ["portrait"], indirect=True)
def test_a_reset_with_the_server_away_still_clears_the_screen(browser, kiosk, screen):
    browser.get(f"{kiosk.url}/kiosk/{HALL}/")
    tap(browser, "#popular-heading ~ ul a[href$='/items/GAJ-0019']")
    wait(browser, lambda b: b.current_url.endswith("/zh-hans/items/GAJ-0019"))
    kiosk.stop()
    try:
        wait(browser, lambda b: b.current_url == f"{kiosk.url}/kiosk/{HALL}/zh-hans/", IDLE + COUNTDOWN + 5)
        assert browser.find_elements(By.ID, "popular-heading") and not browser.find_elements(By.CSS_SELECTOR, ".k-where")
        wait(browser, lambda b: b.find_element(By.CSS_SELECTOR, "[data-offline]").is_displayed())
    finally:
        kiosk.start()
    wait(browser, lambda b: not b.find_element(By.CSS_SELECTOR, "[data-offline]").is_displayed(), 15)


@pytest.mark.parametrize("screen", ["portrait"], indirect=True)
def test_without_its_script_the_kiosk_works_by_plain_links(browser, kiosk, screen):
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*kiosk.js"]})
    try:
        browser.get(f"{kiosk.url}/kiosk/{HALL}/en/search")
        for key in "hz":
            tap(browser, f"[data-keyboard] a[data-key='{key}']")
        assert browser.current_url.endswith("/en/search?q=hz")
        assert browser.find_element(By.NAME, "q").get_attribute("value") == "hz"
        browser.find_element(By.XPATH, "//a[contains(@class, 'k-row')][contains(., 'passport')]").click()
        assert "/en/items/" in browser.current_url and browser.find_element(By.CSS_SELECTOR, ".k-where")
        # What only a script can do is not offered.
        tap(browser, "a[href$='/print']")
        assert not browser.find_element(By.CSS_SELECTOR, "[data-print]").is_displayed()
    finally:
        browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
        browser.execute_cdp_cmd("Network.disable", {})


def pdf_pages_mm(browser, url) -> list[tuple[float, float]]:
    """Print `url` as Chromium does (the page's own paper size) and read each page's size."""
    browser.get(url)
    pdf = base64.b64decode(browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes, url
    return [(float(w) * 25.4 / 72, float(h) * 25.4 / 72) for w, h in boxes]


def longest_checklists(database, count=3) -> list[str]:
    """The items with the most materials, then the most centers to list: the longest prints."""
    from sqlalchemy import func, select

    from guide.models import Item, Material

    with database.transaction() as s:
        return list(s.scalars(select(Item.code).join(Material).group_by(Item.id)
                              .order_by(func.count(Material.id).desc(), func.length(Item.name_en).desc()).limit(count)))


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_checklists_print_on_one_a4_page_and_under_50_cm_of_receipt(browser, server_url, database, lang):
    for code in longest_checklists(database) + ["GAJ-0019"]:
        for base in (f"{server_url}/{lang}/items/{code}/print", f"{server_url}/kiosk/{HALL}/{lang}/items/{code}/print"):
            a4 = pdf_pages_mm(browser, f"{base}?format=a4")
            assert len(a4) == 1 and round(a4[0][0]) == 210 and round(a4[0][1]) == 297, (base, a4)
            roll = pdf_pages_mm(browser, f"{base}?format=80mm")
            assert all(round(w) == 80 for w, _ in roll), (base, roll)
            assert sum(h for _, h in roll) < 500, (base, roll)
