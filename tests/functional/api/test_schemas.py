"""Every API answer, errors included, validated against the schema the OpenAPI document gives
for its path, status and media type: the document is the API's contract, not a description."""
import pytest
from jsonschema import Draft202012Validator

ITEM, CENTER = "GAJ-0014", "municipal"

#: (documented path, URL, query, status, request headers): each documented status of each path
CASES = [
    ("/api/v1/items", "/api/v1/items", {}, 200),
    ("/api/v1/items", "/api/v1/items", {"lang": "en", "page": 3, "per_page": 100}, 200),
    ("/api/v1/items", "/api/v1/items", {"per_page": 1000}, 400),
    ("/api/v1/items/{code}", f"/api/v1/items/{ITEM}", {"lang": "zh-Hant"}, 200),
    ("/api/v1/items/{code}", f"/api/v1/items/{ITEM}", {"lang": "fr"}, 400),
    ("/api/v1/items/{code}", "/api/v1/items/NO-SUCH-ITEM", {}, 404),
    ("/api/v1/items/{code}/windows", f"/api/v1/items/{ITEM}/windows", {"district": "huicheng"}, 200),
    ("/api/v1/items/{code}/windows", f"/api/v1/items/{ITEM}/windows",
     {"lat": "23.11", "lon": "114.41", "lang": "en", "at": "2026-11-30T12:30"}, 200),
    ("/api/v1/items/{code}/windows", f"/api/v1/items/{ITEM}/windows", {"center": CENTER}, 200),
    ("/api/v1/items/{code}/windows", f"/api/v1/items/{ITEM}/windows", {}, 400),
    ("/api/v1/items/{code}/windows", "/api/v1/items/NO-SUCH-ITEM/windows", {"district": "huicheng"}, 404),
    ("/api/v1/departments", "/api/v1/departments", {"lang": "en"}, 200),
    ("/api/v1/departments", "/api/v1/departments", {"lang": "fr"}, 400),
    ("/api/v1/topics", "/api/v1/topics", {"lang": "zh-Hant"}, 200),
    ("/api/v1/topics", "/api/v1/topics", {"lang": "fr"}, 400),
    ("/api/v1/export.json", "/api/v1/export.json", {}, 200),
    ("/api/v1/export.json", "/api/v1/export.json", {"lang": "fr"}, 400),
    ("/api/v1/export.csv", "/api/v1/export.csv", {"lang": "en"}, 200),
    ("/api/v1/export.csv", "/api/v1/export.csv", {"lang": "fr"}, 400),
    ("/api/v1/search", "/api/v1/search", {"q": "身份证"}, 200),
    ("/api/v1/search", "/api/v1/search", {"q": "passport", "lang": "en", "type": "licensing"}, 200),
    ("/api/v1/search", "/api/v1/search", {"q": "x" * 10_000}, 400),
    ("/api/v1/suggest", "/api/v1/suggest", {"q": "结婚"}, 200),
    ("/api/v1/suggest", "/api/v1/suggest", {"q": "护", "lang": "zh-Hant"}, 200),
    ("/api/v1/suggest", "/api/v1/suggest", {"lang": "fr"}, 400),
    ("/api/v1/centers", "/api/v1/centers", {"lang": "en"}, 200),
    ("/api/v1/centers", "/api/v1/centers", {"lang": "fr"}, 400),
    ("/api/v1/notices", "/api/v1/notices", {}, 200),
    ("/api/v1/notices", "/api/v1/notices", {"at": "2027-02-10T09:00"}, 200),
    ("/api/v1/notices", "/api/v1/notices", {"at": "yesterday"}, 400),
    ("/api/v1/centers/{code}/status", f"/api/v1/centers/{CENTER}/status", {"at": "2026-12-05T10:00"}, 200),
    ("/api/v1/centers/{code}/status", f"/api/v1/centers/{CENTER}/status", {"at": "never"}, 400),
    ("/api/v1/centers/{code}/status", "/api/v1/centers/nowhere/status", {}, 404),
    ("/api/v1/openapi.json", "/api/v1/openapi.json", {}, 200),
    ("/healthz", "/healthz", {}, 200),
    ("/readyz", "/readyz", {}, 200),
]
#: Statuses documented and not produced here: a database that is down (tests/functional/test_health*).
NOT_PRODUCED = {("/readyz", "503")}


@pytest.fixture(scope="module")
def document(wsgi_app):
    from webtest import TestApp

    doc = TestApp(wsgi_app).get("/api/v1/openapi.json").json
    Draft202012Validator.check_schema({"$defs": doc["components"]["schemas"]})
    return doc


#: Formats are checked too ("date-time", "uri": jsonschema's format-nongpl extra), or a
#: date in another notation would pass unseen.
FORMATS = Draft202012Validator.FORMAT_CHECKER


def test_the_formats_the_document_uses_are_checked():
    for name, bad in (("date-time", "2026-11-30 09:00"), ("uri", "not a uri")):
        assert name in FORMATS.checkers
        assert not Draft202012Validator({"type": "string", "format": name}, format_checker=FORMATS).is_valid(bad)


def validate(document, path: str, status: int, response) -> None:
    spec = document["paths"][path]["get"]["responses"][str(status)]
    media = response.content_type
    assert media in spec["content"], f"{path} {status}: {media} is not documented"
    if media != "application/json":
        return
    # The schema's references point into the document: validate with its components at the root.
    schema = {**spec["content"][media]["schema"], "components": document["components"]}
    errors = sorted(Draft202012Validator(schema, format_checker=FORMATS).iter_errors(response.json),
                    key=lambda e: list(e.path))
    assert not errors, f"{path} {status}: " + "; ".join(
        f"{'/'.join(map(str, e.path))}: {e.message[:200]}" for e in errors[:5])


@pytest.mark.parametrize("path, url, params, status", CASES, ids=[f"{c[1]}-{c[3]}" for c in CASES])
def test_answers_match_the_document(testapp, document, path, url, params, status):
    validate(document, path, status, testapp.get(url, params, status=status))


def test_every_documented_answer_is_tried(document):
    documented = {(path, status) for path, spec in document["paths"].items() for status in spec["get"]["responses"]}
    tried = {(path, str(status)) for path, _url, _params, status in CASES} | {
        (p, "304") for p in ("/api/v1/export.json", "/api/v1/export.csv")}  # test_not_modified_is_documented
    assert documented - NOT_PRODUCED == tried


@pytest.mark.parametrize("path", ["/api/v1/export.json", "/api/v1/export.csv"])
def test_not_modified_is_documented(testapp, document, path):
    etag = testapp.get(path).headers["ETag"]
    assert testapp.get(path, headers={"If-None-Match": etag}, status=304).body == b""
    assert "304" in document["paths"][path]["get"]["responses"]


def test_a_broken_answer_fails_validation(testapp, document):
    """The schemas are strict enough to catch a field added or missing."""
    response = testapp.get(f"/api/v1/items/{ITEM}")
    schema = {"$ref": "#/components/schemas/Item", "components": document["components"]}
    data = response.json
    assert Draft202012Validator(schema).is_valid(data)
    assert not Draft202012Validator(schema).is_valid({**data, "surprise": 1})
    assert not Draft202012Validator(schema).is_valid({k: v for k, v in data.items() if k != "materials"})
