"""The public pages, through the real app, in every language."""
import re
from pathlib import Path

import pytest

from guide.i18n import to_traditional

CJK = re.compile(r"[\u3400-\u9fff]")
LANGS = ("zh-hans", "en", "zh-hant")
TAGS = {"zh-hans": "zh-Hans", "en": "en", "zh-hant": "zh-Hant"}


@pytest.fixture(scope="module")
def codes(wsgi_app):
    from webtest import TestApp

    app = TestApp(wsgi_app)
    return [i["code"] for page in range(1, 12)
            for i in app.get("/api/v1/items", {"page": page, "per_page": 100}).json["items"]]


def test_root_redirects_by_cookie_then_accept_language(testapp):
    assert testapp.get("/", status=302).location.endswith("/zh-hans/")
    assert testapp.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}, status=302).location.endswith("/en/")
    assert testapp.get("/", headers={"Accept-Language": "zh-HK"}, status=302).location.endswith("/zh-hant/")
    testapp.set_cookie("lang", "en")
    assert testapp.get("/", headers={"Accept-Language": "zh-CN"}, status=302).location.endswith("/en/")


@pytest.mark.parametrize("lang", LANGS)
def test_home_page(testapp, lang):
    page = testapp.get(f"/{lang}/")
    assert page.html.html["lang"] == TAGS[lang]
    links = {a["href"] for a in page.html.select("main a")}
    assert f"/{lang}/items?topic=housing" in links
    assert f"/{lang}/items?audience=enterprise" in links
    assert f"/{lang}/items?type=licensing" in links
    assert f"/{lang}/departments/gjj" in links
    alternates = {link["hreflang"]: link["href"] for link in page.html.select("link[rel=alternate]")}
    assert set(alternates) == {"zh-Hans", "en", "zh-Hant", "x-default"}
    assert alternates["x-default"] == alternates["zh-Hans"]
    assert page.html.select_one("header a.site-name").text.strip() == {
        "zh-hans": "惠州办事指南", "en": "Huizhou Service Guide", "zh-hant": "惠州辦事指南"}[lang]
    assert "Content-Security-Policy" in page.headers and page.headers["X-Content-Type-Options"] == "nosniff"


H1 = re.compile(r"<h1>(.+?)</h1>", re.S)
MATERIAL_NAMES = re.compile(r'<ol class="checklist">.*?</ol>', re.S)


@pytest.mark.slow
def test_every_item_has_a_guide_page_in_every_language(testapp, codes):
    # Regular expressions, not a parser: this walks 3,261 pages.
    assert len(codes) == 1087
    names = {i["code"]: i["names"] for page in range(1, 12)
             for i in testapp.get("/api/v1/items", {"page": page, "per_page": 100}).json["items"]}
    for code in codes:
        zh = testapp.get(f"/zh-hans/items/{code}").text
        assert H1.search(zh).group(1).strip() == names[code]["zh-Hans"], code
        hant = testapp.get(f"/zh-hant/items/{code}").text
        assert H1.search(hant).group(1).strip() == to_traditional(names[code]["zh-Hans"]), code
        assert "converted automatically" not in hant and "自動轉換" in hant
        en = testapp.get(f"/en/items/{code}").text
        title = H1.search(en).group(1)
        assert title.strip() and not CJK.search(title), (code, title)
        checklist = MATERIAL_NAMES.search(en).group(0)
        assert "<li>" in checklist and not CJK.search(checklist), code
        # Every guide with a promised time limit says when to expect the result.
        promised = re.search(r"Time limit \(promised\)</dt><dd>(.*?)</dd>", en).group(1)
        assert promised == "On the spot" or "If you apply today" in en, code


def test_guide_page_shows_the_facts_materials_windows_and_apply_button(testapp):
    page = testapp.get("/en/items/GAJ-0001")
    html = page.html
    # the key facts beside the start button, the rest further down
    facts = {dt.get_text(strip=True): dd.get_text(" ", strip=True)
             for dt, dd in zip(html.select(".key-facts dt, .summary-list dt"), html.select(".key-facts dd, .summary-list dd"))}
    assert {"Time limit (promised)", "Time limit (legal)", "Fee", "Visits to a window", "Online",
            "What you get", "Questions", "Item code"} <= set(facts)
    assert facts["Item code"] == "GAJ-0001"
    assert html.select("ol.checklist li")
    where = html.find(id="where")
    assert where is not None


