"""The guide page leads with the action: the way to start is on the first screen of a desktop
and a phone, in every language; "Use my location" appears only when it can work, and says so
when the browser will not give a position."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import select

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


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(SCREENS))
@pytest.mark.parametrize("kind", ["online", "windows-only"])
def test_the_start_button_is_on_the_first_screen(browser, server_url, screen, codes, name, lang, kind):
    screen(name)
    browser.get(f"{server_url}/{lang}/items/{codes[kind]}")
    assert browser.execute_script("return window.innerHeight") == SCREENS[name][1]
    start = browser.find_element(By.CSS_SELECTOR, ".action-panel .button-start")
    bottom = browser.execute_script("return arguments[0].getBoundingClientRect().bottom", start)
    assert 0 < bottom <= SCREENS[name][1], (kind, name, lang, bottom)
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
