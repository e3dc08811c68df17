"""The JSON API v1 over the sample catalogue."""
import re

import pytest

CJK = re.compile(r"[\u3400-\u9fff]")


def test_items_reports_the_whole_catalogue(testapp):
    data = testapp.get("/api/v1/items").json
    assert data["total"] == 1087
    assert (data["page"], data["per_page"], len(data["items"])) == (1, 20, 20)
    first = data["items"][0]
    assert set(first) >= {"code", "name", "names", "department", "type", "url"}
    assert set(first["names"]) == {"zh-Hans", "en", "zh-Hant"}
    assert first["name"] == first["names"]["zh-Hans"]
    assert first["url"].endswith(f"/zh-hans/items/{first['code']}")


def test_items_in_english_and_paging(testapp):
    data = testapp.get("/api/v1/items", {"lang": "en", "page": 3, "per_page": 50}).json
    assert (data["page"], data["per_page"], len(data["items"])) == (3, 50, 50)
    for item in data["items"]:
        assert item["name"] == item["names"]["en"] and not CJK.search(item["name"])
        assert "/en/items/" in item["url"]
    codes = [i["code"] for i in data["items"]]
    assert codes == sorted(codes)
    last = testapp.get("/api/v1/items", {"page": 22, "per_page": 50}).json
    assert len(last["items"]) == 1087 - 21 * 50
    assert testapp.get("/api/v1/items", {"page": 23, "per_page": 50}).json["items"] == []


def test_item_detail(testapp):
    code = testapp.get("/api/v1/items").json["items"][0]["code"]
    data = testapp.get(f"/api/v1/items/{code}", {"lang": "zh-Hant"}).json
    assert data["code"] == code and data["name"] == data["names"]["zh-Hant"]
    assert 1 <= len(data["materials"]) <= 10
    assert data["materials"][0]["seq"] == 1
    assert data["promised_limit_days"] <= data["legal_limit_days"]


@pytest.mark.parametrize("url, params, parameter", [
    ("/api/v1/items", {"page": "0"}, "page"),
    ("/api/v1/items", {"page": str(10**9)}, "page"),
    ("/api/v1/items", {"page": "two"}, "page"),
    ("/api/v1/items", {"per_page": "1000"}, "per_page"),
    ("/api/v1/items", {"lang": "fr"}, "lang"),
    ("/api/v1/items/GAJ-0001", {"lang": "x" * 300}, "lang"),
])
def test_bad_parameters_are_400_json(testapp, url, params, parameter):
    response = testapp.get(url, params, status=400)
    assert response.content_type == "application/json"
    assert response.json["error"]["parameter"] == parameter
    assert response.json["error"]["message"]


def test_unknown_item_is_404_json(testapp):
    response = testapp.get("/api/v1/items/NO-SUCH-ITEM", status=404)
    assert response.json["error"]["status"] == 404


def test_invalid_utf8_query_is_400(testapp):
    response = testapp.get("/api/v1/items?lang=%ff%fe", status=400)
    assert response.content_type == "application/json"


def test_post_is_not_allowed(testapp):
    testapp.post("/api/v1/items", status=405)


def test_healthz(testapp):
    assert testapp.get("/healthz").json == {"status": "ok"}
