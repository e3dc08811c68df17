"""Best bets: items pinned to a query, managed with `guide best-bet` (and later the editor).

The database holds them; each item's index document carries its own (see documents.py), so a
search finds them without a database query.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import BestBet, Item
from .query import normalize_query


class BestBetError(ValueError):
    pass


def add(dbsession: Session, text: str, code: str, rank: int = 1) -> BestBet:
    query = normalize_query(text)
    if not query:
        raise BestBetError("the query is empty")
    item = dbsession.scalar(select(Item).where(Item.code == code))
    if item is None:
        raise BestBetError(f"no item with code {code}")
    bet = dbsession.scalar(select(BestBet).where(BestBet.query == query, BestBet.item_id == item.id))
    if bet is None:
        bet = BestBet(query=query, item=item, created_at=dt.datetime.now(dt.timezone.utc))
        dbsession.add(bet)
    bet.rank = rank
    dbsession.flush()
    return bet


def remove(dbsession: Session, text: str, code: str) -> bool:
    bet = dbsession.scalar(select(BestBet).join(BestBet.item)
                           .where(BestBet.query == normalize_query(text), Item.code == code))
    if bet is None:
        return False
    dbsession.delete(bet)
    return True


def all_bets(dbsession: Session) -> list[tuple[str, str, int]]:
    rows = dbsession.execute(select(BestBet.query, Item.code, BestBet.rank).join(BestBet.item)
                             .order_by(BestBet.query, BestBet.rank, Item.code))
    return [tuple(r) for r in rows]
