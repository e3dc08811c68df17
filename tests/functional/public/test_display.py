"""The elder-friendly display (长者模式): chosen by a link, kept in a cookie set only on that
choice, and never mixed up with the standard page by the page cache."""
import pytest

ITEM = "/zh-hans/items/GAJ-0014"


def _html_class(page):
    return page.html.html.get("class")


def test_choosing_the_elder_display_sets_the_cookie_and_returns_to_the_page(testapp):
    answer = testapp.get(ITEM, {"display": "elder", "district": "boluo"}, status=303)
    assert answer.location.endswith(f"{ITEM}?district=boluo")
    assert "display=elder" in answer.headers["Set-Cookie"] and "HttpOnly" in answer.headers["Set-Cookie"]
    page = answer.follow()
    assert _html_class(page) == ["elder"]
    assert "Set-Cookie" not in page.headers
    assert page.html.select_one("a.display-switch").text == "标准版"


def test_leaving_it_removes_the_cookie(testapp):
    testapp.get(ITEM, {"display": "elder"}, status=303)
    answer = testapp.get(ITEM, {"display": "standard"}, status=303)
    assert "display=;" in answer.headers["Set-Cookie"] and "Max-Age=0" in answer.headers["Set-Cookie"]
    assert _html_class(answer.follow()) is None


def test_pages_set_no_cookie_without_a_choice(testapp):
    for path in (ITEM, "/en/", "/en/centers", "/en/privacy"):
        assert "Set-Cookie" not in testapp.get(path).headers


@pytest.mark.parametrize("value", ["huge", "", "ELDER", "elder\x00"])
def test_an_unknown_display_is_ignored(testapp, value):
    page = testapp.get(ITEM, {"display": value})
    assert page.status_int == 200 and _html_class(page) is None and "Set-Cookie" not in page.headers


def test_the_page_cache_keeps_the_two_displays_apart(testapp):
    standard = testapp.get(ITEM)
    testapp.set_cookie("display", "elder")
    elder = testapp.get(ITEM)
    assert _html_class(standard) is None and _html_class(elder) == ["elder"]
    assert standard.headers["ETag"] != elder.headers["ETag"]
    assert "Cookie" in elder.headers["Vary"] and "Cookie" in standard.headers["Vary"]
    # a revalidation with the other display's tag gets the page, not a 304
    testapp.get(ITEM, headers={"If-None-Match": standard.headers["ETag"]}, status=200)
    testapp.get(ITEM, headers={"If-None-Match": elder.headers["ETag"]}, status=304)
    testapp.reset()
    assert _html_class(testapp.get(ITEM)) is None


def test_a_cookie_header_that_does_not_parse_gets_the_standard_display(testapp):
    page = testapp.get(ITEM, headers={"Cookie": 'display="elder; x=\\'})
    assert page.status_int == 200 and _html_class(page) is None


@pytest.mark.parametrize("others", ['x={"a": 1}', "x=a b", "x=\u00e9", 'x="unterminated'])
def test_other_sites_odd_cookies_do_not_hide_the_choice(testapp, others):
    page = testapp.get(ITEM, headers={"Cookie": f"{others}; display=elder"})
    assert _html_class(page) == ["elder"]


def test_error_pages_vary_on_the_cookie_too(testapp):
    page = testapp.get("/en/items/NO-SUCH-0000", headers={"Cookie": "display=elder"}, status=404)
    assert _html_class(page) == ["elder"] and "Cookie" in page.headers["Vary"]


@pytest.mark.parametrize("lang", ["zh-hans", "en", "zh-hant"])
def test_the_privacy_notice_and_the_footer(testapp, lang):
    page = testapp.get(f"/{lang}/privacy")
    assert page.html.h1 and len(page.html.select("main h2")) >= 4
    footer = testapp.get(f"/{lang}/").html.select_one("footer.site")
    assert footer.select_one(f"a[href='/{lang}/privacy']")
    assert "12345" in footer.text
    # the filing numbers are placeholders, and the page says so
    assert "0000000" in footer.text and ("sample" in footer.text or "示例" in footer.text)
