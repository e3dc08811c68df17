"""Service centers (halls and department service points), their windows and districts."""
from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Integer, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .catalogue import Department, Item
from .hours import Schedule
from .meta import Base

window_departments = Table(
    "window_departments",
    Base.metadata,
    Column("window_id", ForeignKey("windows.id", ondelete="CASCADE"), primary_key=True),
    Column("department_id", ForeignKey("departments.id", ondelete="CASCADE"), primary_key=True),
)

#: Items a window accepts beyond the rule for its kind (an explicit, per-item addition).
window_items = Table(
    "window_items",
    Base.metadata,
    Column("window_id", ForeignKey("windows.id", ondelete="CASCADE"), primary_key=True),
    Column("item_id", ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
)


class District(Base):
    __tablename__ = "districts"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(300))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)


class ServiceCenter(Base):
    __tablename__ = "service_centers"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(300))
    #: "hall" (municipal or district/county service hall) or "service_point" (one department's)
    kind: Mapped[str] = mapped_column(String(20))
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"), index=True)
    address_zh: Mapped[str] = mapped_column(String(300))
    address_en: Mapped[str] = mapped_column(String(500))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    phone: Mapped[str | None] = mapped_column(String(40))
    schedule_id: Mapped[int] = mapped_column(ForeignKey("schedules.id"))
    #: BCP 47 tag of the language the hall's kiosks open in (guide.i18n.KNOWN_LOCALES)
    default_locale: Mapped[str] = mapped_column(String(20), server_default="zh-Hans")
    #: the paper its kiosks print checklists on (guide.kiosk.PAPERS)
    kiosk_paper: Mapped[str] = mapped_column(String(10), server_default="a4")

    district: Mapped[District] = relationship()
    schedule: Mapped[Schedule] = relationship()
    windows: Mapped[list[Window]] = relationship(
        back_populates="center", order_by="Window.code", cascade="all, delete-orphan"
    )
    #: the hall's popular items, in the order its kiosks show them (content/kiosk/popular.csv)
    popular_items: Mapped[list[Item]] = relationship(secondary="center_popular_items",
                                                     order_by="center_popular_items.c.position")


#: The items a hall's kiosk home offers first: chosen by hand per hall, since no usage data exists.
center_popular_items = Table(
    "center_popular_items",
    Base.metadata,
    Column("center_id", ForeignKey("service_centers.id", ondelete="CASCADE"), primary_key=True),
    Column("item_id", ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, nullable=False),
)


class Window(Base):
    __tablename__ = "windows"
    __table_args__ = (UniqueConstraint("center_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("service_centers.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    label_zh: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(300))
    floor: Mapped[str | None] = mapped_column(String(20))
    #: "integrated" (accepts city-wide hall items) or "departmental" (its departments' items)
    kind: Mapped[str] = mapped_column(String(20))
    #: ";"-separated service lines of its departments it handles (Item.service); empty: the
    #: departments' items that name no service line (places/acceptance.py)
    services: Mapped[str | None] = mapped_column(String(200))
    #: overrides the center's schedule (e.g. Saturday service at livelihood windows)
    schedule_id: Mapped[int | None] = mapped_column(ForeignKey("schedules.id"))

    center: Mapped[ServiceCenter] = relationship(back_populates="windows")
    own_schedule: Mapped[Schedule | None] = relationship()
    departments: Mapped[list[Department]] = relationship(secondary=window_departments)
    extra_items: Mapped[list[Item]] = relationship(secondary=window_items)

    @property
    def service_codes(self) -> frozenset[str]:
        return frozenset(c for c in (self.services or "").split(";") if c)

    @property
    def schedule(self) -> Schedule:
        return self.own_schedule or self.center.schedule