def test_guide_page_windows_and_hours(testapp, codes):
    # A hall item is accepted at the integrated windows of every hall.
    data = testapp.get("/api/v1/items", {"per_page": 100, "page": 5}).json
    page = testapp.get(f"/en/items/{data['items'][0]['code']}")
    text = page.html.get_text(" ", strip=True)
    assert "Where to apply" in text


def test_online_only_item_says_so_and_lists_no_windows(testapp, codes):
    for code in codes:
        detail = testapp.get(f"/api/v1/items/{code}").json
        if detail["cross_site_mode"] == "online_only":
            break
    else:
        pytest.fail("the sample catalogue has no online-only item")
    page = testapp.get(f"/en/items/{code}")
    assert "handled online only" in page.text
    assert not page.html.select(".windows table")
    assert page.html.select_one("a.button")["href"] == detail["online_url"]


def test_unknown_item_is_a_404_page_in_the_readers_language(testapp):
    page = testapp.get("/en/items/NO-SUCH-ITEM", status=404)
    assert page.content_type == "text/html"
    assert page.html.html["lang"] == "en"
    assert "We could not find that page" in page.text
    zh = testapp.get("/zh-hans/items/NO-SUCH-ITEM", status=404)
    assert "找不到" in zh.text


@pytest.mark.parametrize("lang", LANGS)
def test_an_address_no_route_matches_is_a_404_in_the_language_it_names(testapp, lang):
    for path in (f"/{lang}/no-such-page", f"/{lang}/items/GAJ-0014/no-such-part"):
        page = testapp.get(path, headers={"Accept-Language": "zh-CN" if lang == "en" else "en"}, status=404)
        assert page.html.html["lang"] == TAGS[lang], path
    # no language in the address: the reader's, as on any page
    assert testapp.get("/no-such-page", headers={"Accept-Language": "en"}, status=404).html.html["lang"] == "en"
    assert testapp.get("/enx/page", headers={"Accept-Language": "en"}, status=404).html.html["lang"] == "en"


@pytest.mark.parametrize("lang", LANGS)
def test_department_and_center_pages(testapp, lang):
    dept = testapp.get(f"/{lang}/departments/gjj")
    assert dept.html.select("ul.results li")
    center = testapp.get(f"/{lang}/centers/municipal")
    assert center.html.select("table")
    assert testapp.get(f"/{lang}/departments").html.select("ul.card-list li")
    assert testapp.get(f"/{lang}/centers").html.select("ul.card-list li")


def test_municipal_hall_has_no_noon_break_and_saturday_livelihood_windows(testapp):
    page = testapp.get("/en/centers/municipal")
    text = page.html.get_text(" ", strip=True)
    assert "Open through lunchtime" in text
    assert "Saturday morning service at some windows" in text
    center_hours, *window_hours = [
        {row.th.get_text(strip=True): row.td.get_text(" ", strip=True) for row in table.select("tbody tr")}
        for table in page.html.select("table.hours")]
    assert center_hours["Monday"] == "09:00–17:30 no lunch break"
    assert center_hours["Saturday"] == "Closed"
    assert [hours["Saturday"] for hours in window_hours] == ["09:00–12:00"]
    assert window_hours[0]["Friday"] == "09:00–17:30 no lunch break"


def test_district_hall_closes_at_noon(testapp):
    text = testapp.get("/en/centers/huicheng").html.get_text(" ", strip=True)
    assert "Closed 12:00–14:00" in text
    assert "09:00–12:00, 14:00–17:30" in text


def test_browse_filters_combine(testapp):
    page = testapp.get("/en/items", {"topic": "housing", "audience": "individual"})
    total = int(re.match(r"\d+", page.html.select_one("[role=status] strong").text).group())
    assert 0 < total < 1087
    center = testapp.get("/en/items", {"center": "provident-fund"})
    assert "Accepted at" in center.text
    assert int(center.html.select_one("[role=status] strong").text.split()[0]) > 0


@pytest.mark.parametrize("query", [
    {"topic": "space"}, {"audience": "robots"}, {"type": "nope"}, {"department": "nope"},
    {"center": "nope"}, {"page": "0"}, {"page": "-1"}, {"page": "1e9"}, {"department": "x" * 500},
])
def test_bad_browse_parameters_are_400_pages(testapp, query):
    page = testapp.get("/en/items", query, status=400)
    assert page.content_type == "text/html"
    assert page.html.h1.text == "Bad request"


