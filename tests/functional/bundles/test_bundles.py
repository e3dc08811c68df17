"""One-step bundles: the merged documents, the centers that accept every item (or the fewest that
together do), the longest promised time, the pages, and search showing a bundle first."""
import datetime as dt

import pytest
from sqlalchemy import select

from guide.bundles import BundleFinder, coverage, longest_promise, merged_materials
from guide.bundles.loader import load_bundles as load_file
from guide.models import Bundle, BundleItem, Item, Material
from guide.places.loader import ContentInvalid
from guide.places.data import PlacesData
from guide.places.service import PlacesService

NOW = dt.datetime(2026, 11, 29, tzinfo=dt.timezone.utc)


def items(dbsession, *codes):
    found = {i.code: i for i in dbsession.scalars(select(Item).where(Item.code.in_(codes)))}
    return [found[c] for c in codes]


def add_bundle(dbsession, slug, codes, terms_zh="", terms_en=""):
    bundle = Bundle(slug=slug, position=99, title_zh=f"{slug}一件事", title_en=f"{slug} bundle", summary_zh="测试",
                    summary_en="Test", terms_zh=terms_zh, terms_en=terms_en, updated_at=NOW,
                    entries=[BundleItem(item=i, position=n) for n, i in enumerate(items(dbsession, *codes))])
    dbsession.add(bundle)
    dbsession.flush()
    return bundle


def test_a_document_two_items_need_is_asked_for_once_with_the_larger_counts(dbsession):
    first, second = items(dbsession, "GAJ-0014", "GAJ-0048")
    first.materials.append(Material(seq=90, name_zh="测试专用证明", name_en="Test certificate", originals=1, copies=0,
                                    requirement="required"))
    second.materials.append(Material(seq=90, name_zh="测试专用 证明", name_en="Test certificate", originals=2,
                                     copies=3, requirement="required"))
    merged = [m for m in merged_materials([first, second]) if m.name_zh == "测试专用证明"]
    assert len(merged) == 1
    assert (merged[0].originals, merged[0].copies, merged[0].items) == (2, 3, [first, second])
    names = [m.name_zh for m in merged_materials([first, second])]
    assert len(names) == len(set(names))


def places(dbsession):
    return PlacesService(lambda: PlacesData(dbsession))


def test_the_centers_that_accept_every_item(dbsession):
    # Two ID card items: every district hall's household window takes both.
    both = coverage(places(dbsession), items(dbsession, "GAJ-0019", "GAJ-0026"))
    assert both.each_takes_all and len(both.centers) > 1
    assert all({i.code for i in accepted} == {"GAJ-0019", "GAJ-0026"} for _c, accepted in both.centers)


def test_when_no_center_accepts_them_all_the_fewest_that_do(dbsession):
    # A passport (exit-entry halls only) and a provident fund withdrawal (its own halls).
    chosen = coverage(places(dbsession), items(dbsession, "GAJ-0014", "GJJ-0006"))
    assert not chosen.each_takes_all
    accepted = {i.code for _c, found in chosen.centers for i in found}
    assert accepted == {"GAJ-0014", "GJJ-0006"} and len(chosen.centers) == 2


def test_the_longest_promised_time(dbsession):
    bundle_items = items(dbsession, "GAJ-0014", "GAJ-0019", "GJJ-0006")
    assert longest_promise(bundle_items).promised_limit_days == max(i.promised_limit_days for i in bundle_items)


def test_the_bundle_page_in_every_language(doomed_app, dbsession):
    add_bundle(dbsession, "test-bundle", ["GAJ-0014", "GJJ-0006"])
    for lang in ("zh-hans", "en", "zh-hant"):
        page = doomed_app.get(f"/{lang}/bundles/test-bundle").html
        steps = [a["href"] for a in page.select("ol.bundle-steps > li > a")]
        assert steps == [f"/{lang}/items/GAJ-0014", f"/{lang}/items/GJJ-0006"]
        assert page.select("ol.checklist li") and page.select("#where ~ ul.card-list li")
    assert "test-bundle bundle" in doomed_app.get("/en/bundles").text
    doomed_app.get("/en/bundles/no-such-bundle", status=404)


