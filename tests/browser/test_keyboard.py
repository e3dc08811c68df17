"""A reader with a keyboard alone, in each language: from the home page, a search, its first
result, and that guide's printable checklist, by Tab, Shift+Tab, typing and Enter (never a
click), with the focus visible at every stop. At a desktop's width, where keyboards are."""
import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.browser

#: a query each language's readers would type, with results
QUERIES = {"zh-hans": "护照", "en": "passport", "zh-hant": "護照"}
#: What has the focus, and whether it can be seen: an outline or a box shadow, on an element
#: that has a size (the skip link, say, comes into view when focused).
FOCUSED = """
const el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) return null;
const style = getComputedStyle(el), rect = el.getBoundingClientRect();
return {
  html: el.outerHTML.slice(0, 120),
  outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    && style.outlineColor !== 'rgba(0, 0, 0, 0)',
  shadow: style.boxShadow !== 'none',
  sized: rect.width >= 1 && rect.height >= 1,
  first_result: el.matches('ol.results > li:first-child a'),
  result: el.closest('ol.results') !== null,
  search_box: el.matches('input[type=search]'),
  submit: el.matches('button[type=submit], input[type=submit]') && el.form !== null && el.form.matches('[role=search]'),
  print_link: el.matches('a[href]') && new URL(el.href).pathname.endsWith('/print'),
  href: el.getAttribute('href'),
};
"""
#: Tab stops there may be before the one sought (the item page has the most).
MOST_STOPS = 80


def press(browser, *keys):
    ActionChains(browser).send_keys(*keys).perform()


def focused(browser):
    """The focused element's state, asserting that it can be seen."""
    state = browser.execute_script(FOCUSED)
    assert state is not None, f"the focus left the page's controls on {browser.current_url}"
    assert state["sized"] and (state["outline"] or state["shadow"]), \
        f"no visible focus on {browser.current_url}: {state['html']}"
    return state


def tab_to(browser, wanted, what, forbidden=None):
    """Tab until `wanted(state)`; every stop on the way has a visible focus (and none is
    `forbidden`)."""
    for _ in range(MOST_STOPS):
        press(browser, Keys.TAB)
        state = focused(browser)
        if wanted(state):
            return state
        assert forbidden is None or not forbidden(state), f"{state['html']} before {what}"
    raise AssertionError(f"{what} not reached in {MOST_STOPS} Tabs on {browser.current_url}")


def arrive(browser, condition, what):
    WebDriverWait(browser, 10).until(lambda b: b.execute_script("return document.readyState") == "complete"
                                     and condition(b), message=f"{what} not reached from {browser.current_url}")


@pytest.mark.parametrize("lang", list(QUERIES))
def test_search_guide_and_print_by_keyboard_alone(browser, server_url, lang):
    browser.set_window_size(1280, 900)
    try:
        browser.get(f"{server_url}/{lang}/")
        # the search box, typed in; Tab on to its button and Enter
        tab_to(browser, lambda s: s["search_box"], "the search box")
        press(browser, QUERIES[lang])
        tab_to(browser, lambda s: s["submit"], "the search button")
        press(browser, Keys.ENTER)
        arrive(browser, lambda b: f"/{lang}/search?" in b.current_url, "the search results")
        assert browser.execute_script("return document.querySelectorAll('ol.results > li').length") > 0

        # the first result, with no other result before it; one stop back and forth again
        first = tab_to(browser, lambda s: s["first_result"], "the first result",
                       forbidden=lambda s: s["result"])
        ActionChains(browser).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        assert not focused(browser)["first_result"]
        press(browser, Keys.TAB)
        assert focused(browser)["first_result"]
        press(browser, Keys.ENTER)
        arrive(browser, lambda b: b.current_url.split("?")[0].endswith(first["href"]), "the guide")
        assert browser.execute_script("return document.querySelector('main h1') !== null")

        # its printable checklist
        link = tab_to(browser, lambda s: s["print_link"], "the print link")
        press(browser, Keys.ENTER)
        arrive(browser, lambda b: b.current_url.split("?")[0].endswith("/print"), "the print view")
        assert browser.current_url.endswith(link["href"])
        assert browser.execute_script("return document.querySelector('.checklist-sheet') !== null")
        # whose own controls show the focus too
        for _ in range(3):
            press(browser, Keys.TAB)
            focused(browser)
    finally:
        browser.set_window_size(390, 900)
