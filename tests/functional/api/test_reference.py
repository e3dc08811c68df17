"""The API reference page: made from the OpenAPI document, in the public layout, no script."""
import pytest
from bs4 import BeautifulSoup


@pytest.mark.parametrize("lang", ["zh-hans", "en", "zh-hant"])
def test_the_reference_lists_every_endpoint_and_data_type(testapp, lang):
    doc = testapp.get("/api/v1/openapi.json").json
    page = testapp.get(f"/{lang}/api")
    assert page.content_type == "text/html"
    html = BeautifulSoup(page.text, "html.parser")
    assert html.find("html")["lang"].lower() == lang
    assert len(html.find_all("h1")) == 1
    endpoints = [h.get_text() for h in html.select("section > h3 code")]
    assert [f"GET {path}" for path in doc["paths"]] + list(doc["components"]["schemas"]) == endpoints
    # every type link reaches a data type on the page
    targets = {a["href"][1:] for a in html.select("main a[href^='#']")}
    assert targets and all(html.find(id=target) for target in targets)
    for table in html.select("main table"):
        assert table.find("caption") and table.find("thead").find_all("th", scope="col")
    assert not html.select("main script")
    assert html.find("a", href="/api/v1/export.csv") and html.find("a", href="/api/v1/openapi.json")


def test_descriptions_are_escaped_and_code_marked(testapp):
    html = BeautifulSoup(testapp.get("/en/api").text, "html.parser")
    section = html.find(id="get-api-v1-items").parent
    assert "per_page" in [c.get_text() for c in section.select("th code")]
    assert "page" in [c.get_text() for c in section.find_all("code")]
    item = html.find(id="schema-Item").parent
    row = next(tr for tr in item.select("tbody tr") if tr.th.get_text() == "materials")
    assert row.find("a", href="#schema-Material")
