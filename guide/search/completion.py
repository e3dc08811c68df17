"""Suggestions for the search box: completion of what was typed so far, not a search. "passp"
completes to the passport, "marr" to marriage registration, "huz" and "hz" to 护照 by pinyin and
initials, "sbk" to the social security card through the colloquial 社保卡 (content/search).

Every item contributes keys: its Chinese name and each of its tails (so 护照 completes 普通护照签发),
its English name and each word start in it, the pinyin and initials of its name's words, and the
colloquial terms (with their pinyin and initials) whose official terms are in its name. Keys are
kept sorted, so a prefix is found by bisection. The most used items come first (an applicant
typing "pass" means a passport, not a passenger transport licence), then the closer kind of match
(a key typed in full before one only begun), then the shorter name.
"""
from __future__ import annotations

import csv
from bisect import bisect_left
from pathlib import Path

from .analysis import normalize, pinyin_keys
from .query import Synonyms

#: kinds of match, best first
WHOLE_NAME, WORD_START, SOUND, INSIDE = range(4)


class Completer:
    def __init__(self, meta: dict[int, dict], synonyms: Synonyms, popular: frozenset[int]):
        self.meta = meta
        entries: dict[tuple[str, int], int] = {}

        def add(key: str, docnum: int, kind: int) -> None:
            key = key.strip().lower()
            if key and entries.get((key, docnum), INSIDE + 1) > kind:
                entries[(key, docnum)] = kind

        for docnum, m in meta.items():
            zh, en = normalize(m["name_zh"]), m["name_en"].lower()
            add(zh, docnum, WHOLE_NAME)
            for i in range(1, len(zh) - 1):
                add(zh[i:], docnum, INSIDE)
            add(en, docnum, WHOLE_NAME)
            for i, char in enumerate(en):
                if i and char.isalpha() and not en[i - 1].isalpha():
                    add(en[i:], docnum, WORD_START)
            fulls, initials = pinyin_keys(m["name_zh"])
            for key in fulls | initials:
                add(key, docnum, SOUND)
        for term, officials in synonyms.pairs:
            named = [d for d, m in meta.items() if any(o in m["name_zh"] for o in officials)]
            fulls, initials = pinyin_keys(term)
            for docnum in named:
                add(term, docnum, WORD_START)
                for key in fulls | initials:
                    add(key, docnum, SOUND)
        rows = sorted((key, kind, docnum) for (key, docnum), kind in entries.items())
        self._keys = [key for key, _kind, _docnum in rows]
        self._rows = rows
        self._popular = popular

    def complete(self, prefix: str, limit: int) -> list[int]:
        """The document numbers of the best completions of `prefix`, best first."""
        typed = normalize(prefix).strip().lower()
        if not typed:
            return []
        best: dict[int, tuple[int, bool]] = {}
        for i in range(bisect_left(self._keys, typed), len(self._keys)):
            key, kind, docnum = self._rows[i]
            if not key.startswith(typed):
                break
            # a key typed in full ("hz") beats one it only begins ("hzjt")
            match = (kind, key != typed)
            if match < best.get(docnum, (INSIDE + 1, True)):
                best[docnum] = match
        ranked = sorted(best, key=lambda d: (d not in self._popular, best[d], len(self.meta[d]["name_zh"]),
                                             self.meta[d]["code"]))
        return ranked[:limit]


def most_used_codes(path: Path) -> frozenset[str]:
    """The codes of content/catalogue/most_used.csv: suggestions offer them first."""
    try:
        with path.open(encoding="utf-8", newline="") as f:
            return frozenset(row["code"] for row in csv.DictReader(f))
    except FileNotFoundError:
        return frozenset()
