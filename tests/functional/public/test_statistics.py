"""The statistics page: each chart has a table of the same figures, the figures are the live
catalogue's (worked out here again from the items themselves), and the page is in the three
languages."""
import re
from collections import Counter, defaultdict
from decimal import ROUND_HALF_UP, Decimal

import pytest
from sqlalchemy import select

from guide.i18n import to_traditional
from guide.models import Department, Item

LANGS = ("zh-hans", "en", "zh-hant")
SECTIONS = ("online-heading", "visits-heading", "times-heading", "centers-heading")


def table(page, heading: str) -> list[list[str]]:
    """The rows of the table in the section a heading names, as the cells' text."""
    section = page.html.select_one(f"h2#{heading}").find_parent("section")
    region = section.select_one(".table-scroll")
    assert region["role"] == "region" and region["tabindex"] == "0" and region["aria-labelledby"] == heading
    assert section.select_one("table caption").get_text(strip=True)
    return [[cell.get_text(" ", strip=True) for cell in row.select("th, td")] for row in section.select("tbody tr")]


def number(text: str) -> int:
    return int(text.replace(",", ""))


def rounded(part: int, whole: int, places: str) -> Decimal:
    """A quotient rounded half up, as readers round."""
    return (Decimal(part) / Decimal(whole)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def by_name(items) -> dict[str, list[Item]]:
    """Items by their department's English name, as the English page's tables name it."""
    found: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        found[item.department.name_en].append(item)
    return found


def active_items(dbsession) -> list[Item]:
    return list(dbsession.scalars(select(Item).where(Item.active)))


@pytest.mark.parametrize("lang", LANGS)
def test_each_chart_has_a_table_of_its_figures_in_every_language(testapp, lang):
    page = testapp.get(f"/{lang}/statistics")
    assert page.html.html["lang"] == {"zh-hans": "zh-Hans", "en": "en", "zh-hant": "zh-Hant"}[lang]
    assert "sample" in page.text if lang == "en" else "示例" in page.text
    for heading in SECTIONS:
        section = page.html.select_one(f"h2#{heading}").find_parent("section")
        assert section.select_one(f"h2#{heading}").get_text(strip=True)
        svg = section.select_one("figure svg")
        assert svg["role"] == "img" and svg["aria-label"] and svg.title.string == svg["aria-label"]
        bars = [t for t in svg.select("text[font-weight=bold]")]
        assert len(bars) == len(table(page, heading)) > 0, heading
    # no script: the charts are pictures the page carries
    assert not page.html.select("main script")
    if lang == "en":
        assert not re.search(r"[\u3400-\u9fff]", page.html.select_one("main").get_text())


def test_the_figures_are_the_catalogues(testapp, dbsession):
    items = active_items(dbsession)
    page = testapp.get("/en/statistics")
    facts = {dt.get_text(strip=True): dd.get_text(" ", strip=True)
             for dt, dd in zip(page.html.select(".summary-list dt"), page.html.select(".summary-list dd"))}
    assert number(facts["Items in the catalogue"]) == len(items)
    online = [i for i in items if i.online_depth >= 3]
    assert facts["Can be applied for online"] == f"{len(online):,} ({rounded(100 * len(online), len(items), '1')}%)"

    by_department = by_name(items)
    rows = table(page, "online-heading")
    assert len(rows) == len(by_department)
    for name, n, applies, fully, share in rows:
        mine = by_department[name]
        assert number(n) == len(mine)
        assert number(applies) == sum(i.online_depth >= 3 for i in mine)
        assert number(fully) == sum(i.online_depth == 4 for i in mine)
        assert share == f"{rounded(100 * number(applies), number(n), '1')}%"
    shares = [number(share.rstrip("%")) for *_rest, share in rows]
    assert shares == sorted(shares, reverse=True)

    visits = Counter(i.visits for i in items)
    rows = table(page, "visits-heading")
    assert sum(number(n) for _label, n, _share in rows) == len(items)
    assert rows[0][:2] == ["No visit needed", f"{visits[0]:,}"]
    assert rows[1][:2] == ["1 visit", f"{visits[1]:,}"]

    timed = by_name(i for i in items if i.legal_limit_days)
    rows = table(page, "times-heading")
    assert len(rows) == len(timed)
    for name, n, legal, promised, _shorter in rows:
        mine = timed[name]
        assert number(n) == len(mine)
        assert Decimal(legal) == rounded(sum(i.legal_limit_days for i in mine), len(mine), "0.1")
        assert Decimal(promised) == rounded(sum(i.promised_limit_days for i in mine), len(mine), "0.1")
    on_the_spot = sum(1 for i in items if not i.legal_limit_days)
    assert f"items decided on the spot ({on_the_spot:,})" in page.html.select_one("section#times").text


def test_items_per_center_agree_with_browsing_by_center(testapp):
    rows = table(testapp.get("/en/statistics"), "centers-heading")
    assert len(rows) > 20
    counts = [number(n) for _name, n in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0
    page = testapp.get("/en/statistics")
    for link in page.html.select("section#centers td a")[:6]:
        listed = testapp.get(link["href"]).html.select_one("main p[role=status]").get_text(strip=True)
        assert number(listed.split()[0]) == number(link.get_text(strip=True)), link["href"]


def test_a_change_to_the_catalogue_shows_at_once(doomed_app, dbsession):
    before = table(doomed_app.get("/en/statistics"), "online-heading")
    item = dbsession.scalar(select(Item).join(Department).where(Item.active, Item.online_depth < 3, Department.code == "gaj")
                            .order_by(Item.code).limit(1))
    item.online_depth = 4
    dbsession.flush()
    after = {row[0]: row for row in table(doomed_app.get("/en/statistics"), "online-heading")}
    old = {row[0]: row for row in before}[item.department.name_en]
    new = after[item.department.name_en]
    assert number(new[2]) == number(old[2]) + 1 and number(new[3]) == number(old[3]) + 1


def test_traditional_chinese_names_are_converted(testapp, dbsession):
    page = testapp.get("/zh-hant/statistics")
    names = {row[0] for row in table(page, "online-heading")}
    gaj = dbsession.scalar(select(Department).where(Department.code == "gaj"))
    assert to_traditional(gaj.name_zh) in names
    assert page.html.select_one("h1").get_text(strip=True) == "統計資料"


def test_the_footer_links_the_statistics_and_the_api_reference(testapp):
    links = {a["href"] for a in testapp.get("/en/").html.select("footer a")}
    assert {"/en/statistics", "/en/api"} <= links
