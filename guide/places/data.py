"""Every center, window, schedule and district, as one read-only whole: loaded once per content
version (guide.content_cache) and shared by every request, so a guide page's "where to apply"
asks the database nothing. There are a few hundred windows; loading them all costs less than
one item's query did.

The objects are detached from the session that loaded them: every relationship the pages and
rules read is loaded here, and nothing may change them.
"""
from __future__ import annotations

from types import SimpleNamespace

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..models import Department, District, Item, Schedule, ServiceCenter, Window
from .acceptance import window_accepts


def _center_order(center) -> tuple:
    return center.kind != "hall", center.code != "municipal", center.code


def _schedule(path):
    return path.options(selectinload(Schedule.intervals), selectinload(Schedule.exceptions))


class PlacesData:
    def __init__(self, session: Session):
        centers = session.scalars(select(ServiceCenter).options(
            selectinload(ServiceCenter.district),
            _schedule(selectinload(ServiceCenter.schedule)),
            selectinload(ServiceCenter.popular_items).selectinload(Item.department),
            selectinload(ServiceCenter.windows).options(
                selectinload(Window.departments),
                selectinload(Window.extra_items),
                _schedule(selectinload(Window.own_schedule)),
            ),
        )).all()
        for center in centers:
            for window in center.windows:
                window.center  # the many-to-one back to its center, from the identity map
        #: halls first (the municipal hall before the others), then service points, by code
        self.centers: list[ServiceCenter] = sorted(centers, key=_center_order)
        self.by_code = {c.code: c for c in centers}
        #: by center, in that order, then by window code (each center's windows are by code)
        self.windows: list[Window] = [w for c in self.centers for w in c.windows]
        self.districts: list[District] = list(session.scalars(select(District).order_by(District.code)))
        self.districts_by_code = {d.code: d for d in self.districts}
        # What the acceptance rule reads of an item, for every item: which items a center takes
        # (browsing by center) is answered by that one rule, not by an SQL copy of it.
        self._items = [
            SimpleNamespace(id=item_id, department_id=department_id, cross_site_mode=mode,
                            service=service, department=SimpleNamespace(kind=kind))
            for item_id, department_id, mode, service, kind in session.execute(
                select(Item.id, Item.department_id, Item.cross_site_mode, Item.service, Department.kind)
                .join(Department))
        ]
        self._accepted: dict[str, frozenset[int]] = {}

    def item_ids_accepted_at(self, center_code: str) -> frozenset[int]:
        """The ids of the items some window of the center accepts (guide.places.acceptance)."""
        found = self._accepted.get(center_code)
        if found is None:
            center = self.by_code.get(center_code)
            windows = center.windows if center else []
            found = frozenset(i.id for i in self._items if any(window_accepts(w, i) for w in windows))
            # One assignment: two requests may work it out at once, to the same answer.
            self._accepted[center_code] = found
        return found
