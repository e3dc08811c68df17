"""The catalogue read service behind ICatalogueService (SQLAlchemy)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload
from zope.interface import implementer

from ..models import Department, Item, ItemTopic
from .interfaces import ICatalogueService


@dataclass(frozen=True)
class Filters:
    department: str | None = None
    item_type: str | None = None
    audience: str | None = None
    topic: str | None = None
    center: str | None = None


@implementer(ICatalogueService)
class CatalogueService:
    per_page = 20

    def __init__(self, dbsession: Session, accepted_at):
        self.db = dbsession
        #: center code -> ids of the items it accepts (guide.places.data, the one acceptance rule)
        self.accepted_at = accepted_at

    def get_item(self, code: str) -> Item | None:
        return self.db.scalar(
            select(Item).where(Item.code == code, Item.active)
            .options(joinedload(Item.department), selectinload(Item.materials), selectinload(Item.topics))
        )

    def _conditions(self, filters: Filters) -> list:
        conditions = [Item.active]
        if filters.department:
            conditions.append(Item.department.has(Department.code == filters.department))
        if filters.item_type:
            conditions.append(Item.item_type == filters.item_type)
        if filters.audience:
            # "both" items serve individuals and businesses alike.
            conditions.append(Item.audience.in_([filters.audience, "both"]))
        if filters.topic:
            conditions.append(Item.topics.any(ItemTopic.topic == filters.topic))
        if filters.center:
            conditions.append(Item.id.in_(sorted(self.accepted_at(filters.center))))
        return conditions

    def browse(self, filters: Filters, page: int = 1, per_page: int | None = None) -> tuple[int, list[Item]]:
        per_page = per_page or self.per_page
        conditions = self._conditions(filters)
        total = self.db.scalar(select(func.count(Item.id)).where(*conditions))
        items = self.db.scalars(
            select(Item).where(*conditions).options(joinedload(Item.department))
            .order_by(Item.code).offset((page - 1) * per_page).limit(per_page)
        ).all()
        return total, list(items)

    def departments(self) -> list[tuple[Department, int]]:
        counts = (select(Item.department_id, func.count(Item.id).label("n"))
                  .where(Item.active).group_by(Item.department_id).subquery())
        rows = self.db.execute(
            select(Department, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.department_id == Department.id).order_by(Department.code)
        ).all()
        return [(d, n) for d, n in rows]

    def get_department(self, code: str) -> Department | None:
        return self.db.scalar(select(Department).where(Department.code == code))

    def facet_counts(self) -> dict[str, dict[str, int]]:
        def grouped(column, *joins):
            stmt = select(column, func.count()).select_from(Item).where(Item.active)
            for j in joins:
                stmt = stmt.join(j)
            return dict(self.db.execute(stmt.group_by(column)).all())

        return {
            "item_type": grouped(Item.item_type),
            "audience": grouped(Item.audience),
            "topic": grouped(ItemTopic.topic, ItemTopic),
        }


def includeme(config):
    from ..places.data import PlacesData

    config.register_service_factory(
        lambda context, request: CatalogueService(
            request.dbsession, lambda code: request.content_data(PlacesData).item_ids_accepted_at(code)),
        ICatalogueService)
