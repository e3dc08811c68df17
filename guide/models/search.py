"""Best bets: an item pinned to the top of the results for a query."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .catalogue import Item
from .meta import Base


class BestBet(Base):
    __tablename__ = "best_bets"
    __table_args__ = (UniqueConstraint("query", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the query as guide.search.query.normalize_query leaves it
    query: Mapped[str] = mapped_column(String(200), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"))
    #: order among several items pinned to one query
    rank: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    item: Mapped[Item] = relationship()
