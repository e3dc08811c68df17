"""Snippets: a short window of the item's text around the first match, matches in <mark>.

Whoosh's highlighter re-analyses every stored text for every hit (jieba included), which costs
more than the search itself here; the terms are already known, so a plain scan does.
"""
from __future__ import annotations

import re
from html import escape

WIDTH = 80


def snippet(text: str, terms: list[str], width: int = WIDTH) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    patterns = [re.escape(t) for t in sorted(terms, key=len, reverse=True) if t]
    if not patterns:
        return escape(text[:width]) + ("…" if len(text) > width else "")
    matcher = re.compile("|".join(patterns), re.IGNORECASE)
    first = matcher.search(text)
    start = 0 if first is None else max(0, first.start() - width // 4)
    window = text[start:start + width]
    out, last = [], 0
    for match in matcher.finditer(window):
        out.append(escape(window[last:match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(window[last:]))
    return ("…" if start else "") + "".join(out) + ("…" if start + width < len(text) else "")
