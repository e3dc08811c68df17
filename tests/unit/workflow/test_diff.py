"""The revision diff: characters for Chinese, words for English, lines first."""
from guide.workflow.diff import ADDED, REMOVED, SAME, Piece, changed, diff


def test_chinese_by_character():
    assert diff("带身份证。", "带居民身份证原件。", "zh-Hans") == [
        Piece(SAME, "带"), Piece(ADDED, "居民"), Piece(SAME, "身份证"), Piece(ADDED, "原件"), Piece(SAME, "。")]


def test_english_by_word():
    assert diff("Bring your ID card.", "Bring your identity card.", "en") == [
        Piece(SAME, "Bring your "), Piece(REMOVED, "ID"), Piece(ADDED, "identity"), Piece(SAME, " card.")]


def test_whole_lines_added_and_removed():
    pieces = diff("一\n二\n三\n", "一\n三\n四\n", "zh-Hans")
    assert pieces == [Piece(SAME, "一\n"), Piece(REMOVED, "二\n"), Piece(SAME, "三\n"), Piece(ADDED, "四\n")]
    assert "".join(p.text for p in pieces if p.kind != ADDED) == "一\n二\n三\n"
    assert "".join(p.text for p in pieces if p.kind != REMOVED) == "一\n三\n四\n"


def test_the_same_text_has_no_change():
    assert not changed(diff("同样的文字\n", "同样的文字\n", "zh-Hans"))
    assert changed(diff("", "新", "zh-Hans"))


def test_a_long_text_with_one_changed_line_is_quick():
    old = "".join(f"第{n}段，内容不变。\n" for n in range(3000))
    new = old.replace("第1500段", "第一千五百段")
    pieces = diff(old, new, "zh-Hans")
    assert [p.text for p in pieces if p.kind != SAME] == ["1500", "一千五百"]


def test_a_changed_block_too_big_to_compare_finely_is_shown_whole():
    # Token by token these would interleave thousands of pieces, at a cost growing with the
    # square of their length; over the budget they are one removal and one addition.
    old, new = "甲乙" * 25_000, "甲丙" * 25_000
    assert diff(old, new, "zh-Hans") == [Piece(REMOVED, old), Piece(ADDED, new)]
    small_old, small_new = "甲乙" * 100, "甲丙" * 100
    assert len(diff(small_old, small_new, "zh-Hans")) > 100


def test_many_repeated_lines_stay_cheap_and_right():
    # 25,000 equal lines (the form's 50,000 characters) compared line by line would take a
    # minute; the answer is still the one changed line.
    old = "a\n" * 25_000
    new = "a\n" * 12_000 + "b\n" + "a\n" * 12_999
    pieces = diff(old, new, "en")
    assert [p for p in pieces if p.kind != SAME] == [Piece(REMOVED, "a"), Piece(ADDED, "b")]
