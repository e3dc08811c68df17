"""The guide page leads with the action: the way to start is on the first screen of a desktop
and a phone, in every language; "Use my location" appears only when it can work, and says so
when the browser will not give a position."""
import datetime as dt

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import select

from guide.hours.status import TZ
from guide.models import Item

pytestmark = pytest.mark.browser

SCREENS = {"desktop": (1366, 900), "phone": (390, 844)}
LANGS = ("zh-hans", "en", "zh-hant")


@pytest.fixture(scope="module")
def codes(database):
    """An item with an online link that also takes visits, and one with windows only."""
    with database.transaction() as dbsession:
        items = dbsession.scalars(select(Item).where(Item.active).order_by(Item.code)).all()
        online = next(i.code for i in items if i.apply_online_url and i.visits and i.name_zh == "普通护照签发")
        windows_only = next(i.code for i in items if not i.applies_online and i.visits)
    return {"online": online, "windows-only": windows_only}


@pytest.fixture
def screen(browser):
    def size(name):
        width, height = SCREENS[name]
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": name == "phone"})
    yield size
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


#: the sample notices (content/notices/) for the passport and the Huicheng hall are current, and
#: then the site-wide New Year one: notices must not push the way to start off the first screen
NOTICE_TIMES = {"no notice": None, "item and center notices": dt.datetime(2026, 12, 1, 10, tzinfo=TZ),
                "site-wide notice": dt.datetime(2026, 12, 31, 10, tzinfo=TZ)}


@pytest.mark.parametrize("at", list(NOTICE_TIMES))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(SCREENS))
@pytest.mark.parametrize("kind", ["online", "windows-only"])
def test_the_start_button_is_on_the_first_screen(browser, server_url, screen, codes, clock, name, lang, kind, at):
    if NOTICE_TIMES[at]:
        clock.set(NOTICE_TIMES[at])
    else:
        clock.set(dt.datetime(2027, 6, 1, 10, tzinfo=TZ))  # no sample notice then
    screen(name)
    browser.get(f"{server_url}/{lang}/items/{codes[kind]}")
    assert browser.execute_script("return window.innerHeight") == SCREENS[name][1]
    start = browser.find_element(By.CSS_SELECTOR, ".action-panel .button-start")
    bottom = browser.execute_script("return arguments[0].getBoundingClientRect().bottom", start)
    assert 0 < bottom <= SCREENS[name][1], (kind, name, lang, at, bottom)
    if at == "site-wide notice":
        assert browser.find_elements(By.CSS_SELECTOR, ".action-panel section.notices .notice")
    if kind == "online":
        assert start.get_attribute("href").startswith("https://")
    else:
        assert start.get_attribute("href").endswith("#where")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= SCREENS[name][0]


def test_the_location_button_is_hidden_without_scripts(browser, server_url):
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(f"{server_url}/en/items/GAJ-0014")
        assert not browser.find_element(By.CSS_SELECTOR, "button[data-locate]").is_displayed()
        assert browser.find_element(By.ID, "origin-district").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_a_refused_location_is_said_and_the_district_list_offered(browser, server_url):
    browser.execute_cdp_cmd("Browser.setPermission", {"origin": server_url, "permission": {"name": "geolocation"},
                                                      "setting": "denied"})
    try:
        browser.get(f"{server_url}/en/items/GAJ-0014")
        error = browser.find_element(By.CSS_SELECTOR, "[data-locate-error]")
        assert not error.is_displayed()
        browser.find_element(By.CSS_SELECTOR, "button[data-locate]").click()
        WebDriverWait(browser, 10).until(lambda b: error.is_displayed())
        assert "district" in error.text
        assert browser.switch_to.active_element.get_attribute("id") == "origin-district"
    finally:
        browser.execute_cdp_cmd("Browser.resetPermissions", {})
