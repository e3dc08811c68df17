"""Which windows can accept an item: the rule the cross-site handling scheme sets.

Integrated windows in the halls accept every hall item city-wide. A department's own windows accept
that department's items of the service lines they handle: a window that lists services (e.g.
"exit-entry") takes only items of those lines, and one that lists none takes the items that name no
line, so a passport never goes to an ID-card window. A window can also list extra items. Items done
wholly online have no window. This is the only copy of the rule: pages, the API, browsing by
center and the nearest-window ranking all ask it.
"""
from __future__ import annotations


def done_online(item) -> bool:
    """The item is applied for and received without going to a window (an online-only item is
    the one needing no visit: the catalogue import holds them together)."""
    return item.cross_site_mode == "online_only"


def reason(window, item) -> str | None:
    """Why a window accepts an item ("integrated", "department" or "listed"), or None if it does not."""
    if done_online(item):
        return None
    if window.kind == "integrated" and item.department.kind == "hall":
        return "integrated"
    if any(d.id == item.department_id for d in window.departments) and _handles(window, item.service):
        return "department"
    if any(i.id == item.id for i in window.extra_items):
        return "listed"
    return None


def window_accepts(window, item) -> bool:
    return reason(window, item) is not None


def _handles(window, service: str | None) -> bool:
    lines = window.service_codes
    return service in lines if lines else not service
