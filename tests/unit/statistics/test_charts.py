"""The statistics page's SVG bar charts: well-formed, labels escaped and wrapped, bars to scale."""
from xml.etree import ElementTree as ET

from guide.statistics.charts import WIDTH, Bar, Series, bar_chart, wrap

SVG = "{http://www.w3.org/2000/svg}"
GREEN, BLUE = Series("Fully online", "#00703c"), Series("Apply online", "#1d70b8")


def rects(svg: str, colour: str) -> list[float]:
    return [float(r.get("width")) for r in ET.fromstring(svg).iter(f"{SVG}rect") if r.get("fill") == colour]


def test_bars_are_to_scale_and_labels_are_escaped():
    svg = bar_chart([Bar("<script>alert(1)</script> & co", (30,), "30"), Bar("Other", (15,), "15")],
                    [GREEN], "Items & more", maximum=60)
    root = ET.fromstring(svg)  # well-formed, or this raises
    assert root.get("role") == "img" and root.get("aria-label") == "Items & more"
    assert root.find(f"{SVG}title").text == "Items & more"
    assert "<script>" not in svg
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "<script>alert(1)</script> & co" in texts and "30" in texts
    assert rects(svg, GREEN.colour) == [WIDTH / 2, WIDTH / 4]


def test_stacked_parts_follow_each_other_on_a_track():
    svg = bar_chart([Bar("A", (0.25, 0.5), "75%")], [GREEN, BLUE], "Share", maximum=1, stacked=True)
    root = ET.fromstring(svg)
    bars = {r.get("fill"): r for r in root.iter(f"{SVG}rect") if float(r.get("width")) != 12}  # not the legend's keys
    assert float(bars[GREEN.colour].get("width")) == WIDTH / 4
    assert float(bars[BLUE.colour].get("x")) == WIDTH / 4 and float(bars[BLUE.colour].get("width")) == WIDTH / 2
    assert "Fully online" in [t.text for t in root.iter(f"{SVG}text")]  # the legend, for two series


def test_grouped_series_each_have_a_bar_and_an_empty_chart_is_still_a_picture():
    svg = bar_chart([Bar("A", (20, 5), "5 of 20")], [GREEN, BLUE], "Days", maximum=20)
    assert rects(svg, GREEN.colour)[-1] == WIDTH and rects(svg, BLUE.colour)[-1] == WIDTH / 4
    assert ET.fromstring(bar_chart([], [GREEN], "Nothing", maximum=0)).get("viewBox").startswith("0 0 ")


def test_long_labels_wrap_between_words_or_chinese_characters():
    english = "Daya Bay Economic and Technological Development Zone Government Affairs Service Center"
    lines = wrap(english, 200)
    assert len(lines) > 1 and " ".join(lines) == english
    assert all(not line.startswith(" ") for line in lines)
    chinese = "大亚湾经济技术开发区政务服务中心"
    lines = wrap(chinese, 100)
    assert len(lines) > 1 and "".join(lines) == chinese
    assert wrap("Short", 200) == ["Short"]
