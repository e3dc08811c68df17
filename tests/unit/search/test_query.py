from pathlib import Path

import pytest
from guide.search.query import MAX_QUERY_CHARS, PHRASE, TERM, Synonyms, normalize_query, parse

SYNONYMS = Synonyms.load(Path(__file__).resolve().parents[3] / "content" / "search" / "synonyms.tsv")


def terms(parsed, fieldname):
    return {c.text for c in parsed.clauses if c.kind == TERM and c.field == fieldname}


@pytest.mark.parametrize("text", ['( ) " * ? ~ ^ : [ ] { }', "AND OR NOT", 'passport AND "unbalanced',
                                  "护照)", "\x00\x01\x02", "title:护照", "*", "~~~~"])
def test_syntax_characters_are_plain_text(text):
    parsed = parse(text, SYNONYMS)
    assert all(isinstance(c.text, (str, tuple)) for c in parsed.clauses)


def test_empty_query_has_nothing_to_search():
    assert parse("   ", SYNONYMS).clauses == []
    assert terms(parse("的了吗", SYNONYMS), "name_zh") == set()


def test_long_query_is_cut():
    parsed = parse("护照" * 1000, SYNONYMS)
    assert parsed.truncated_to == MAX_QUERY_CHARS


def test_question_words_are_dropped_and_synonyms_added():
    parsed = parse("公积金怎么取", SYNONYMS)
    names = terms(parsed, "name_zh")
    assert "公积金" in names and "提取" in names and "怎么" not in names
    assert "社会保障卡" in terms(parse("社保卡补办", SYNONYMS), "name_zh")
    assert "licenc" in terms(parse("driver's license", SYNONYMS), "name_en")


def test_quoted_text_is_a_phrase():
    parsed = parse('"住房公积金 提取"', SYNONYMS)
    phrases = [c for c in parsed.clauses if c.kind == PHRASE]
    assert phrases and phrases[0].text == ("住房公积金", "提取")


def test_traditional_query_is_converted():
    assert terms(parse("護照", SYNONYMS), "name_zh") == {"护照"}
    assert normalize_query("  護照  Passport ") == "护照 passport"
