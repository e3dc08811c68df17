"""One-step bundles (一件事): several items a life event needs, with a short text (guide.bundles)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .catalogue import Item
from .meta import Base, UTCDateTime


class Bundle(Base):
    __tablename__ = "bundles"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: its address, /{lang}/bundles/{slug}, and the name content/bundles/bundles.yaml knows it by
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    #: its place in the list of bundles
    position: Mapped[int] = mapped_column(default=0)
    title_zh: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(300))
    summary_zh: Mapped[str] = mapped_column(Text)
    summary_en: Mapped[str] = mapped_column(Text)
    #: words people use for the life event, one a line: a search naming it shows the bundle first
    terms_zh: Mapped[str] = mapped_column(Text, default="")
    terms_en: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    entries: Mapped[list["BundleItem"]] = relationship(
        order_by="BundleItem.position", cascade="all, delete-orphan", back_populates="bundle")

    @property
    def items(self) -> list[Item]:
        return [entry.item for entry in self.entries]


class BundleItem(Base):
    __tablename__ = "bundle_items"

    bundle_id: Mapped[int] = mapped_column(ForeignKey("bundles.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int]

    bundle: Mapped[Bundle] = relationship(back_populates="entries")
    item: Mapped[Item] = relationship()
