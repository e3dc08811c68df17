"""Requests phrased as people ask them: the asking words ("how do I", "I want to", 怎么办,
去哪里办) are never searched for, and words that mean something (lost, 丢了, close my company)
stand for the official terms (content/search/synonyms.tsv)."""
import pytest


@pytest.mark.parametrize("typed, lang, expected", [
    ("how do I get a passport", "en", "普通护照签发"),
    ("I lost my passport", "en", "出入境证件补发"),
    ("I lost my ID card", "en", "居民身份证挂失"),
    ("close my company", "en", "公司注销登记"),
    ("open a company", "en", "公司设立登记"),
    ("become a teacher", "en", "教师资格认定"),
    ("where can I apply for a residence permit", "en", "居住证办理"),
    ("丢了身份证怎么办", "zh-Hans", "居民身份证挂失"),
    ("身份证丢了去哪里办", "zh-Hans", "居民身份证挂失"),
])
def test_a_request_in_plain_words_finds_the_item(testapp, typed, lang, expected):
    results = testapp.get("/api/v1/search", {"q": typed, "lang": lang, "per_page": 5}).json["results"]
    names = [r["names"]["zh-Hans"] for r in results]
    assert any(expected in n for n in names), names


def test_asking_words_alone_find_nothing(testapp):
    assert testapp.get("/api/v1/search", {"q": "how do I", "lang": "en"}).json["total"] == 0


@pytest.mark.parametrize("typed, expected", [
    ("pasport", "普通护照签发"),                   # 7 letters, one edit
    ("marriege registration", "婚姻登记"),         # 8 letters, two edits
    ("unemployement registration", "失业登记"),
])
def test_a_misspelt_english_word_still_finds_the_item(testapp, typed, expected):
    answer = testapp.get("/api/v1/search", {"q": typed, "lang": "en", "per_page": 5}).json
    assert any(expected in r["names"]["zh-Hans"] for r in answer["results"]), answer["did_you_mean"]
    assert answer["did_you_mean"]
