from guide.search.analysis import bigrams, chinese_analyzer, normalize, pinyin_keys, segment, words


def test_positions_are_numbered_by_word_and_subwords_share_them():
    tokens = segment("提取住房公积金")
    main = [(w, p) for w, p, _s, _e in tokens if w in ("提取", "住房公积金")]
    assert main == [("提取", 0), ("住房公积金", 1)]
    assert ("公积金", 1) in [(w, p) for w, p, _s, _e in tokens]


def test_whoosh_analyzer_gives_word_positions_and_character_offsets():
    tokens = [(t.text, t.pos, t.startchar, t.endchar)
              for t in chinese_analyzer()("办理居住证", positions=True, chars=True)]
    assert ("居住证", 1, 2, 5) in tokens
    assert tokens[0][:2] == ("办理", 0)


def test_traditional_and_full_width_input_is_normalised():
    assert normalize("營業執照") == "营业执照"
    assert normalize("ＡＢＣ１２") == "ABC12"
    assert normalize("a\x00b\x1fc") == "a b c"
    assert words(normalize("護照")) == ["护照"]


def test_bigrams_cover_each_run():
    assert [b for b, *_ in bigrams("护照 签发")] == ["护照", "签发"]
    assert [b for b, *_ in bigrams("社保卡")] == ["社保", "保卡"]
    assert [b for b, *_ in bigrams("证")] == ["证"]


def test_pinyin_keys_reach_words_inside_a_name():
    full, initials = pinyin_keys("购买自住住房提取住房公积金")
    assert "gongjijin" in full and "zhufanggongjijin" in full
    assert "gjj" in initials and "tq" in initials
    full, initials = pinyin_keys("居住证办理")
    assert "jzz" in initials and "juzhuzheng" in full
    assert "huzhao" in pinyin_keys("普通护照签发")[0]
