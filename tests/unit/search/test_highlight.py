from guide.search.highlight import snippet


def test_matches_are_marked_and_text_escaped():
    html = snippet("需要 <居民身份证> 和户口簿", ["身份证"])
    assert html == "需要 &lt;居民<mark>身份证</mark>&gt; 和户口簿"


def test_window_moves_to_the_first_match():
    text = "甲" * 200 + "护照" + "乙" * 200
    html = snippet(text, ["护照"])
    assert html.startswith("…") and html.endswith("…") and "<mark>护照</mark>" in html


def test_english_is_case_insensitive_and_no_terms_gives_the_start():
    assert snippet("Bring your Passport", ["passport"]) == "Bring your <mark>Passport</mark>"
    assert snippet("abc", []) == "abc"
    assert snippet("", ["x"]) == ""


def test_the_longer_of_two_terms_at_one_place_is_marked_and_matches_do_not_overlap():
    assert snippet("居民身份证和身份证明", ["身份", "居民身份证", "份证"]) == \
        "<mark>居民身份证</mark>和<mark>身份</mark>证明"


def test_a_match_cut_by_the_window_is_not_marked():
    text = "护照" + "甲" * 77 + "护照"
    assert snippet(text, ["护照"]) == "<mark>护照</mark>" + "甲" * 77 + "护…"
