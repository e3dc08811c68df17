"""Notices: what readers must know for a while (holiday arrangements, a hall closed for repairs,
a system outage), site-wide or for chosen centers or items (guide.notices)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .catalogue import Item
from .centers import ServiceCenter
from .meta import Base, UTCDateTime

notice_centers = Table(
    "notice_centers", Base.metadata,
    Column("notice_id", ForeignKey("notices.id", ondelete="CASCADE"), primary_key=True),
    Column("center_id", ForeignKey("service_centers.id", ondelete="CASCADE"), primary_key=True),
)
notice_items = Table(
    "notice_items", Base.metadata,
    Column("notice_id", ForeignKey("notices.id", ondelete="CASCADE"), primary_key=True),
    Column("item_id", ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
)


class Notice(Base):
    """Shown from `starts_at` until `ends_at` on the pages it concerns: every page when it names
    no center and no item."""

    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the name content/notices/notices.csv knows it by; None for one made on the web
    slug: Mapped[str | None] = mapped_column(String(80), unique=True)
    #: guide.notices.SEVERITIES
    severity: Mapped[str] = mapped_column(String(20))
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    text_zh: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    centers: Mapped[list[ServiceCenter]] = relationship(secondary=notice_centers, order_by=ServiceCenter.code)
    items: Mapped[list[Item]] = relationship(secondary=notice_items, order_by=Item.code)

    @property
    def site_wide(self) -> bool:
        return not self.centers and not self.items
