"""The statistics service behind IStatisticsService: aggregate queries over the active items,
and the one acceptance rule (guide.places) for what each center takes."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session
from zope.interface import implementer

from ..catalogue.vocab import APPLY_ONLINE_DEPTH, FULLY_ONLINE_DEPTH
from ..models import Department, Item
from .interfaces import IStatisticsService


def _count(condition):
    """How many of the rows the condition holds for (0 with no rows)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _share(part: int | float, whole: int | float) -> float:
    return part / whole if whole else 0.0


@dataclass(frozen=True)
class Overview:
    items: int
    #: items whose application can be made online (not only forms downloaded)
    apply_online: int
    #: items that need no visit to a window
    no_visit: int
    #: items decided on the spot: no time limit in working days
    on_the_spot: int
    #: working days summed over the items with a time limit
    legal_days: int
    promised_days: int

    @property
    def online_share(self) -> float:
        return _share(self.apply_online, self.items)

    @property
    def no_visit_share(self) -> float:
        return _share(self.no_visit, self.items)

    @property
    def time_saved(self) -> float:
        """How much shorter the promised limits are than the legal ones, summed over all items."""
        return 1 - _share(self.promised_days, self.legal_days) if self.legal_days else 0.0


@dataclass(frozen=True)
class DepartmentOnline:
    department: Department
    items: int
    apply_online: int
    #: of those, items done wholly online
    fully_online: int

    @property
    def share(self) -> float:
        return _share(self.apply_online, self.items)


@dataclass(frozen=True)
class DepartmentTimes:
    department: Department
    #: items with a time limit in working days (those done on the spot are left out)
    items: int
    legal_days: float
    promised_days: float

    @property
    def time_saved(self) -> float:
        return 1 - _share(self.promised_days, self.legal_days)


@implementer(IStatisticsService)
class StatisticsService:
    def __init__(self, dbsession: Session, places, accepted_at):
        self.db = dbsession
        self.places = places
        #: center code -> ids of the items it accepts (guide.places.data)
        self.accepted_at = accepted_at

    def overview(self) -> Overview:
        with_limit = Item.legal_limit_days > 0
        row = self.db.execute(select(
            func.count(Item.id),
            _count(Item.online_depth >= APPLY_ONLINE_DEPTH),
            _count(Item.visits == 0),
            _count(~with_limit),
            func.coalesce(func.sum(case((with_limit, Item.legal_limit_days), else_=0)), 0),
            func.coalesce(func.sum(case((with_limit, Item.promised_limit_days), else_=0)), 0),
        ).where(Item.active)).one()
        return Overview(*(int(value) for value in row))

    @cached_property
    def _departments(self) -> dict[int, Department]:
        """Read once per request, for every figure by department."""
        return {d.id: d for d in self.db.scalars(select(Department))}

    def online_by_department(self) -> list[DepartmentOnline]:
        departments = self._departments
        rows = self.db.execute(
            select(Item.department_id, func.count(Item.id),
                   _count(Item.online_depth >= APPLY_ONLINE_DEPTH), _count(Item.online_depth >= FULLY_ONLINE_DEPTH))
            .where(Item.active).group_by(Item.department_id)).all()
        found = [DepartmentOnline(departments[d], int(n), int(online), int(fully)) for d, n, online, fully in rows]
        return sorted(found, key=lambda row: (-row.share, -row.items, row.department.code))

    def visits(self) -> list[tuple[int, int]]:
        return [(int(v), int(n)) for v, n in self.db.execute(
            select(Item.visits, func.count(Item.id)).where(Item.active).group_by(Item.visits).order_by(Item.visits))]

    def time_limits_by_department(self) -> list[DepartmentTimes]:
        departments = self._departments
        rows = self.db.execute(
            select(Item.department_id, func.count(Item.id),
                   func.sum(Item.legal_limit_days), func.sum(Item.promised_limit_days))
            .where(Item.active, Item.legal_limit_days > 0).group_by(Item.department_id)).all()
        # Sums, divided here: the same float on every database (PostgreSQL's avg is a numeric).
        found = [DepartmentTimes(departments[d], int(n), int(legal) / n, int(promised) / n)
                 for d, n, legal, promised in rows]
        return sorted(found, key=lambda row: (row.promised_days, row.legal_days, row.department.code))

    def items_per_center(self) -> list[tuple[object, int]]:
        active = set(self.db.scalars(select(Item.id).where(Item.active)))
        found = [(center, len(active & self.accepted_at(center.code))) for center in self.places.centers()]
        # halls first among equals: the places' own order breaks ties (sorted is stable)
        return sorted(found, key=lambda row: -row[1])


def includeme(config):
    from ..places.data import PlacesData
    from ..places.interfaces import IPlacesService

    config.register_service_factory(
        lambda context, request: StatisticsService(
            request.dbsession, request.find_service(IPlacesService),
            lambda code: request.content_data(PlacesData).item_ids_accepted_at(code)),
        IStatisticsService)
