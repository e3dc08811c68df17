"""Search through the real app: API, page, facets, filters, paging, best bets, bad input."""
import pytest

from guide.models import transaction_scope
from guide.search import bestbets
from tests.support import index_settled

LANGS = ("zh-hans", "en", "zh-hant")


def test_api_result_shape(search_app):
    data = search_app.get("/api/v1/search", {"q": "护照", "lang": "en"}).json
    assert set(data) >= {"total", "facets", "did_you_mean", "results"}
    first = data["results"][0]
    assert set(first) >= {"code", "name", "names", "department", "snippet", "url", "score"}
    assert first["code"] == "GAJ-0014" and first["name"] == "Ordinary passport issuance"
    assert set(first["names"]) == {"zh-Hans", "en", "zh-Hant"}
    assert first["url"].endswith("/en/items/GAJ-0014")
    assert set(data["facets"]) == {"department", "type", "audience", "online", "mode", "center"}


def test_filters_combine_with_the_query_and_facets_count_the_rest(search_app):
    everything = search_app.get("/api/v1/search", {"q": "公积金"}).json
    departments = dict((f["value"], f["count"]) for f in everything["facets"]["department"])
    assert departments["gjj"] >= 10
    only = search_app.get("/api/v1/search", {"q": "公积金", "department": "gjj", "online": "yes"}).json
    assert 0 < only["total"] < everything["total"]
    assert all(r["department"]["code"] == "gjj" for r in only["results"])
    assert dict((f["value"], f["count"]) for f in only["facets"]["online"])["yes"] == only["total"]
    # A facet is counted without its own filter, so the reader can switch to another value.
    one_department = search_app.get("/api/v1/search", {"q": "公积金", "department": "gjj"}).json
    assert dict((f["value"], f["count"]) for f in one_department["facets"]["department"]) == departments


