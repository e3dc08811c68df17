"""Text analysis for the search index and for queries, shared so both sides agree.

- Chinese: jieba words numbered by word (jieba's own ChineseAnalyzer stores character offsets
  as positions, which breaks phrase queries), plus the shorter dictionary words inside each long
  word at the same position (jieba's search mode), so 公积金 finds 住房公积金.
- A CJK bigram field beside it catches typed prefixes and words jieba splits differently.
- English: Whoosh's stemming analyser.
- Traditional Chinese is converted to Simplified (OpenCC) before any of this.
- Item names also get pinyin and pinyin initials of their words, for kiosk keyboards.
"""
from __future__ import annotations

import logging
import re
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemmingAnalyzer, Token, Tokenizer

from ..settings import data_path

CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN_WORD = re.compile(r"[a-z0-9]+")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

_jieba_lock = threading.Lock()
_jieba_ready = False


#: Administrative terms jieba should keep whole; the index and queries must use the same words.
USERDICT = data_path("content") / "search" / "userdict.txt"


def init_jieba(userdict: Path | None = USERDICT) -> None:
    """Load jieba's dictionary once (about a second), with our administrative terms."""
    global _jieba_ready
    with _jieba_lock:
        if _jieba_ready:
            return
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        if userdict and userdict.exists():
            with userdict.open("rb") as f:  # given a path, jieba leaves the file open
                jieba.load_userdict(f)
        _jieba_ready = True


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def normalize(text: str) -> str:
    """NFKC (full-width letters and digits), no control characters, Traditional → Simplified."""
    text = CONTROL.sub(" ", unicodedata.normalize("NFKC", text or ""))
    if CJK_CHAR.search(text):
        text = _t2s().convert(text)
    return text


@lru_cache(maxsize=200_000)
def segment(text: str) -> tuple[tuple[str, int, int, int], ...]:
    """(word, position, start, end) for every Chinese word and its dictionary sub-words.

    Cached: the same text is analysed for several fields (words, pinyin), and queries repeat.
    """
    import jieba

    init_jieba()
    freq = jieba.dt.FREQ
    out = []
    position = 0
    for run in CJK_RUN.finditer(text):
        for word, start, end in jieba.tokenize(run.group(0)):
            start += run.start()
            end += run.start()
            out.append((word, position, start, end))
            # Search mode: the dictionary words of two and three characters inside a long word.
            for size in (2, 3):
                if len(word) > size:
                    for i in range(len(word) - size + 1):
                        gram = word[i:i + size]
                        if freq.get(gram):
                            out.append((gram, position, start + i, start + i + size))
            position += 1
    return tuple(out)


def words(text: str) -> list[str]:
    """The main jieba words of a text (no sub-words), for pinyin."""
    seen_positions = set()
    result = []
    for word, position, _s, _e in segment(text):
        if position not in seen_positions:
            seen_positions.add(position)
            result.append(word)
    return result


def bigrams(text: str) -> list[tuple[str, int, int, int]]:
    out = []
    position = 0
    for run in CJK_RUN.finditer(text):
        chars = run.group(0)
        if len(chars) == 1:
            out.append((chars, position, run.start(), run.end()))
            position += 1
            continue
        for i in range(len(chars) - 1):
            out.append((chars[i:i + 2], position, run.start() + i, run.start() + i + 2))
            position += 1
    return out


class _ListTokenizer(Tokenizer):
    """Feeds Whoosh the (text, position, start, end) tuples one of the functions above makes."""

    def __init__(self, split):
        self.split = split

    def __eq__(self, other):
        return type(other) is type(self) and other.split is self.split

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for text, position, start, end in self.split(normalize(value)):
            token.text = text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = text
            if positions:
                token.pos = start_pos + position
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


def chinese_analyzer():
    return _ListTokenizer(segment)


def bigram_analyzer():
    return _ListTokenizer(bigrams)


def english_analyzer():
    return StemmingAnalyzer()


def spelling_analyzer():
    """Unstemmed lower-case words: the vocabulary "did you mean" proposes from."""
    return RegexTokenizer(r"[A-Za-z]+") | LowercaseFilter()


#: The text fields of an index document (documents.py), in both backends.
INDEX_FIELDS = ("name_zh", "name_bigram", "name_en", "pinyin", "initials", "text_zh", "text_en", "materials_zh",
                "materials_en", "spell_en")
#: Fields whose words are a list of keys (pinyin, initials), split on spaces and lower-cased.
KEYWORD_FIELDS = ("pinyin", "initials")


def field_analyzers() -> dict:
    """The analyser of every text field of an index document (documents.py), one place for
    both backends: Whoosh's schema uses them, and the PostgreSQL backend makes its tsvectors
    with them, so the two index the same words."""
    zh, en = chinese_analyzer(), english_analyzer()
    return {"name_zh": zh, "name_bigram": bigram_analyzer(), "name_en": en, "text_zh": zh, "text_en": en,
            "materials_zh": zh, "materials_en": en, "spell_en": spelling_analyzer()}


def field_tokens(analyzers: dict, field: str, value: str) -> list[tuple[str, int]]:
    """(word, position) of a field's value, as the index stores it."""
    if field in KEYWORD_FIELDS:
        return [(word, i) for i, word in enumerate(value.lower().split())]
    return [(t.text, t.pos) for t in analyzers[field](value, positions=True)]


@lru_cache(maxsize=4096)
def sounds_like(chinese_words: tuple[str, ...]) -> tuple[tuple[str, range], ...]:
    """(full pinyin, the word indexes) of each run of one to four of the words typed (question
    words left out) of three characters or more: a character picked wrongly from a pinyin
    keyboard (失叶登记 for 失业登记, 户口前移 for 户口迁移, 结昏证 for 结婚证, which jieba keeps as
    one unknown word) still sounds like the name it meant, whose runs of words have keys
    (pinyin_keys). Runs of other than Chinese words have none."""
    from pypinyin import lazy_pinyin

    keys = []
    for size in (1, 2, 3, 4):
        for i in range(len(chinese_words) - size + 1):
            run = "".join(chinese_words[i:i + size])
            if len(run) >= 3 and CJK_RUN.fullmatch(run):
                keys.append(("".join(lazy_pinyin(run)), range(i, i + size)))
    return tuple(keys)


@lru_cache(maxsize=50_000)
def pinyin_keys(name: str) -> tuple[set[str], set[str]]:
    """Full pinyin and initials of every word and sub-word of a name, of each run of two or three
    words, and of the whole name: gongjijin and gjj find 住房公积金, jzz finds 居住证."""
    from pypinyin import Style, lazy_pinyin

    text = normalize(name)

    def full(word):
        return "".join(lazy_pinyin(word))

    def initial(word):
        return "".join(lazy_pinyin(word, style=Style.FIRST_LETTER))

    ws = words(text)
    pieces = {w for w, _p, _s, _e in segment(text)}
    for size in (2, 3):
        pieces.update("".join(ws[i:i + size]) for i in range(len(ws) - size + 1))
    pieces.add("".join(ws))
    fulls = {full(p) for p in pieces}
    initials = {initial(p) for p in pieces}
    return {k for k in fulls if k}, {k for k in initials if len(k) >= 2}
