"""Which windows accept an item, on unsaved model objects (no database needed)."""
import pytest

from guide.models import Department, Item, Window
from guide.places.acceptance import reason, window_accepts

hall = Department(id=1, code="mzj", kind="hall")
police = Department(id=2, code="gaj", kind="functional")
tax = Department(id=3, code="sw", kind="functional")


def item(id, department, mode="collect_forward", service=None):
    return Item(id=id, code=f"X-{id:04d}", department=department, department_id=department.id, cross_site_mode=mode,
                service=service)


def window(kind, departments=(), extra=(), services=None):
    return Window(kind=kind, departments=list(departments), extra_items=list(extra), services=services)


@pytest.mark.parametrize("w, it, accepted, why", [
    (window("integrated"), item(1, hall), True, "integrated"),
    (window("integrated"), item(2, police), False, None),
    (window("departmental", [police]), item(3, police), True, "department"),
    (window("departmental", [police]), item(4, tax), False, None),
    (window("departmental", [police, tax]), item(5, tax), True, "department"),
    (window("integrated"), item(6, hall, "online_only"), False, None),
    (window("departmental", [police]), item(7, police, "online_only"), False, None),
    # service lines: a window that lists lines takes only items of those lines ...
    (window("departmental", [police], services="exit-entry"), item(10, police, service="exit-entry"), True, "department"),
    (window("departmental", [police], services="household"), item(11, police, service="exit-entry"), False, None),
    (window("departmental", [police], services="vehicles;driving-licences"), item(12, police, service="driving-licences"),
     True, "department"),
    (window("departmental", [police], services="household"), item(13, police), False, None),
    # ... and one that lists none takes the items that name no line
    (window("departmental", [police]), item(14, police, service="exit-entry"), False, None),
    (window("departmental", [police]), item(15, police), True, "department"),
    (window("departmental", [police, tax], services="household"), item(16, tax), False, None),
])
def test_window_accepts(w, it, accepted, why):
    assert window_accepts(w, it) is accepted
    if accepted:
        assert reason(w, it) == why


def test_an_explicitly_listed_item_is_accepted():
    listed = item(8, tax, "accept_transfer")
    w = window("departmental", [police], extra=[listed])
    assert window_accepts(w, listed)
    assert reason(w, listed) == "listed"
    assert not window_accepts(w, item(9, tax))
