"""Search: synonyms, best bets, and the journal of items waiting to be (re)indexed."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .catalogue import Item
from .meta import Base


class Synonym(Base):
    """A term people type and the official terms it stands for: a query containing the term is
    searched for them too. Seeded from content/search/synonyms.tsv, kept by publishers on the web
    (guide.search.synonyms)."""

    __tablename__ = "synonyms"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: as guide.search.synonyms.normal_term leaves it (Simplified, lower case)
    term: Mapped[str] = mapped_column(String(100), unique=True)
    #: the official terms, ";"-separated, as in the file
    officials: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


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


class SearchJournal(Base):
    """An item whose index document is out of date. Written in the same transaction as the
    change (guide.search.sync), deleted once the index has it: a commit is never forgotten,
    whichever process indexes it, and the table holds only what is still to do."""

    __tablename__ = "search_journal"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: None: every item (a change to windows or centers touches them all)
    item_id: Mapped[int | None]
