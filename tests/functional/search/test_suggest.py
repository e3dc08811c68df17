"""The search box's suggestions complete what was typed (guide/search/completion.py): by name in
either language, by word start, by pinyin and initials, through colloquial terms, the most used
items first. (While the index is repaired they come from the database: test_integrity.py.)"""
import pytest


def _names(search_app, q, lang="en"):
    """The items suggested (life events come before them: tests/functional/bundles)."""
    return [s["name"] for s in search_app.get("/api/v1/suggest", {"q": q, "lang": lang}).json["suggestions"]
            if s["kind"] == "item"]


@pytest.mark.parametrize("typed, lang, first", [
    ("passp", "en", "Ordinary passport issuance"),
    ("pass", "en", "Ordinary passport issuance"),       # the passport, before passenger licences
    ("marr", "en", "Marriage registration for mainland Chinese citizens"),
    ("hz", "zh-Hans", "普通护照签发"),                    # initials
    ("huzh", "zh-Hans", "普通护照签发"),                  # pinyin
    ("護照", "zh-Hant", "普通護照簽發"),                  # Traditional typed, Traditional shown
    ("护照", "zh-Hans", "普通护照签发"),                  # inside the name
])
def test_what_was_typed_completes_to_the_item_meant(search_app, typed, lang, first):
    assert _names(search_app, typed, lang)[0] == first


def test_a_colloquial_term_completes_to_the_items_it_stands_for(search_app):
    names = _names(search_app, "sbk", "zh-Hans")
    assert names and all("社会保障卡" in n for n in names[:3])
    assert all("社会保障卡" in n for n in _names(search_app, "社保卡", "zh-Hans")[:3])


def test_a_completion_is_a_prefix_match_not_a_search(search_app):
    """"pass" was answered with a toxic-chemicals permit first when suggestions ran a search."""
    assert "toxic" not in _names(search_app, "pass")[0].lower()
    assert _names(search_app, "qzxjvkw") == []
    assert len(_names(search_app, "a")) == 8


@pytest.mark.parametrize("typed, meant", [
    ("pasport", "passport"),        # 7 letters, one edit
    ("marriege registration", "marriage registration"),  # 8 letters, within two
])
def test_did_you_mean_proposes_a_word_of_the_index(search_app, typed, meant):
    assert search_app.get("/api/v1/search", {"q": typed, "lang": "en"}).json["did_you_mean"] == meant


@pytest.mark.parametrize("typed", ["gjj", "sfz", "hz", "pass", "xyz"])
def test_did_you_mean_leaves_initials_and_short_words_alone(search_app, typed):
    assert search_app.get("/api/v1/search", {"q": typed, "lang": "en"}).json["did_you_mean"] is None


@pytest.mark.parametrize("typed, lang, expected", [
    ("sbk", "zh-Hans", "社会保障卡"),       # the initials of a colloquial term (社保卡)
    ("shebaoka", "zh-Hans", "社会保障卡"),  # its pinyin
    ("红本", "zh-Hans", "不动产"),          # a colloquial document name
    ("電單車", "zh-Hant", "机动车"),        # a Hong Kong word for a motorcycle
    ("身分證", "zh-Hant", "居民身份证"),    # a Taiwanese variant
])
def test_colloquial_and_regional_words_find_the_item(search_app, typed, lang, expected):
    results = search_app.get("/api/v1/search", {"q": typed, "lang": lang, "per_page": 5}).json["results"]
    assert any(expected in r["names"]["zh-Hans"] for r in results), [r["names"]["zh-Hans"] for r in results]