def test_a_search_naming_the_life_event_shows_the_bundle_first(doomed_app, dbsession):
    add_bundle(dbsession, "test-bundle", ["GAJ-0014", "GJJ-0006"], terms_zh="出国留学", terms_en="study abroad")
    page = doomed_app.get("/zh-hans/search", {"q": "我要出国留学"}).html
    found = page.select_one("section.bundles-found a")
    assert found is not None and found["href"] == "/zh-hans/bundles/test-bundle"
    answer = doomed_app.get("/api/v1/search", {"q": "how do I study abroad", "lang": "en"}).json
    assert [b["slug"] for b in answer["bundles"]] == ["test-bundle"]
    assert "test-bundle" not in [b["slug"] for b in doomed_app.get("/api/v1/search", {"q": "passport"}).json["bundles"]]


def test_terms_match_whole_words_in_english():
    bundle = Bundle(id=1, slug="x", title_zh="结婚", title_en="Getting married", summary_zh="", summary_en="",
                    terms_zh="结婚", terms_en="marry\nwedding")
    finder = BundleFinder([bundle])
    assert [b.slug for b in finder.find("I want to marry")] == ["x"]
    assert finder.find("summary") == []  # "marry" inside another word
    assert [b.slug for b in finder.find("我们要結婚了")] == ["x"]  # Traditional folded


SHIPPED = {"having-a-baby", "starting-a-company", "opening-a-restaurant", "buying-a-home", "buying-a-car",
           "getting-married", "moving-to-huizhou", "retiring", "losing-your-id-card", "death-in-the-family"}


def test_the_ten_shipped_bundles(testapp, dbsession):
    bundles = dbsession.scalars(select(Bundle)).all()
    assert SHIPPED <= {b.slug for b in bundles}
    for bundle in bundles:
        assert bundle.summary_zh.startswith("（示例）") and bundle.summary_en.startswith("(Sample)")
        assert len(bundle.entries) >= 2
    page = testapp.get("/zh-hans/bundles").html
    assert len(page.select(".card-list li")) >= 10


def test_a_bad_bundle_file_loads_nothing_and_names_each_problem(dbsession, tmp_path):
    path = tmp_path / "bundles.yaml"
    path.write_text("""
- slug: fine-one
  items: [GAJ-0014, GAJ-0048]
  title: {zh-Hans: 好, en: Fine}
  summary: {zh-Hans: 好, en: Fine}
  terms: {zh-Hans: [好], en: [fine]}
- slug: Bad Slug
  items: [GAJ-0014]
  title: {zh-Hans: 坏}
  summary: {zh-Hans: 坏, en: Bad}
  terms: {zh-Hans: [], en: []}
- slug: unknown-items
  items: [GAJ-0014, NO-0000]
  title: {zh-Hans: 坏, en: Bad}
  summary: {zh-Hans: 坏, en: Bad}
  terms: {zh-Hans: [], en: []}
""", encoding="utf-8")
    before = dbsession.scalars(select(Bundle.slug)).all()
    with pytest.raises(ContentInvalid) as failed:
        load_file(dbsession, path)
    text = "\n".join(failed.value.errors)
    assert "bundle 2" in text and "slug" in text and "title_en" in text and "NO-0000" in text
    assert "bundle 1" not in text
    assert dbsession.scalars(select(Bundle.slug)).all() == before


@pytest.mark.parametrize("typed, lang, slug", [("生孩", "zh-Hans", "having-a-baby"), ("having a b", "en", "having-a-baby"),
                                              ("marri", "en", "getting-married")])
def test_suggestions_complete_to_a_life_event_first(testapp, typed, lang, slug):
    suggestions = testapp.get("/api/v1/suggest", {"q": typed, "lang": lang}).json["suggestions"]
    assert suggestions[0]["kind"] == "bundle" and suggestions[0]["url"].endswith(f"/bundles/{slug}")
    kinds = [s["kind"] for s in suggestions]
    assert kinds == sorted(kinds) and len(kinds) <= 8  # "bundle" < "item": life events first
