"""The centers list says which are open now; a center's page lists the coming public holidays and
make-up working days (at an injected time)."""
import datetime as dt

CHINA = dt.timezone(dt.timedelta(hours=8))


def _rows(page):
    return [[cell.get_text(" ", strip=True) for cell in tr.select("th, td")]
            for tr in page.html.select("table.calendar-days tbody tr")]


def test_a_center_lists_the_coming_holidays_and_make_up_days(testapp, clock):
    clock.set(dt.datetime(2026, 9, 1, 10, 0, tzinfo=CHINA))
    rows = _rows(testapp.get("/en/centers/municipal"))
    assert rows[0][0].startswith("Sunday, 20 September 2026")
    assert "Make-up working day" in rows[0][1] and rows[0][2] == "Open (weekday hours)"
    national = [r for r in rows if r[0].startswith("Thursday, 1 October 2026")]
    assert national and "National Day" in national[0][1] and national[0][2] == "Closed"
    assert all(dt.datetime.strptime(r[0].split(", ", 1)[1], "%d %B %Y").date() < dt.date(2026, 12, 30) for r in rows)
    zh = _rows(testapp.get("/zh-hans/centers/municipal"))
    assert any("国庆节" in row[1] for row in zh)


def test_an_unpublished_year_is_said_to_be_unpublished(testapp, clock):
    clock.set(dt.datetime(2026, 11, 30, 10, 0, tzinfo=CHINA))
    page = testapp.get("/en/centers/municipal")
    assert _rows(page) == []
    text = page.html.get_text(" ", strip=True)
    assert "not published yet" in text and "No public holidays" not in text


def test_the_centers_list_says_which_are_open_now(testapp, clock):
    clock.set(dt.datetime(2026, 11, 30, 10, 0, tzinfo=CHINA))  # a Monday morning
    cards = testapp.get("/en/centers").html.select(".card-list li")
    assert len(cards) > 20 and all(c.select_one(".tag.open") for c in cards)
    clock.set(dt.datetime(2026, 11, 30, 19, 0, tzinfo=CHINA))
    cards = testapp.get("/en/centers").html.select(".card-list li")
    assert all("Closed" in c.select_one(".tag.closed").text for c in cards)
