"""The item catalogue: departments, items and their materials (facts imported from spreadsheets)."""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..catalogue.vocab import APPLY_ONLINE_DEPTH
from .meta import Base


class Department(Base):
    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(300))
    #: "hall": items handled at the service halls; "functional": at the department's own points
    kind: Mapped[str] = mapped_column(String(20))
    phone: Mapped[str | None] = mapped_column(String(40))

    items: Mapped[list[Item]] = relationship(back_populates="department", order_by="Item.code")


class Item(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_zh: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(500))
    #: one of guide.catalogue.vocab.ITEM_TYPES
    item_type: Mapped[str] = mapped_column(String(30), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    #: "municipal" or "district" (district/county level)
    level: Mapped[str] = mapped_column(String(20))
    #: "individual", "enterprise" or "both"
    audience: Mapped[str] = mapped_column(String(20), index=True)
    #: one of guide.catalogue.vocab.CROSS_SITE_MODES; decides which windows can accept the item
    cross_site_mode: Mapped[str] = mapped_column(String(30))
    #: working days allowed by law
    legal_limit_days: Mapped[int]
    #: working days the department promises (never above the legal limit)
    promised_limit_days: Mapped[int]
    #: the fee in fen (1/100 yuan): exact, and portable where a database lacks decimals
    fee_fen: Mapped[int]
    fee_note_zh: Mapped[str | None] = mapped_column(Text)
    fee_note_en: Mapped[str | None] = mapped_column(Text)
    #: visits to a window the applicant has to make
    visits: Mapped[int]
    #: 1 information, 2 downloadable forms, 3 online application, 4 fully online
    online_depth: Mapped[int]
    online_url: Mapped[str | None] = mapped_column(String(500))
    conditions_zh: Mapped[str] = mapped_column(Text)
    conditions_en: Mapped[str] = mapped_column(Text)
    result_zh: Mapped[str] = mapped_column(Text)
    result_en: Mapped[str] = mapped_column(Text)
    legal_basis_zh: Mapped[str] = mapped_column(Text)
    legal_basis_en: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str] = mapped_column(String(40))
    #: the line of the department's work it belongs to (e.g. "exit-entry"), where the department's
    #: windows split by it; None for the department's general line (places/acceptance.py)
    service: Mapped[str | None] = mapped_column(String(40))
    #: False once a re-import no longer lists the item; kept so editorial guides are never lost
    active: Mapped[bool] = mapped_column(default=True, index=True)

    department: Mapped[Department] = relationship(back_populates="items")
    materials: Mapped[list[Material]] = relationship(
        back_populates="item", order_by="Material.seq", cascade="all, delete-orphan"
    )
    topics: Mapped[list[ItemTopic]] = relationship(
        back_populates="item", cascade="all, delete-orphan"
    )

    @property
    def apply_online_url(self) -> str | None:
        """Where to apply online, when the online service takes an application (not only forms)."""
        return self.online_url if self.online_url and self.applies_online else None

    @property
    def applies_online(self) -> bool:
        return self.online_depth >= APPLY_ONLINE_DEPTH

    @property
    def fee_yuan(self) -> Decimal:
        return Decimal(self.fee_fen or 0) / 100

    @fee_yuan.setter
    def fee_yuan(self, value: Decimal) -> None:
        self.fee_fen = int(value * 100)

    @property
    def topic_codes(self) -> list[str]:
        return sorted(t.topic for t in self.topics)


class ItemTopic(Base):
    """A life topic (business, housing, ...) an item belongs to, for browsing."""

    __tablename__ = "item_topics"

    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    topic: Mapped[str] = mapped_column(String(30), primary_key=True, index=True)

    item: Mapped[Item] = relationship(back_populates="topics")


class Material(Base):
    __tablename__ = "materials"
    __table_args__ = (UniqueConstraint("item_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    #: position in the checklist, from 1
    seq: Mapped[int]
    name_zh: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(500))
    originals: Mapped[int]
    copies: Mapped[int]
    #: "required" or "conditional"
    requirement: Mapped[str] = mapped_column(String(20))
    #: the department provides a blank form to fill in
    blank_form: Mapped[bool] = mapped_column(default=False)
    note_zh: Mapped[str | None] = mapped_column(Text)
    note_en: Mapped[str | None] = mapped_column(Text)

    item: Mapped[Item] = relationship(back_populates="materials")
