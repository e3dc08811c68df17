"""From what a person typed to what to look for, in no engine's terms: clauses (a word in a
field, words starting so, words in a row), each with its weight. Each backend translates the
clauses (Whoosh queries, PostgreSQL tsquery); the meaning of a query is decided here, once.

No engine parses what was typed, so syntax characters (( ) " * ? ~ ^ : [ ] { } & | ! AND OR NOT)
are plain text and no input can make a parse error. Quoted text becomes a phrase; an unbalanced
quote is ignored.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .analysis import CJK_RUN, LATIN_WORD, bigrams, english_analyzer, normalize, segment, sounds_like, words

MAX_QUERY_CHARS = 200
#: Field weights: names weigh most; materials, conditions, result and guide text share one
#: field per language (two fields per term instead of three made queries a third faster).
WEIGHTS = {"name_zh": 6.0, "name_en": 6.0, "name_bigram": 2.5, "pinyin": 4.0, "initials": 3.0,
           "text_zh": 1.0, "text_en": 1.0, "materials_zh": 1.0, "materials_en": 1.0}
#: Where an item's words are: its name (and the pinyin of it), its text (conditions, result, the
#: guide's summary and body), its required materials. A result matched only in its materials
#: ranks below those matched elsewhere, and says so (every item lists an ID card).
BODY_FIELDS = ("name", "text", "materials")
MATERIALS_FIELDS = frozenset({"materials_zh", "materials_en"})

TERM, PREFIX, PHRASE = "term", "prefix", "phrase"


@dataclass(frozen=True)
class Clause:
    """One thing to look for in one field: a word (TERM), any word starting so (PREFIX), or
    words in a row (PHRASE: `text` is the tuple of words). `boost` weighs it in a score."""

    field: str
    text: str | tuple[str, ...]
    boost: float = 1.0
    kind: str = TERM

    @property
    def key(self) -> tuple:
        """What it matches, whatever its weight: the key its documents are cached under."""
        return self.kind, self.field, self.text
#: Words that carry no meaning in a question ("how do I ..."); never searched on their own.
ZH_STOP = frozenset("怎么 怎样 如何 哪里 在哪 在哪里 什么 需要 要 想 我 我要 我想 的 了 吗 呢 去 可以 能 办 办理 申请 "
                    "一下 请问 手续 流程 材料 哪些".split())
#: English words that carry no meaning in a request ("how do I get", "I want to"); never searched
#: on their own. What they stand for, where they mean something (lost → replacement), is in
#: content/search/synonyms.tsv.
EN_STOP = frozenset("how do does did i me my we our want wants need needs get getting got where what which who "
                    "can could should would please help make become becoming open close lost apply applying "
                    "there here".split())
_english = english_analyzer()
#: the same asking words in any form ("opening" as "open"), by stem
EN_STOP_STEMS = frozenset(t.text for w in EN_STOP for t in _english(w))


def is_asking_word(word: str) -> bool:
    """An asking word in any form ("how", "opening"): never searched for."""
    word = word.lower()
    return word in EN_STOP or any(t.text in EN_STOP_STEMS for t in _english(word))


@dataclass
class Synonyms:
    """Colloquial or alternative terms and the official ones they stand for (content/search/)."""

    pairs: list[tuple[str, list[str]]] = field(default_factory=list)
    #: the keys that are the pinyin or initials of a colloquial term, not the term itself
    sounds: frozenset[str] = frozenset()

    def __post_init__(self):
        # Longest first, so 公积金怎么取 is used before 公积金; the first of a term's rows wins.
        self.pairs.sort(key=lambda p: -len(p[0]))
        self._officials: dict[str, list[str]] = {}
        for term, officials in self.pairs:
            self._officials.setdefault(term, officials)
        # One pattern of every term, longest first: a query is scanned once, not once per term
        # (three hundred searches were a tenth of a search's time). A term inside a longer one
        # found at the same place is not found again.
        self._pattern = re.compile("|".join(_term_pattern(term) for term in self._officials) or "(?!)")

    @classmethod
    def from_rows(cls, rows: list[tuple[str, list[str]]]) -> "Synonyms":
        """From [(term, its official terms)] as synonyms.py keeps them."""
        pairs, sounds = [], set()
        for term, officials in rows:
            pairs.append((term, officials))
            # A colloquial term is typed in pinyin too: 社保卡 as shebaoka or sbk (long enough
            # not to catch ordinary words).
            if CJK_RUN.fullmatch(term):
                full, initials = _pinyin_of(term)
                keys = [key for key in (full, initials) if len(key) >= 3 and key != term]
                pairs += [(key, officials) for key in keys]
                sounds.update(keys)
        return cls(pairs, frozenset(sounds))

    @classmethod
    def load(cls, path: Path) -> "Synonyms":
        """From a synonyms file (content/search/synonyms.tsv)."""
        from .synonyms import read_file

        return cls.from_rows(list(read_file(path).items()))

    def expand(self, text: str) -> list[str]:
        return [official for _term, officials in self.matches(text) for official in officials]

    def matches(self, text: str) -> list[tuple[str, list[str]]]:
        """[(the colloquial term found in the text, its official terms)], longest terms first."""
        found = dict.fromkeys(m.group(0) for m in self._pattern.finditer(text.lower()))
        return sorted(((term, self._officials[term]) for term in found), key=lambda p: -len(p[0]))


def _pinyin_of(term: str) -> tuple[str, str]:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(term)), "".join(lazy_pinyin(term, style=Style.FIRST_LETTER))


def _term_pattern(term: str) -> str:
    """Chinese terms match anywhere; Latin ones only as whole words."""
    if CJK_RUN.search(term):
        return re.escape(term)
    return rf"(?<![a-z0-9]){re.escape(term)}(?![a-z0-9])"


@dataclass
class ParsedQuery:
    #: any of these; a document's score is the sum of its clauses' (empty: nothing to look for)
    clauses: list[Clause]
    #: Chinese words and English words, for highlighting snippets
    highlight_terms: list[str]
    #: English words as typed (lower case), for "did you mean"
    latin_words: list[str]
    truncated_to: int | None = None
    normalized: str = ""
    #: the words a result should contain, each as the clauses any of which means it is there
    words: list[list[Clause]] = field(default_factory=list)
    #: (the indexes of words, clauses): a match of one of the clauses stands for those words
    #: (a homophone of a run of words, a colloquial term's official ones)
    covers: list[tuple[frozenset[int], list[Clause]]] = field(default_factory=list)
    #: latin word -> its index in `words` (a misspelling's correction joins it)
    latin_index: dict[str, int] = field(default_factory=dict)


def chinese_terms(text: str) -> list[str]:
    terms = [w for w, _p, _s, _e in segment(text) if w not in ZH_STOP and not (len(w) == 1 and w in "的了吗呢和与及")]
    return list(dict.fromkeys(terms))


def _english_terms(text: str) -> list[str]:
    latin = " ".join(w for w in re.findall(r"[A-Za-z0-9']+", text) if not is_asking_word(w))
    return list(dict.fromkeys(t.text for t in _english(latin))) if latin else []


def _text_queries(text: str, boost: float, fields: tuple[str, ...] = BODY_FIELDS) -> list[Clause]:
    subqueries: list[Clause] = []
    for term in chinese_terms(text):
        for kind in fields:
            subqueries.append(Clause(f"{kind}_zh", term, WEIGHTS[f"{kind}_zh"] * boost))
    for gram, _p, _s, _e in bigrams(text):
        subqueries.append(Clause("name_bigram", gram, WEIGHTS["name_bigram"] * boost))
    for term in _english_terms(text):
        for kind in fields:
            subqueries.append(Clause(f"{kind}_en", term, WEIGHTS[f"{kind}_en"] * boost))
    for key in dict.fromkeys(key for key, _words in sounds_like(tuple(chinese_terms(text)))):
        # below the characters themselves: a homophone is a guess at what was meant
        subqueries.append(Clause("pinyin", key, WEIGHTS["pinyin"] * boost / 2))
    for word in LATIN_WORD.findall(text.lower()):
        if len(word) >= 2 and word.isalpha() and not is_asking_word(word):
            subqueries += _pinyin_clauses(word, boost)
    return subqueries


def _pinyin_clauses(word: str, boost: float = 1.0) -> list[Clause]:
    """A Latin word as pinyin or initials of a name. An exact key outranks a key that merely
    starts with what was typed; initials only for words short enough to be initials."""
    clauses = [Clause("pinyin", word, WEIGHTS["pinyin"] * boost),
               Clause("pinyin", word, WEIGHTS["pinyin"] * boost / 2, PREFIX)]
    if len(word) <= 6:
        clauses += [Clause("initials", word, WEIGHTS["initials"] * boost),
                    Clause("initials", word, WEIGHTS["initials"] * boost / 3, PREFIX)]
    return clauses


def _phrase_queries(phrase: str) -> list[Clause]:
    out: list[Clause] = []
    main_words = words(phrase)
    if len(main_words) > 1:
        out += [Clause(f"{kind}_zh", tuple(main_words), WEIGHTS[f"{kind}_zh"] * 2, PHRASE) for kind in BODY_FIELDS]
    elif main_words:
        out.append(Clause("name_zh", main_words[0], WEIGHTS["name_zh"] * 2))
    en = _english_terms(phrase)
    if len(en) > 1:
        out += [Clause(f"{kind}_en", tuple(en), WEIGHTS[f"{kind}_en"] * 2, PHRASE) for kind in BODY_FIELDS]
    return out


#: how much an official term weighs against the words typed, reached through a colloquial term
#: or through its pinyin or initials
EXPANSION_BOOST, SOUND_EXPANSION_BOOST = 0.8, 0.05


def parse(text: str, synonyms: Synonyms) -> ParsedQuery:
    text = normalize(text).strip()
    truncated_to = None
    if len(text) > MAX_QUERY_CHARS:
        text, truncated_to = text[:MAX_QUERY_CHARS], MAX_QUERY_CHARS
    phrases = re.findall(r'"([^"]+)"', text)
    plain = re.sub(r'"[^"]*"', " ", text).replace('"', " ")
    subqueries = _text_queries(plain, 1.0)
    for phrase in phrases:
        subqueries.extend(_text_queries(phrase, 1.0))
        subqueries.extend(_phrase_queries(phrase))
    expansions = []
    found = synonyms.matches(text)
    for term, officials in found:
        # Official terms search the names only: they are there to find the item, and in the
        # body they would match half the catalogue (设立, 企业). Reached through the initials or
        # pinyin of a colloquial term, they weigh below a name that has those initials itself
        # (jsz: 驾驶证 in a name before 教师证 → 教师资格).
        boost = SOUND_EXPANSION_BOOST if term in synonyms.sounds else EXPANSION_BOOST
        for official in officials:
            subqueries.extend(_text_queries(official, boost, fields=("name",)))
            expansions.append(official)
    words, covers, latin_index = _words(text.replace('"', " "), found)
    highlight = chinese_terms(text) + [w for w in LATIN_WORD.findall(text.lower()) if len(w) >= 2]
    for official in expansions:
        highlight += chinese_terms(official) + LATIN_WORD.findall(official.lower())
    return ParsedQuery(
        # Any term in any field: scores add up, so an item matching more of the terms ranks
        # higher; the words all results must have are `words`. (Whoosh's Or(scale=...)
        # coordination factor made broad queries three times slower and changed no result.)
        clauses=subqueries,
        highlight_terms=list(dict.fromkeys(t for t in highlight if t)),
        latin_words=[w for w in LATIN_WORD.findall(text.lower()) if w.isalpha()],
        truncated_to=truncated_to,
        normalized=normalize_query(text),
        words=words,
        covers=covers,
        latin_index=latin_index,
    )


def _words(text: str, synonyms_found: list[tuple[str, list[str]]]) -> tuple[list, list, dict]:
    """The words a result should contain (asking words left out), and what stands for them."""
    words: list[list[Clause]] = []
    zh = chinese_terms(text)
    for term in zh:
        words.append([Clause(f"{kind}_zh", term) for kind in BODY_FIELDS])
    latin_index = {}
    for word in dict.fromkeys(w for w in LATIN_WORD.findall(text.lower()) if w.isalpha() and len(w) >= 2
                              and not is_asking_word(w)):
        clauses = [Clause(f"{kind}_en", stem) for stem in _english_terms(word) for kind in BODY_FIELDS]
        latin_index[word] = len(words)
        words.append(clauses + _pinyin_clauses(word))
    # a homophone of a run of words stands for the words of the run
    covers = [(frozenset(run), [Clause("pinyin", key)]) for key, run in sounds_like(tuple(zh))]
    for term, officials in synonyms_found:
        # a colloquial term's official terms stand for the words it is made of
        covered = frozenset(i for i, t in enumerate(zh) if t in term) | frozenset(
            i for w, i in latin_index.items() if w in term)
        if covered:
            clauses = [c for official in officials for c in _text_queries(official, 1.0, fields=("name",))
                       if c.kind == TERM]
            covers.append((covered, clauses))
    return words, covers, latin_index


#: how much a word the reader probably meant weighs against one they typed
CORRECTION_BOOST = 0.7


def correction_clauses(meant: str) -> list[Clause]:
    """What looks for the English word a misspelt one probably meant ("pasport": passport)."""
    return [Clause(f"{kind}_en", stem, WEIGHTS[f"{kind}_en"] * CORRECTION_BOOST)
            for stem in _english_terms(meant) for kind in BODY_FIELDS]


def normalize_query(text: str) -> str:
    """The form best bets are stored and looked up in: Simplified, lower case, single spaces."""
    return " ".join(normalize(text).lower().split())[:MAX_QUERY_CHARS]
