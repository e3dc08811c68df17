"""Open data: the whole catalogue as JSON and CSV, and the departments and topics."""
import csv
import gzip
import io

from webob import Request

from guide.views.api.export import CSV_COLUMNS


def test_the_json_export_nests_materials_and_windows(testapp):
    response = testapp.get("/api/v1/export.json", {"lang": "en"})
    assert response.content_type == "application/json" and response.headers["ETag"].startswith('W/"')
    data = response.json
    assert data["total"] == len(data["items"]) == 1087 and data["lang"] == "en"
    codes = [item["code"] for item in data["items"]]
    assert codes == sorted(codes)
    first = data["items"][0]
    assert first["materials"] and first["materials"][0]["seq"] == 1
    assert first["name"] == first["names"]["en"]
    with_windows = [item for item in data["items"] if item["windows"]]
    assert with_windows and set(with_windows[0]["windows"][0]) == {"center", "code", "label", "reason"}
    # the item's own answer and its export agree
    one = testapp.get(f"/api/v1/items/{first['code']}", {"lang": "en"}).json
    assert {k: v for k, v in first.items() if k != "windows"} == one


def test_the_csv_export_is_one_row_per_item(testapp):
    response = testapp.get("/api/v1/export.csv")
    assert response.content_type == "text/csv" and response.charset == "utf-8"
    rows = list(csv.reader(io.StringIO(response.body.decode("utf-8-sig"))))
    assert tuple(rows[0]) == CSV_COLUMNS == (
        "code", "name", "department_code", "department", "type", "level", "audience", "cross_site_mode",
        "legal_limit_days", "promised_limit_days", "fee_yuan", "visits", "online_depth", "online_url", "phone",
        "topics", "materials", "windows", "url")
    assert len(rows) - 1 == 1087 and all(len(row) == len(CSV_COLUMNS) for row in rows)
    by_code = {row[0]: dict(zip(CSV_COLUMNS, row)) for row in rows[1:]}
    item = testapp.get("/api/v1/items/GAJ-0014").json
    assert by_code["GAJ-0014"]["materials"].split(";") == [m["name"] for m in item["materials"]]
    assert by_code["GAJ-0014"]["name"] == item["name"]


def test_exports_are_revalidated_by_etag_and_streamed_gzipped(testapp, wsgi_app):
    # Straight to the app for the compressed answer: WebTest would unpack it itself.
    def get(path, **headers):
        return Request.blank(path, headers=headers).get_response(wsgi_app)

    for url in ("/api/v1/export.json", "/api/v1/export.csv"):
        plain = testapp.get(url)
        etag = plain.headers["ETag"]
        assert plain.headers["Cache-Control"] == "public, max-age=60" and "Accept-Encoding" in plain.headers["Vary"]
        assert "Content-Length" not in get(url).headers  # streamed, not gathered first
        assert testapp.get(url, headers={"If-None-Match": etag}, status=304).body == b""
        packed = get(url, **{"Accept-Encoding": "gzip"})
        assert packed.content_encoding == "gzip" and packed.headers["ETag"] == etag
        assert gzip.decompress(packed.body) == plain.body
        assert len(packed.body) < len(plain.body) / 3


def test_the_export_language_is_a_parameter(testapp):
    testapp.get("/api/v1/export.csv", {"lang": "fr"}, status=400)
    body = testapp.get("/api/v1/export.csv", {"lang": "zh-Hant"}).body.decode("utf-8-sig")
    assert "/zh-hant/items/" in list(csv.reader(io.StringIO(body)))[1][-1]


def test_head_writes_nothing(testapp):
    head = testapp.head("/api/v1/export.json")
    assert head.body == b"" and head.headers["ETag"].startswith('W/"')


def test_departments(testapp):
    data = testapp.get("/api/v1/departments", {"lang": "en"}).json
    departments = data["departments"]
    assert sum(d["items"] for d in departments) == 1087
    assert [d["code"] for d in departments] == sorted(d["code"] for d in departments)
    first = departments[0]
    assert first["name"] == first["names"]["en"] and first["url"].endswith(f"/en/departments/{first['code']}")


def test_topics(testapp):
    topics = testapp.get("/api/v1/topics", {"lang": "zh-Hans"}).json["topics"]
    housing = next(t for t in topics if t["code"] == "housing")
    assert housing["name"] == "住房与房产" or "房" in housing["name"]
    assert housing["items"] > 0 and housing["url"].endswith("/zh-hans/items?topic=housing")
    english = testapp.get("/api/v1/topics", {"lang": "en"}).json["topics"]
    assert next(t for t in english if t["code"] == "housing")["name"] == "Housing and real estate"
