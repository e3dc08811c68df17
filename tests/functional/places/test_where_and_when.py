"""Live status, nearest windows and deadlines through the API and the pages."""
import pytest

STATUS = "/api/v1/centers/{}/status"


@pytest.mark.parametrize("center, at, open_, closes_at, next_open", [
    ("municipal", "2026-11-24T12:30", True, "2026-11-24T17:30:00+08:00", None),
    ("huicheng", "2026-11-24T12:30", False, None, "2026-11-24T14:00:00+08:00"),
    ("municipal", "2026-11-28T10:00", True, "2026-11-28T12:00:00+08:00", None),
    ("huicheng", "2026-11-28T10:00", True, "2026-11-28T12:00:00+08:00", None),
    ("municipal", "2026-10-01T10:00", False, None, "2026-10-08T09:00:00+08:00"),
    ("exit-entry", "2026-10-01T10:00", False, None, "2026-10-08T09:00:00+08:00"),
    ("municipal", "2026-09-20T10:00", True, "2026-09-20T17:30:00+08:00", None),
    ("huicheng", "2026-09-20T10:00", True, "2026-09-20T12:00:00+08:00", None),
    ("municipal", "2026-11-24T04:30Z", True, "2026-11-24T17:30:00+08:00", None),
])
def test_center_status(testapp, center, at, open_, closes_at, next_open):
    data = testapp.get(STATUS.format(center), {"at": at}).json
    assert (data["open"], data["closes_at"], data["next_open"]) == (open_, closes_at, next_open)
    assert data["calendar_covered"] is True


def test_saturday_is_open_at_livelihood_windows_only(testapp):
    data = testapp.get(STATUS.format("municipal"), {"at": "2026-11-28T10:00"}).json
    open_windows = {w["code"] for w in data["windows"] if w["open"]}
    assert open_windows == {"B01", "B02", "B03", "B04", "B05", "B07"}
    assert data["saturday_service"] and data["noon_service"] is False
    weekday = testapp.get(STATUS.format("municipal"), {"at": "2026-11-24T12:30"}).json
    assert weekday["noon_service"] is True


def test_a_year_without_calendar_data_says_so(testapp):
    # 2027's holidays are not published in the data yet: Monday 3 May 2027 opens by the weekday rule.
    data = testapp.get(STATUS.format("huicheng"), {"at": "2027-05-03T10:00"}).json
    assert data["open"] is True and data["calendar_covered"] is False


def test_centers_list(testapp):
    centers = testapp.get("/api/v1/centers", {"lang": "en"}).json["centers"]
    assert len(centers) == 27
    municipal = next(c for c in centers if c["code"] == "municipal")
    assert municipal["name"] == "Huizhou Citizen Service Center" and municipal["status_url"].endswith("/status")


def test_nearest_windows_from_a_district(testapp):
    data = testapp.get("/api/v1/items/GAJ-0014/windows", {"district": "huiyang", "at": "2026-11-24T10:00"}).json
    first = data["centers"][0]
    assert first["district"] == "huiyang"
    distances = [c["distance_km"] for c in data["centers"]]
    assert distances == sorted(distances)
    assert first["open"] is True and first["reasons"] == ["department"]


def test_nearest_windows_from_a_location_and_a_kiosk(testapp):
    near_longmen = testapp.get("/api/v1/items/SCJG-0062/windows", {"lat": "23.73", "lon": "114.25"}).json
    assert near_longmen["centers"][0]["code"] == "longmen"
    assert "integrated" in near_longmen["centers"][0]["reasons"]
    kiosk = testapp.get("/api/v1/items/SCJG-0062/windows", {"center": "boluo"}).json
    assert kiosk["centers"][0]["code"] == "boluo" and kiosk["centers"][0]["distance_km"] == 0


def test_online_only_item_has_no_windows(testapp):
    data = testapp.get("/api/v1/items/GJJ-0005/windows", {"district": "huicheng"}).json
    assert data["online_only"] is True and data["centers"] == [] and data["online_url"]


@pytest.mark.parametrize("params, parameter", [
    ({"lat": "91", "lon": "114"}, "lat"),
    ({"lat": "23", "lon": "-181"}, "lon"),
    ({"lat": "north", "lon": "114"}, "lat"),
    ({"lat": "nan", "lon": "114"}, "lat"),
    ({"lat": "23"}, "lon"),
    ({"district": "atlantis"}, "district"),
    ({"center": "nowhere"}, "center"),
    ({}, "lat"),
    ({"district": "huicheng", "at": "next tuesday"}, "at"),
])
def test_bad_places_input_is_400(testapp, params, parameter):
    data = testapp.get("/api/v1/items/GAJ-0014/windows", params, status=400).json
    assert data["error"]["parameter"] == parameter
    if parameter != "at" and params:
        page = testapp.get("/en/items/GAJ-0014", params, status=400)
        assert page.content_type == "text/html"


@pytest.mark.parametrize("at", ["2026-13-45", "9999-12-31T23:59", "0001-01-01T00:00+14:00", "1899-12-30T12:00+08:00",
                                "2201-01-01T00:00", "9999-12-31T23:59-12:00"])
def test_bad_at_on_status_is_400(testapp, at):
    for path in (STATUS.format("municipal"), "/api/v1/notices", "/api/v1/items/GAJ-0014/windows?district=huicheng"):
        assert testapp.get(path, {"at": at}, status=400).json["error"]["parameter"] == "at", path


def test_an_unknown_center_status_is_404(testapp):
    testapp.get(STATUS.format("atlantis"), status=404)


def test_guide_page_lists_the_nearest_three_for_a_district(testapp):
    page = testapp.get("/en/items/GAJ-0014", {"district": "huiyang"})
    nearest = page.html.select("ol.nearest > li")
    assert len(nearest) == 3
    assert "Huiyang" in nearest[0].a.text and "km away" in nearest[0].text
    # then every center that accepts it, nearest first, each collapsed with its status
    assert page.html.select_one("#windows-list h3").text == "3 service centers accept this item"
    groups = page.html.select("#windows-list details.windows")
    assert len(groups) == 3 and not any(g.has_attr("open") for g in groups)
    assert "Huiyang" in groups[0].summary.text and "Open on Saturday" in groups[0].summary.text
    assert page.html.select_one("#origin-district option[selected]")["value"] == "huiyang"
    assert not testapp.get("/en/items/GAJ-0014").html.select("ol.nearest > li")


def test_every_guide_page_with_a_time_limit_shows_the_deadline(testapp):
    page = testapp.get("/en/items/GAJ-0014")
    facts = {dt.get_text(strip=True): dd.get_text(" ", strip=True)
             for dt, dd in zip(page.html.select(".summary-list dt"), page.html.select(".summary-list dd"))}
    assert facts["If you apply today"].startswith("expected by")
    zh = testapp.get("/zh-hans/items/GAJ-0014").html.get_text()
    assert "预计" in zh


def test_center_page_status_chart_and_map(testapp):
    page = testapp.get("/en/centers/municipal")
    assert page.html.select_one(".live-status .tag").text.strip()
    chart = page.html.select_one("svg.hours-chart")
    assert chart["role"] == "img" and chart.title.text
    assert len(chart.select("rect")) == 5  # Monday to Friday, one bar each: no noon break
    district_map = page.html.select_one("svg.district-map")
    assert len(district_map.select("circle")) == 27 and len(district_map.select("text")) == 7
    huicheng = testapp.get("/en/centers/huicheng").html.select_one("svg.hours-chart")
    assert len(huicheng.select("rect")) == 10
