"""Which items a center takes: browsing by center and the search's center filter follow the one
acceptance rule (guide.places.acceptance), as each guide's windows do."""
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from guide.models import Item, ServiceCenter, Window
from guide.places.acceptance import window_accepts


def test_browsing_and_searching_by_center_take_the_items_the_rule_accepts(testapp, dbsession):
    items = dbsession.scalars(select(Item).where(Item.active).options(selectinload(Item.department))).all()
    centers = dbsession.scalars(select(ServiceCenter).options(selectinload(ServiceCenter.windows).options(
        selectinload(Window.departments), selectinload(Window.extra_items)))).all()
    totals = set()
    for center in centers:
        expected = sum(1 for item in items if any(window_accepts(w, item) for w in center.windows))
        page = testapp.get("/en/items", {"center": center.code})
        browsed = int(page.html.select_one("[role=status] strong").text.split()[0]) if expected else 0
        searched = testapp.get("/api/v1/search", {"center": center.code, "per_page": 1}).json["total"]
        assert (browsed, searched) == (expected, expected), center.code
        totals.add(expected)
    assert len(totals) > 3  # halls, departments' own points and points with listed items differ
