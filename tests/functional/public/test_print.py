"""The printable checklist of a guide: /{lang}/items/{code}/print?format=a4|80mm."""
import pytest
from sqlalchemy import select

from guide.models import District, Item
from guide.places.nearest import great_circle_km
from guide.places.data import PlacesData
from guide.places.service import PlacesService

ID_CARD = "GAJ-0019"


@pytest.mark.parametrize("lang", ["zh-hans", "en", "zh-hant"])
def test_the_checklist_has_materials_places_hours_and_a_qr_code(testapp, dbsession, lang):
    item = dbsession.scalar(select(Item).where(Item.code == ID_CARD))
    page = testapp.get(f"/{lang}/items/{ID_CARD}/print")
    sheet = page.html.select_one(".checklist-sheet")
    assert len(sheet.select(".cl-materials li")) == len(item.materials)
    assert len(sheet.select(".cl-place")) == 3
    assert all(place.select(".cl-windows li") for place in sheet.select(".cl-place"))
    svg = sheet.select_one(".cl-qr svg.qr")
    assert svg["role"] == "img" and f"/{lang}/items/{ID_CARD}" in sheet.select_one(".cl-url").text
    assert page.html.html["lang"] == {"zh-hans": "zh-Hans", "en": "en", "zh-hant": "zh-Hant"}[lang]
    print_css = [link for link in page.html.select("link[rel=stylesheet]") if "print-a4.css" in link["href"]]
    assert print_css and print_css[0]["media"] == "print"


def test_the_english_checklist_reads_as_printed(testapp):
    sheet = testapp.get(f"/en/items/{ID_CARD}/print").html.select_one(".checklist-sheet")
    first = sheet.select_one(".cl-materials li").text
    assert "Originals: 1" in first
    assert "Mon–Fri 09:00–17:30" in sheet.select_one(".cl-windows").text
    assert "Sample data" in sheet.text


def test_the_centers_are_the_nearest_to_the_readers_district(testapp, dbsession):
    district = dbsession.scalar(select(District).where(District.code == "huiyang"))
    item = dbsession.scalar(select(Item).where(Item.code == ID_CARD))
    centers = {w.center for w, _ in PlacesService(lambda: PlacesData(dbsession)).windows_for_item(item)}
    expected = sorted(centers, key=lambda c: (great_circle_km(district.lat, district.lon, c.lat, c.lon), c.code))[:3]
    page = testapp.get(f"/en/items/{ID_CARD}/print", {"district": "huiyang", "format": "80mm"})
    assert [h3.text for h3 in page.html.select(".cl-place h3")] == [c.name_en for c in expected]
    assert any("print-80mm.css" in link["href"] for link in page.html.select("link[rel=stylesheet]"))
    # The other paper keeps the district.
    other = page.html.select_one("nav a[href*='format=a4']")["href"]
    assert "district=huiyang" in other
    # Without a district, the note says where the list is measured from.
    assert "nearest to Huizhou Citizen Service Center" in testapp.get(f"/en/items/{ID_CARD}/print").text


def test_the_guide_page_links_to_its_checklist_with_the_readers_district(testapp):
    page = testapp.get(f"/en/items/{ID_CARD}", {"district": "boluo"})
    links = [a["href"] for a in page.html.select(".print-links a")]
    assert links == [f"/en/items/{ID_CARD}/print?district=boluo&format=a4",
                     f"/en/items/{ID_CARD}/print?district=boluo&format=80mm"]


def test_an_online_only_item_says_so(testapp, dbsession):
    item = dbsession.scalar(select(Item).where(Item.cross_site_mode == "online_only").order_by(Item.code))
    sheet = testapp.get(f"/en/items/{item.code}/print").html.select_one(".checklist-sheet")
    assert not sheet.select(".cl-place") and "online only" in sheet.text


@pytest.mark.parametrize("query", ["format=a3", "district=atlantis", "lat=99&lon=0", "format=%ff"])
def test_bad_parameters_are_a_400(testapp, query):
    page = testapp.get(f"/en/items/{ID_CARD}/print?{query}", status=400)
    assert page.html.h1
    assert testapp.get(f"/en/items/{ID_CARD}/print?{query}", status=400,
                       headers={"Accept": "application/json"}).json["error"]["status"] == 400


def test_an_unknown_item_is_a_404_and_other_methods_a_405(testapp):
    testapp.get("/en/items/NO-SUCH/print", status=404)
    testapp.post(f"/en/items/{ID_CARD}/print", status=405)
