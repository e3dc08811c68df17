"""Small generated SVG pictures: a week of opening hours, and the districts with the centers.
No map tiles or scripts: plain SVG the page inlines, with a text alternative beside it."""
from __future__ import annotations

from html import escape

DAY_START, DAY_END = 8 * 60, 18 * 60


def _minutes(t) -> int:
    return t.hour * 60 + t.minute


def week_chart(rows: list[tuple[str, list]], title: str) -> str:
    """rows: [(day label, [(opens, closes), ...])] → horizontal bars from 08:00 to 18:00."""
    width, left, row_h = 360, 56, 22
    scale = (width - left - 8) / (DAY_END - DAY_START)
    height = row_h * len(rows) + 24
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(title)}" class="hours-chart"><title>{escape(title)}</title>']
    for hour in range(8, 19, 2):
        x = left + (hour * 60 - DAY_START) * scale
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 16}" stroke="#b1b4b6" stroke-width="1"/>')
        parts.append(f'<text x="{x:.1f}" y="{height - 4}" font-size="10" text-anchor="middle" fill="#484949">{hour:02d}</text>')
    for i, (label, spans) in enumerate(rows):
        y = i * row_h + 4
        parts.append(f'<text x="0" y="{y + 13}" font-size="12" fill="#0b0c0c">{escape(label)}</text>')
        for opens, closes in spans:
            x1 = left + (max(_minutes(opens), DAY_START) - DAY_START) * scale
            x2 = left + (min(_minutes(closes), DAY_END) - DAY_START) * scale
            parts.append(f'<rect x="{x1:.1f}" y="{y}" width="{max(x2 - x1, 1):.1f}" height="{row_h - 8}" fill="#00703c"/>')
    parts.append("</svg>")
    return "".join(parts)


def district_map(districts: list[tuple[str, float, float]], centers: list[tuple[str, float, float, bool]],
                 title: str) -> str:
    """Districts as labelled points and centers as dots (the current one larger), projected
    equirectangularly over the area they span."""
    points = [(lat, lon) for _n, lat, lon in districts] + [(lat, lon) for _n, lat, lon, _h in centers]
    min_lat, max_lat = min(p[0] for p in points) - 0.05, max(p[0] for p in points) + 0.05
    min_lon, max_lon = min(p[1] for p in points) - 0.08, max(p[1] for p in points) + 0.08
    width = 360
    height = round(width * (max_lat - min_lat) / (max_lon - min_lon) * 1.1)

    def xy(lat, lon):
        return ((lon - min_lon) / (max_lon - min_lon) * width, (max_lat - lat) / (max_lat - min_lat) * height)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(title)}" class="district-map"><title>{escape(title)}</title>',
             f'<rect width="{width}" height="{height}" fill="#f3f2f1"/>']
    for name, lat, lon, here in sorted(centers, key=lambda c: c[3]):
        x, y = xy(lat, lon)
        radius, colour = (7, "#9c1c1c") if here else (3, "#1d4f91")
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius}" fill="{colour}"><title>{escape(name)}</title></circle>')
    for name, lat, lon in districts:
        x, y = xy(lat, lon)
        parts.append(f'<text x="{x:.1f}" y="{y - 9:.1f}" font-size="11" text-anchor="middle" fill="#0b0c0c">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)
