"""What readers say about a guide page: useful or not, and mistakes they report (guide.feedback)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .catalogue import Item
from .meta import Base, UTCDateTime


class Feedback(Base):
    """One reader's word on one item's page. Nothing about the reader is kept: not the address,
    not a cookie; only what they chose or wrote."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    #: the page's language
    locale: Mapped[str] = mapped_column(String(20))
    #: "Is this page useful?": True, False, or None for a reported mistake
    useful: Mapped[bool | None]
    #: a reported mistake
    text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)

    item: Mapped[Item] = relationship()
