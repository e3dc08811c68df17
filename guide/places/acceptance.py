"""Which windows can accept an item: the rule the cross-site handling scheme sets.

Integrated windows in the halls accept every hall item city-wide; a department's own windows
accept that department's items; a window can list extra items. Online-only items have no window.
"""
from __future__ import annotations


def window_accepts(window, item) -> bool:
    if item.cross_site_mode == "online_only":
        return False
    if window.kind == "integrated" and item.department.kind == "hall":
        return True
    if any(d.id == item.department_id for d in window.departments):
        return True
    return any(i.id == item.id for i in window.extra_items)


def reason(window, item) -> str:
    """Why a window is listed for an item: "integrated", "department" or "listed"."""
    if window.kind == "integrated" and item.department.kind == "hall":
        return "integrated"
    if any(d.id == item.department_id for d in window.departments):
        return "department"
    return "listed"