def test_invalid_utf8_in_query_is_a_400_page(testapp):
    page = testapp.get("/en/items?topic=%ff", status=400)
    assert "not valid UTF-8" in page.text


def test_language_switch_keeps_the_page(testapp):
    page = testapp.get("/zh-hans/items", {"topic": "travel"})
    switch = {a["hreflang"]: a["href"] for a in page.html.select(".lang-switch a")}
    assert switch["en"].endswith("/en/items?topic=travel&lang=en")
    english = testapp.get(switch["en"], status=303).follow()
    assert english.request.url.endswith("/en/items?topic=travel")
    back = {a["hreflang"]: a["href"] for a in english.html.select(".lang-switch a")}
    assert back["zh-Hans"].endswith("/zh-hans/items?topic=travel&lang=zh-hans")


def test_static_stylesheet_is_served_locally(testapp):
    page = testapp.get("/en/")
    href = page.html.select_one("link[rel=stylesheet]")["href"]
    assert href.startswith("/static/")
    assert "font-family" in testapp.get(href).text


def _summary(name):
    """The summary a guide file in content/guides gives."""
    text = (Path(__file__).resolve().parents[3] / "content" / "guides" / name).read_text(encoding="utf-8")
    return re.search(r"^summary: (.*)$", text, re.M).group(1).strip()


def test_published_editorial_text_is_on_the_guide_page(testapp):
    en = testapp.get("/en/items/GAJ-0014").html
    assert en.select_one(".lead").get_text(strip=True) == _summary("GAJ-0014.en.md")
    en = en.select_one(".guide-text")
    assert [h.text for h in en.select("h2")][:2] == ["Steps", "What happens next"]
    assert en.select("h2") and en.select("ol li")
    zh = testapp.get("/zh-hans/items/GAJ-0014").html.select_one(".guide-text")
    assert "指纹" in zh.get_text()
    hant = testapp.get("/zh-hant/items/GAJ-0014").html.select_one(".guide-text")
    assert "指紋" in hant.get_text()
    assert testapp.get("/en/items/GAJ-0001").html.select_one(".guide-text") is None


def test_choosing_a_language_is_remembered_for_the_root_and_reading_sets_no_cookie(wsgi_app):
    from webtest import TestApp

    app = TestApp(wsgi_app)
    page = app.get("/en/items/GAJ-0014", {"district": "huiyang"})
    assert "Set-Cookie" not in page.headers and not app.cookies
    switch = {a["lang"]: a["href"] for a in page.html.select("nav.lang-switch a")}
    assert switch["zh-Hant"].endswith("/zh-hant/items/GAJ-0014?district=huiyang&lang=zh-hant")
    chosen = app.get(switch["zh-Hant"], status=303)
    assert chosen.location == "http://localhost/zh-hant/items/GAJ-0014?district=huiyang"
    assert app.cookies["lang"] == "zh-hant"
    assert app.get("/", headers={"Accept-Language": "en"}, status=302).location.endswith("/zh-hant/")
    # hreflang links name the pages themselves, without the choice.
    assert all("lang=" not in link["href"] for link in page.html.select("link[rel=alternate]"))
    # A `lang` that is not the page's own language is not a choice: the page answers as ever.
    assert app.get("/en/items/GAJ-0014?lang=zh-hant").status_int == 200


PAGES = ["/", "/items", "/items?topic=travel", "/items/GAJ-0014", "/departments", "/departments/gjj",
         "/centers", "/centers/municipal", "/search", "/search?q=%E6%8A%A4%E7%85%A7"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_in_every_language(testapp, lang, path):
    page = testapp.get(f"/{lang}{path}")
    assert "Set-Cookie" not in page.headers
    assert page.html.html["lang"] == TAGS[lang]
    assert page.html.h1.get_text(strip=True)
    if lang == "en":
        # UI text is all translated: outside data marked with lang, no Chinese on English pages.
        for marked in page.html.select("[lang]:not(html)"):
            marked.decompose()
        visible = page.html.body.get_text(" ", strip=True)
        assert not CJK.search(visible), path
