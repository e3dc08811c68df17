"""Horizontal bar charts as inline SVG, for the statistics page. No script and no chart library:
the page inlines the picture, and a table beside it gives the same figures to screen readers,
to copying and to anyone who cannot tell the colours apart.

Each row's label sits above its bar, wrapped to the chart's width, so the long English names
of departments and centers fit a phone's width without being cut."""
from __future__ import annotations

import unicodedata
from html import escape
from typing import NamedTuple

WIDTH = 400
FONT = 13
LINE = 16
BAR = 12
GAP = 10
#: Colours of the series, in order; each has 3:1 contrast or more against white and the track.
COLOURS = ("#00703c", "#1d70b8", "#6f777b")
TRACK = "#f3f2f1"


class Series(NamedTuple):
    name: str
    colour: str


class Bar(NamedTuple):
    label: str
    #: one value per series, in the chart's unit
    values: tuple[float, ...]
    #: the figure as the table gives it, shown at the row's right
    text: str


def _width(text: str, size: float = FONT) -> float:
    """About how wide text is set: a full em for wide (CJK) characters, a little over half for others."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.56 for ch in text)


def wrap(text: str, width: float, size: float = FONT) -> list[str]:
    """Lines no wider than width: broken between words, or between any two CJK characters."""
    lines, line = [], ""
    for word in _pieces(text):
        if line and _width(line + word, size) > width:
            lines.append(line.rstrip())
            line = word.lstrip()
        else:
            line += word
    return [*lines, line.rstrip()] if line.strip() else lines


def _pieces(text: str) -> list[str]:
    """Words with the space before them, and each wide character alone."""
    pieces: list[str] = []
    for ch in text:
        wide = unicodedata.east_asian_width(ch) in "WF"
        if wide or not pieces or ch == " " or unicodedata.east_asian_width(pieces[-1][-1]) in "WF":
            pieces.append(ch)
        else:
            pieces[-1] += ch
    return pieces


def bar_chart(bars: list[Bar], series: list[Series], title: str, maximum: float, stacked: bool = False) -> str:
    """One row per bar: its label above, its figure at the right, then its bars. Stacked series
    share one bar (parts of a whole: the track shows the rest up to maximum); otherwise each
    series has a bar of its own under the label."""
    parts = []
    y = 0.0
    if len(series) > 1:
        x = 0.0
        for s in series:
            parts.append(f'<rect x="{x:.1f}" y="{y + 2}" width="{BAR}" height="{BAR}" fill="{s.colour}"/>')
            parts.append(f'<text x="{x + BAR + 4:.1f}" y="{y + FONT}" font-size="{FONT}" fill="#0b0c0c">{escape(s.name)}</text>')
            x += BAR + 4 + _width(s.name) + 16
        y += LINE + GAP
    scale = WIDTH / maximum if maximum > 0 else 0
    for bar in bars:
        lines = wrap(bar.label, WIDTH - _width(bar.text) - 12)
        parts.append(f'<text x="{WIDTH}" y="{y + FONT}" font-size="{FONT}" text-anchor="end" '
                     f'font-weight="bold" fill="#0b0c0c">{escape(bar.text)}</text>')
        for n, line in enumerate(lines):
            parts.append(f'<text x="0" y="{y + FONT + n * LINE}" font-size="{FONT}" fill="#0b0c0c">{escape(line)}</text>')
        y += LINE * max(len(lines), 1) + 2
        if stacked:
            parts.append(f'<rect x="0" y="{y}" width="{WIDTH}" height="{BAR}" fill="{TRACK}" stroke="#b1b4b6" stroke-width="0.5"/>')
            x = 0.0
            for value, s in zip(bar.values, series):
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{value * scale:.1f}" height="{BAR}" fill="{s.colour}"/>')
                x += value * scale
            y += BAR
        else:
            for value, s in zip(bar.values, series):
                parts.append(f'<rect x="0" y="{y}" width="{value * scale:.1f}" height="{BAR}" fill="{s.colour}"/>')
                y += BAR + 1
        y += GAP
    height = max(y, 1)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" role="img" '
            f'aria-label="{escape(title)}" class="bar-chart"><title>{escape(title)}</title>' + "".join(parts) + "</svg>")
