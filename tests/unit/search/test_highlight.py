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