def test_paging(search_app):
    first = search_app.get("/api/v1/search", {"q": "登记", "per_page": 10}).json
    second = search_app.get("/api/v1/search", {"q": "登记", "per_page": 10, "page": 2}).json
    assert first["total"] == second["total"] > 20
    assert not {r["code"] for r in first["results"]} & {r["code"] for r in second["results"]}
    last_page = -(-first["total"] // 10)
    assert search_app.get("/api/v1/search", {"q": "登记", "per_page": 10, "page": last_page + 1}).json["results"] == []


def test_did_you_mean_for_a_misspelling(search_app):
    data = search_app.get("/api/v1/search", {"q": "pasport", "lang": "en"}).json
    assert data["did_you_mean"] == "passport"
    page = search_app.get("/en/search", {"q": "pasport"})
    assert page.html.find("a", string="passport")["href"].endswith("/en/search?q=passport")


def test_snippets_are_highlighted_and_escaped(search_app):
    data = search_app.get("/api/v1/search", {"q": "居民身份证"}).json
    assert "<mark>" in data["results"][0]["snippet"]
    page = search_app.get("/en/search", {"q": "<script>alert(1)</script>"})
    assert "<script>alert" not in page.text and "&lt;script&gt;alert(1)" in page.text


def test_best_bet_is_pinned_first(search_app):
    # Through the app's own sessions: the index follows their commits, as it follows the CLI's.
    wsgi_app = search_app.app
    app_transaction = lambda: transaction_scope(wsgi_app.registry["dbsession_factory"])  # noqa: E731
    def codes():
        return [(r["code"], r["best_bet"]) for r in search_app.get("/api/v1/search", {"q": "证明"}).json["results"]]

    before = codes()
    pinned, unrelated = "GJJ-0010", "GAJ-0014"
    try:
        with app_transaction() as s:
            bestbets.add(s, "证明", pinned)
            # A best bet is shown for its query even when the item's text lacks the query's words.
            bestbets.add(s, "证明", unrelated, rank=2)
        index_settled(wsgi_app)
        after = search_app.get("/api/v1/search", {"q": " 證明 "}).json["results"]
        assert [r["code"] for r in after[:2]] == [pinned, unrelated]
        assert after[0]["best_bet"] is True and after[2]["best_bet"] is False
        page = search_app.get("/zh-hans/search", {"q": "证明"})
        assert page.html.select_one("ol.results li .tag") is not None
        # Filters apply to best bets too.
        filtered = search_app.get("/api/v1/search", {"q": "证明", "department": "gaj"}).json["results"]
        assert filtered[0]["code"] == unrelated
    finally:
        with app_transaction() as s:
            bestbets.remove(s, "证明", pinned)
            bestbets.remove(s, "证明", unrelated)
    index_settled(wsgi_app)
    # (Scores move a little: a reindexed document changes the index's statistics.)
    assert codes() == before


@pytest.mark.parametrize("lang", LANGS)
def test_search_page_in_every_language(search_app, lang):
    page = search_app.get(f"/{lang}/search", {"q": "护照"})
    assert page.html.select("ol.results li")
    assert page.html.select("aside.facets h3")
    assert page.html.select_one("#search-q")["value"] == "护照"
    empty = search_app.get(f"/{lang}/search")
    assert not empty.html.select("ol.results li") and empty.html.select("main section ul li a")


def test_no_results_page_helps(search_app):
    page = search_app.get("/en/search", {"q": "zzzzqqqq"})
    text = page.html.get_text(" ", strip=True)
    assert "0 results" in text and "12345" in text
    assert page.html.select(".no-results a[href*='topic=']")


def test_facet_links_filter_and_remove(search_app):
    page = search_app.get("/en/search", {"q": "公积金"})
    link = page.html.select_one("aside.facets a[href*='department=gjj']")
    filtered = search_app.get(link["href"])
    assert "remove" in filtered.html.select_one("aside.facets").get_text()


def test_suggest(search_app):
    data = search_app.get("/api/v1/suggest", {"q": "gjj", "lang": "zh-Hant"}).json
    assert data["suggestions"] and all("公積金" in s["name"] for s in data["suggestions"])
    assert search_app.get("/api/v1/suggest", {"q": ""}).json["suggestions"] == []


BAD_QUERIES = ['( ) " * ? ~ ^ : [ ] { }', "AND OR NOT", "passport AND", 'passport "unbalanced', '"""',
               "a" * 2000, "护照" * 1000, "\x00\x01\x1b[31m", "title:护照", "*", "NOT", ""]


@pytest.mark.parametrize("q", BAD_QUERIES, ids=range(len(BAD_QUERIES)))
def test_bad_queries_answer_without_error(search_app, q):
    data = search_app.get("/api/v1/search", {"q": q}).json
    assert data["total"] >= 0
    if len(q) > 200:
        assert data["truncated_to"] == 200
    for lang in LANGS:
        assert search_app.get(f"/{lang}/search", {"q": q}).status_int == 200


@pytest.mark.parametrize("params, parameter", [
    ({"q": "x", "department": "nope"}, "department"),
    ({"q": "x", "center": "atlantis"}, "center"),
    ({"q": "x", "online": "maybe"}, "online"),
    ({"q": "x", "page": "0"}, "page"),
    ({"q": "x", "page": str(10**9)}, "page"),
    ({"q": "x", "per_page": "500"}, "per_page"),
    ({"q": "x" * 5001}, "q"),
    ({"q": "x", "lang": "klingon"}, "lang"),
])
def test_bad_parameters_are_clear_400s(search_app, params, parameter):
    data = search_app.get("/api/v1/search", params, status=400).json
    assert data["error"]["parameter"] == parameter and data["error"]["message"]
    if parameter not in ("per_page", "lang"):  # the page has a fixed size, and its language in the URL
        page = search_app.get("/en/search", params, status=400)
        assert page.content_type == "text/html" and page.html.h1.text == "Bad request"


def test_invalid_utf8_is_a_400(search_app):
    assert search_app.get("/api/v1/search?q=%ff%fe", status=400).json["error"]["status"] == 400
    assert search_app.get("/en/search?q=%c3%28", status=400).content_type == "text/html"
