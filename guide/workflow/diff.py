"""A readable difference between two revisions' texts: by character for Chinese (which has no
spaces between words), by word for English. Lines are compared first, so a long text with one
changed paragraph costs one paragraph's work. The comparison grows with the square of what is
compared, so past a budget a changed block is shown removed and added whole, and a long text's
frequent lines stop serving as anchors."""
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
    # Past the budget, frequent tokens (a blank line, a lone "-") are not used as anchors: the
    # comparison stays near-linear, at the price of a coarser answer for such texts.
    return SequenceMatcher(None, a, b, autojunk=len(a) * len(b) > FINE_BUDGET).get_opcodes()


def _append(pieces: list[Piece], kind: str, text: str) -> None:
    if not text:
        return
    if pieces and pieces[-1].kind == kind:
        pieces[-1] = Piece(kind, pieces[-1].text + text)
    else:
        pieces.append(Piece(kind, text))


def _common_ends(a: list[str], b: list[str]) -> tuple[int, int]:
    """How many lines the two texts share at their start, and then at their end."""
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail


def diff(old: str, new: str, locale: str) -> list[Piece]:
    """The pieces of `new` and `old` in reading order: same, removed (from old), added (in new)."""
    pieces: list[Piece] = []
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    # The unchanged start and end are set aside first: cheap, and most edits are in one place.
    head, tail = _common_ends(old_lines, new_lines)
    _append(pieces, SAME, "".join(old_lines[:head]))
    middle_old, middle_new = old_lines[head:len(old_lines) - tail], new_lines[head:len(new_lines) - tail]
    for op, i1, i2, j1, j2 in _opcodes(middle_old, middle_new):
        removed, added = "".join(middle_old[i1:i2]), "".join(middle_new[j1:j2])
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
    _append(pieces, SAME, "".join(old_lines[len(old_lines) - tail:]))
    return pieces


def changed(pieces: list[Piece]) -> bool:
    return any(p.kind != SAME for p in pieces)
