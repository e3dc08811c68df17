"""The places service behind IPlacesService (SQLAlchemy)."""
from __future__ import annotations

from sqlalchemy import case, or_, select
from sqlalchemy.orm import Session, selectinload
from zope.interface import implementer

from ..hours.status import combined
from ..models import Department, District, Item, Schedule, ServiceCenter, Window
from .acceptance import reason
from .nearest import StatusesAt
from .interfaces import IPlacesService


@implementer(IPlacesService)
class PlacesService:
    def __init__(self, dbsession: Session):
        self.db = dbsession

    def centers(self) -> list[ServiceCenter]:
        halls_first = case((ServiceCenter.kind == "hall", 0), else_=1)
        return list(self.db.scalars(
            select(ServiceCenter).options(selectinload(ServiceCenter.district))
            .order_by(halls_first, ServiceCenter.code != "municipal", ServiceCenter.code)
        ))

    def get_center(self, code: str) -> ServiceCenter | None:
        return self.db.scalar(
            select(ServiceCenter).where(ServiceCenter.code == code).options(
                selectinload(ServiceCenter.schedule).selectinload(Schedule.intervals),
                selectinload(ServiceCenter.windows).selectinload(Window.departments),
                selectinload(ServiceCenter.windows).selectinload(Window.own_schedule)
                .selectinload(Schedule.intervals),
            )
        )

    def windows_for_item(self, item) -> list[tuple[Window, str]]:
        if item.cross_site_mode == "online_only":
            return []
        # The SQL form of acceptance.window_accepts, so only matching windows are loaded.
        accepting = or_(
            Window.departments.any(Department.id == item.department_id),
            Window.extra_items.any(Item.id == item.id),
        )
        if item.department.kind == "hall":
            accepting = or_(accepting, Window.kind == "integrated")
        windows = self.db.scalars(
            select(Window).join(ServiceCenter).where(accepting).options(
                selectinload(Window.departments),
                selectinload(Window.center).selectinload(ServiceCenter.schedule).selectinload(Schedule.intervals),
                selectinload(Window.own_schedule).selectinload(Schedule.intervals),
            ).order_by(ServiceCenter.kind, ServiceCenter.code != "municipal", ServiceCenter.code, Window.code)
        )
        return [(w, reason(w, item)) for w in windows]

    def districts(self) -> list[District]:
        return list(self.db.scalars(select(District).order_by(District.code)))

    def get_district(self, code: str) -> District | None:
        return self.db.scalar(select(District).where(District.code == code))

    def center_status(self, center, at, calendar):
        """The center as a whole (open when any window is) and each of its windows."""
        statuses = StatusesAt(at, calendar)
        windows = [(w, statuses.windows([w])) for w in center.windows]
        overall = statuses.windows(center.windows) if center.windows else combined([statuses.of(center.schedule)])
        return overall, windows

def includeme(config):
    config.register_service_factory(lambda context, request: PlacesService(request.dbsession), IPlacesService)
