"""What the small scripts add, in a real browser; the pages work without them (other tests)."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.browser


def test_search_box_suggestions(browser, server_url):
    browser.get(f"{server_url}/zh-hans/search")
    box = browser.find_element(By.ID, "search-q")
    box.send_keys("gjj")
    WebDriverWait(browser, 10).until(
        lambda b: b.execute_script("return document.querySelectorAll('#search-suggestions option').length") > 0)
    values = browser.execute_script(
        "return Array.from(document.querySelectorAll('#search-suggestions option')).map(o => o.value)")
    assert all("公积金" in v for v in values)
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: "q=gjj" in b.current_url)
    assert browser.find_elements(By.CSS_SELECTOR, "ol.results li")


def test_use_my_location_lists_the_nearest(browser, server_url):
    browser.execute_cdp_cmd("Browser.grantPermissions", {"origin": server_url, "permissions": ["geolocation"]})
    browser.execute_cdp_cmd("Emulation.setGeolocationOverride",
                            {"latitude": 22.79, "longitude": 114.46, "accuracy": 50})
    browser.get(f"{server_url}/en/items/GAJ-0014")
    button = browser.find_element(By.CSS_SELECTOR, "button[data-locate]")
    assert button.is_displayed()
    button.click()
    WebDriverWait(browser, 10).until(lambda b: "lat=22.79" in b.current_url)
    nearest = browser.find_elements(By.CSS_SELECTOR, "ol.nearest > li")
    assert len(nearest) == 3 and "Huiyang" in nearest[0].text


def test_keyboard_reaches_the_skip_link_first(browser, server_url):
    browser.get(f"{server_url}/en/")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert active.get_attribute("class") == "skip-link" and active.is_displayed()
    active.send_keys(Keys.ENTER)
    assert browser.current_url.endswith("#main")
