"""Snippets: a short window of the item's text around the first match, matches in <mark>.

Whoosh's highlighter re-analyses every stored text for every hit (jieba included), which costs
more than the search itself here; the terms are already known, so a plain scan does. (A regular
expression of the terms cost more to compile than all of a page's snippets took to scan.)
"""
from __future__ import annotations

from html import escape

WIDTH = 80


def snippet(text: str, terms: list[str], width: int = WIDTH) -> str:
    return Highlighter(terms, width)(text)


class Highlighter:
    """Snippets for one query's terms, matched without regard to case."""

    def __init__(self, terms: list[str], width: int = WIDTH):
        # Longest first: where two terms start at one place, the longer is marked.
        self.terms = sorted({t.lower() for t in terms if t}, key=len, reverse=True)
        self.width = width

    def __call__(self, text: str) -> str:
        text = " ".join(text.split())
        width = self.width
        spans = self._matches(text)
        start = max(0, spans[0][0] - width // 4) if spans else 0
        end = start + width
        out, last = [], start
        for s, e in spans:
            if s >= start and e <= end:
                out.append(escape(text[last:s]))
                out.append(f"<mark>{escape(text[s:e])}</mark>")
                last = e
        out.append(escape(text[last:end]))
        return ("…" if start else "") + "".join(out) + ("…" if end < len(text) else "")

    def _matches(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each match, left to right, none overlapping."""
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer: match as written
            lowered = text
        found = []
        for term in self.terms:
            at = lowered.find(term)
            while at != -1:
                found.append((at, -len(term)))
                at = lowered.find(term, at + 1)
        spans, end = [], 0
        for at, negative_length in sorted(found):
            if at >= end:
                end = at - negative_length
                spans.append((at, end))
        return spans
