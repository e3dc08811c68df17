"""A hall's kiosk through the real app: its screens in every language, the language from the
URL alone, no cookies, no way out, and where to apply from this hall."""
import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import segno
from sqlalchemy import select

from guide.models import Item, ServiceCenter
from guide.places.nearest import great_circle_km

LANGS = {"zh-hans": "zh-Hans", "en": "en", "zh-hant": "zh-Hant"}
HALL = "municipal"
#: 居民身份证办理: the municipal hall's public security window B01 takes it.
ID_CARD = "GAJ-0019"
#: A Monday at 10:00 in Huizhou: the halls are open.
MONDAY_MORNING = dt.datetime(2026, 11, 30, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def kiosk_pages(lang, code=ID_CARD, hall=HALL):
    base = f"/kiosk/{hall}/{lang}"
    return [f"{base}/", f"{base}/search", f"{base}/search?q=sfz", f"{base}/search?topic=travel",
            f"{base}/items/{code}", f"{base}/items/{code}/print", f"{base}/items/{code}/print?format=80mm"]


def assert_stays_in_the_kiosk(page, hall=HALL):
    """Every link and form leads to this hall's kiosk; nothing dials, mails or leaves."""
    for a in page.html.select("a[href]"):
        assert a["href"].startswith(f"/kiosk/{hall}/"), (page.request.url, a["href"])
    for form in page.html.select("form"):
        assert form["action"].startswith(f"/kiosk/{hall}/"), form["action"]


def test_the_start_opens_the_halls_default_language(testapp, dbsession, doomed_app):
    assert testapp.get(f"/kiosk/{HALL}/", status=302).location.endswith(f"/kiosk/{HALL}/zh-hans/")
    assert testapp.get(f"/kiosk/{HALL}", status=302).location.endswith(f"/kiosk/{HALL}/zh-hans/")
    assert testapp.get(f"/kiosk/{HALL}/en", status=302).location.endswith(f"/kiosk/{HALL}/en/")
    hall = dbsession.scalar(select(ServiceCenter).where(ServiceCenter.code == "huiyang"))
    hall.default_locale = "en"
    dbsession.flush()
    assert doomed_app.get("/kiosk/huiyang/", status=302).location.endswith("/kiosk/huiyang/en/")
    # The board, which has no language in its URL, is in the hall's language too.
    assert doomed_app.get("/kiosk/huiyang/board").html.html["lang"] == "en"


@pytest.mark.parametrize("lang", LANGS)
def test_every_screen_answers_in_its_language_without_cookies_or_a_way_out(testapp, lang):
    # A previous reader's cookie and the browser's language are ignored: the URL decides.
    testapp.set_cookie("lang", "en" if lang != "en" else "zh-hant")
    for url in kiosk_pages(lang) + [f"/kiosk/{HALL}/board", f"/kiosk/{HALL}/"]:
        page = testapp.get(url, headers={"Accept-Language": "en" if lang != "en" else "zh-HK"})
        assert "Set-Cookie" not in page.headers, url
        assert page.headers["Cache-Control"] == "no-store", url
        if page.status_int == 200:
            expected = LANGS[lang] if "/board" not in url else "zh-Hans"
            assert page.html.html["lang"] == expected, url
            assert_stays_in_the_kiosk(page)
            assert not page.html.select("[href^='tel:'], [href^='http'], iframe"), url


@pytest.mark.parametrize("url,status", [
    ("/kiosk/atlantis/en/", 404), (f"/kiosk/{HALL}/en/items/NO-SUCH", 404), (f"/kiosk/{HALL}/fr/", 404),
    (f"/kiosk/{HALL}/en/search?q=" + "a" * 41, 400), (f"/kiosk/{HALL}/en/search?topic=moon", 400),
    (f"/kiosk/{HALL}/en/search?q=a&page=0", 400), (f"/kiosk/{HALL}/en/items/{ID_CARD}/print?format=a3", 400),
    (f"/kiosk/{HALL}/en/search?q=%00", 400), (f"/kiosk/{HALL}/en/search?q=%ff", 400),
])
def test_bad_addresses_get_a_kiosk_page_that_leads_back_to_the_start(testapp, url, status):
    testapp.set_cookie("lang", "zh-hant")
    page = testapp.get(url, status=status)
    assert "Set-Cookie" not in page.headers
    assert page.html.select_one("body.kiosk") is not None
    links = [a["href"] for a in page.html.select("a[href]")]
    if "atlantis" in url:
        assert links == ["/kiosk/atlantis/"]  # the start of what was asked for: a 404 again, not a way out
    else:
        assert links == [f"/kiosk/{HALL}/"]
    assert page.html.html["lang"] in ("en", "zh-Hans")
    json = testapp.get(url, status=status, headers={"Accept": "application/json"})
    assert json.json["error"]["status"] == status


@pytest.mark.parametrize("url", [f"/kiosk/{HALL}/", f"/kiosk/{HALL}/en/", f"/kiosk/{HALL}/en/search",
                                 f"/kiosk/{HALL}/en/items/{ID_CARD}", f"/kiosk/{HALL}/board"])
def test_a_kiosk_takes_nothing_but_reading(testapp, url):
    for method in (testapp.post, testapp.put, testapp.delete):
        answer = method(url, status=405)
        assert "Set-Cookie" not in answer.headers and answer.html.select_one("body.kiosk")


@pytest.mark.parametrize("url", ["/kiosk/%ff/", f"/kiosk/{HALL}/%ff/", f"/kiosk/{HALL}/en/items/%ff",
                                 "/en/items/%ff/print"])
def test_an_undecodable_address_is_a_400_not_a_500(testapp, url):
    page = testapp.get(url, status=400)
    assert "Set-Cookie" not in page.headers or not url.startswith("/kiosk/")
    assert testapp.get(url, status=400, headers={"Accept": "application/json"}).json["error"]["status"] == 400


def test_home_offers_the_halls_popular_items_in_order_and_the_life_topics(testapp, dbsession):
    page = testapp.get(f"/kiosk/{HALL}/en/")
    popular = [a["href"].rsplit("/", 1)[1] for a in page.html.select("#popular-heading ~ ul a")]
    hall = dbsession.scalar(select(ServiceCenter).where(ServiceCenter.code == HALL))
    assert popular == [item.code for item in hall.popular_items]
    assert popular[0] == ID_CARD and len(popular) == 10
    topics = [parse_qs(urlsplit(a["href"]).query)["topic"][0] for a in page.html.select("#topics-heading ~ ul a")]
    assert "travel" in topics and len(topics) == 10
    # A service point without a list shows the topics alone.
    assert not testapp.get("/kiosk/exit-entry/en/").html.select("#popular-heading")


@pytest.mark.parametrize("typed,expected", [
    ("sfz", "居民身份证"),          # initials of 身份证
    ("shenfenzheng", "居民身份证"),  # full pinyin
    ("hz", "护照"),                # initials of 护照
    ("passport", "护照"),
    ("identity card", "居民身份证"),
])
def test_keyboard_search_finds_items_by_pinyin_initials_and_english(testapp, typed, expected):
    page = testapp.get(f"/kiosk/{HALL}/zh-hans/search", {"q": typed})
    names = [a.contents[0].strip() for a in page.html.select("[data-results] a.k-row")]
    assert any(expected in name for name in names[:5]), names
    for a in page.html.select("[data-results] a.k-row"):
        assert re.fullmatch(rf"/kiosk/{HALL}/zh-hans/items/[A-Z]+-\d+", a["href"])


def test_the_keys_type_on_from_what_was_typed_without_scripts(testapp):
    page = testapp.get(f"/kiosk/{HALL}/en/search", {"q": "shen "})
    keys = {a["data-key"]: parse_qs(urlsplit(a["href"]).query, keep_blank_values=True).get("q", [""])[0]
            for a in page.html.select("[data-keyboard] a")}
    assert keys["f"] == "shen f"  # the space is kept, so words can be typed
    assert keys["backspace"] == "shen" and keys["clear"] == ""
    assert set("abcdefghijklmnopqrstuvwxyz0123456789") <= set(keys)
    assert page.html.select_one("input[name=q]")["value"] == "shen "
    # The box takes what the keyboard can type: no longer than the server reads.
    assert page.html.select_one("input[name=q]")["maxlength"] == "40"


def test_a_life_topic_lists_its_items(testapp):
    page = testapp.get(f"/kiosk/{HALL}/en/search", {"topic": "travel"})
    assert page.html.h1.text.strip() == "Travel documents"
    rows = page.html.select("[data-results] a.k-row")
    assert rows and all(a["href"].startswith(f"/kiosk/{HALL}/en/items/") for a in rows)
    assert not page.html.select("[data-keyboard]")


def test_a_guide_says_which_window_of_this_hall_and_whether_it_is_open(testapp, clock, dbsession):
    clock.set(MONDAY_MORNING)
    page = testapp.get(f"/kiosk/{HALL}/en/items/{ID_CARD}")
    where = page.html.select_one(".k-where")
    assert where.h2.text.strip() == "Apply here, in this hall"
    assert "Window B01, floor 1F" in where.text
    assert "Today: 09:00–17:30" in where.text and "Open now, until 17:30" in where.text
    materials = [li.strong.text for li in page.html.select(".k-checklist li")]
    item = dbsession.scalar(select(Item).where(Item.code == ID_CARD))
    assert materials == [m.name_en for m in item.materials] and materials
    clock.set(MONDAY_MORNING.replace(hour=19))
    assert "Closed, opens Tue 1 Dec 09:00" in testapp.get(f"/kiosk/{HALL}/en/items/{ID_CARD}").html.select_one(".k-where").text


def test_a_guide_this_hall_does_not_take_names_the_nearest_center_that_does(testapp, dbsession):
    from guide.places.data import PlacesData
    from guide.places.service import PlacesService

    hall = dbsession.scalar(select(ServiceCenter).where(ServiceCenter.code == HALL))
    places = PlacesService(lambda: PlacesData(dbsession))
    # Justice (sfj) items: only the department's own service points take them, not the halls.
    item = next(i for i in dbsession.scalars(select(Item).where(Item.code.like("SFJ-%")).order_by(Item.code))
                if places.windows_for_item(i))
    centers = {w.center for w, _ in places.windows_for_item(item)}
    assert hall not in centers
    nearest = min(centers, key=lambda c: great_circle_km(hall.lat, hall.lon, c.lat, c.lon))
    page = testapp.get(f"/kiosk/{HALL}/en/items/{item.code}")
    where = page.html.select_one(".k-where")
    assert "This hall does not take this item." in where.text
    assert nearest.name_en in where.strong.text
    assert f"{round(great_circle_km(hall.lat, hall.lon, nearest.lat, nearest.lon), 1)} km from here" in where.text


def test_the_qr_codes_carry_the_public_guide_and_the_online_application(testapp, dbsession):
    item = dbsession.scalar(select(Item).where(Item.online_depth >= 3, Item.online_url.is_not(None)).order_by(Item.code))
    page = testapp.get(f"/kiosk/{HALL}/en/items/{item.code}")
    codes = page.html.select(".k-qr svg.qr")
    assert [svg["role"] for svg in codes] == ["img", "img"] and all(svg["aria-label"] for svg in codes)

    def matrix(svg):  # the dark modules' path, which is what a phone reads
        return svg.select("path")[-1]["d"]

    guide = segno.make(f"http://localhost/en/items/{item.code}", error="m", micro=False)
    online = segno.make(item.online_url, error="m", micro=False)
    expected = [re.search(r' d="([^"]+)"', q.svg_inline(omitsize=True, border=4, lineclass=None).split("<path", 2)[-1])
                .group(1) for q in (guide, online)]
    assert [matrix(svg) for svg in codes] == expected
    # The online link is only a code: nothing on a kiosk leaves it.
    assert item.online_url not in {a.get("href") for a in page.html.select("a")}


def test_qr_codes_use_the_public_base_url(database, app_settings):
    from webtest import TestApp

    from guide import main

    # (No search: a second index writer on the session's index would race the first.)
    settings = {**app_settings, "guide.search.backend": "guide.search.null.NullSearch"}
    # The kiosk reaches the app at its hall's own name, which the base URL makes trusted beside it.
    app = TestApp(main({}, dbengine=database.engine, **{**settings, "guide.base_url": "https://guide.example.gov.cn/",
                                                       "guide.trusted_hosts": "localhost"}))
    svg = app.get(f"/kiosk/{HALL}/en/items/{ID_CARD}").html.select_one(".k-qr svg.qr")
    expected = segno.make(f"https://guide.example.gov.cn/en/items/{ID_CARD}", error="m", micro=False)
    assert svg.select("path")[-1]["d"] in expected.svg_inline(omitsize=True, border=4, lineclass=None)
    with pytest.raises(Exception, match="GUIDE_BASE_URL"):
        main({}, dbengine=database.engine, **{**settings, "guide.base_url": "guide.example.gov.cn"})


def test_guide_text_on_a_kiosk_keeps_its_words_but_not_its_links(testapp, dbsession, doomed_app):
    from guide.models import Guide

    guide = dbsession.scalar(select(Guide).join(Item).where(Item.code == ID_CARD, Guide.locale == "en"))
    guide.published_revision.body = "Book first at [the booking site](https://example.org/book) or call."
    dbsession.flush()
    page = doomed_app.get(f"/kiosk/{HALL}/en/items/{ID_CARD}")
    text = page.html.select_one(".k-guide-text")
    assert "Book first at the booking site or call." in text.text and not text.select("a")
    public = doomed_app.get(f"/en/items/{ID_CARD}")
    assert public.html.select_one(".guide-text a[href='https://example.org/book']") is not None


def test_the_print_view_knows_the_hall(testapp):
    page = testapp.get(f"/kiosk/{HALL}/en/items/{ID_CARD}/print")
    sheet = page.html.select_one(".checklist-sheet")
    assert [h3.text for h3 in sheet.select(".cl-place h3")] == ["Huizhou Citizen Service Center"]
    assert "Window B01" in sheet.select_one(".cl-windows").text
    sheets = [link["href"] for link in page.html.select("link[rel=stylesheet][media=print]")]
    assert any("/print-a4.css?" in href for href in sheets)
    roll = testapp.get(f"/kiosk/{HALL}/en/items/{ID_CARD}/print", {"format": "80mm"})
    assert any("/print-80mm.css?" in link["href"] for link in roll.html.select("link[rel=stylesheet]"))
    # A hall with a receipt printer prints on it unless A4 is chosen (kiosk_paper in centers.csv).
    huiyang = testapp.get(f"/kiosk/huiyang/en/items/{ID_CARD}/print")
    assert any("/print-80mm.css?" in link["href"] for link in huiyang.html.select("link[rel=stylesheet]"))
    assert huiyang.html.select_one(".k-formats [aria-current]")["href"].endswith("format=80mm")


def test_the_board_shows_today_the_windows_open_now_and_the_most_asked(testapp, clock):
    clock.set(MONDAY_MORNING)
    page = testapp.get(f"/kiosk/{HALL}/board")
    assert page.html.select_one(".b-status .k-open") is not None
    assert "09:00–17:30" in page.html.select_one(".b-status").text
    windows = page.html.select(".b-windows li")
    assert len(windows) >= 4 and all("k-open" in li["class"] for li in windows)
    assert len(page.html.select(".b-popular li")) == 10
    assert not page.html.select("a")  # display only
    assert page.html.select_one("body")["data-board-refresh"] == "60"
    assert page.html.select_one("noscript meta[http-equiv=refresh]")["content"] == "60"
    clock.set(MONDAY_MORNING.replace(hour=21))
    evening = testapp.get(f"/kiosk/{HALL}/board").html
    assert not evening.select(".b-windows li.k-open") and evening.select_one(".b-status .k-closed") is not None


def test_labels_are_in_the_screens_language(testapp):
    for lang, label in (("zh-hans", "语言"), ("zh-hant", "語言"), ("en", "Language")):
        page = testapp.get(f"/kiosk/{HALL}/{lang}/search")
        assert page.html.select_one("[data-lang-switch]")["aria-label"] == label
        assert page.html.select_one("[data-keyboard]")["aria-label"] != "On-screen keyboard" or lang == "en"
    # The public pages' labels too (they were left in English before).
    assert testapp.get("/zh-hans/").html.select_one("nav.lang-switch")["aria-label"] == "语言"


def test_without_scripts_a_screen_still_returns_to_the_start(testapp):
    refresh = testapp.get(f"/kiosk/{HALL}/en/items/{ID_CARD}").html.select_one("noscript meta[http-equiv=refresh]")
    assert refresh["content"] == f"100;url=/kiosk/{HALL}/"
    assert testapp.get(f"/kiosk/{HALL}/zh-hans/").html.select_one("noscript meta") is None  # already there


def test_idle_reset_timings_default_to_90_and_10_seconds(testapp):
    body = testapp.get(f"/kiosk/{HALL}/en/").html.body
    assert (body["data-idle-seconds"], body["data-countdown-seconds"]) == ("90", "10")
    assert body["data-kiosk-home"] == f"/kiosk/{HALL}/" and body["data-kiosk-rest"] == f"/kiosk/{HALL}/zh-hans/"
