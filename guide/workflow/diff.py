"""A readable difference between two revisions' texts: by character for Chinese (which has no
spaces between words), by word for English. Lines are compared first, so a long text with one
changed paragraph costs one paragraph's work; a changed block too big to compare finely within
a budget is shown as removed and added whole (the comparison grows with the square of its size)."""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import NamedTuple

_WORDS = re.compile(r"\s+|\w+|[^\w\s]")

SAME, ADDED, REMOVED = "same", "added", "removed"
#: the largest (old tokens × new tokens) of a changed block compared token by token
FINE_BUDGET = 2_000_000


class Piece(NamedTuple):
    kind: str
    text: str


def _tokens(text: str, locale: str) -> list[str]:
    return list(text) if locale.startswith("zh") else _WORDS.findall(text)


def _opcodes(a: list[str], b: list[str]):
    return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def _append(pieces: list[Piece], kind: str, text: str) -> None:
    if not text:
        return
    if pieces and pieces[-1].kind == kind:
        pieces[-1] = Piece(kind, pieces[-1].text + text)
    else:
        pieces.append(Piece(kind, text))


def diff(old: str, new: str, locale: str) -> list[Piece]:
    """The pieces of `new` and `old` in reading order: same, removed (from old), added (in new)."""
    pieces: list[Piece] = []
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    for op, i1, i2, j1, j2 in _opcodes(old_lines, new_lines):
        removed, added = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
        if op == "equal":
            _append(pieces, SAME, removed)
        elif op == "replace" and len(removed) * len(added) <= FINE_BUDGET:
            a, b = _tokens(removed, locale), _tokens(added, locale)
            for inner, k1, k2, m1, m2 in _opcodes(a, b):
                if inner == "equal":
                    _append(pieces, SAME, "".join(a[k1:k2]))
                else:
                    _append(pieces, REMOVED, "".join(a[k1:k2]))
                    _append(pieces, ADDED, "".join(b[m1:m2]))
        else:
            _append(pieces, REMOVED, removed)
            _append(pieces, ADDED, added)
    return pieces


def changed(pieces: list[Piece]) -> bool:
    return any(p.kind != SAME for p in pieces)
