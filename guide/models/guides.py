"""Editorial guides: the plain-language layer of one item in one locale."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .catalogue import Item
from .meta import Base

GUIDE_STATES = ("draft", "review", "published", "archived")


class Guide(Base):
    __tablename__ = "guides"
    __table_args__ = (UniqueConstraint("item_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    #: a tag from guide.i18n.KNOWN_LOCALES, e.g. "zh-Hans"
    locale: Mapped[str] = mapped_column(String(20))
    #: one of GUIDE_STATES; only "published" guides reach the public pages
    state: Mapped[str] = mapped_column(String(20), default="draft")
    summary: Mapped[str] = mapped_column(Text, default="")
    #: Markdown; rendered and sanitised on display
    body: Mapped[str] = mapped_column(Text, default="")
    #: bumped by an editor on each change of the source (zh-Hans) text
    revision: Mapped[int] = mapped_column(default=1)
    #: for a translation: the source revision it was translated from (older = stale)
    source_revision: Mapped[int | None]
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    item: Mapped[Item] = relationship()
