"""Best bets: items pinned to a query, managed with `guide best-bet` and by publishers on the web
(/editor/search), seeded from content/search/best_bets.tsv.

The database holds them; each item's index document carries its own (see documents.py), so a
search finds them without a database query.
"""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import BestBet, Item
from .query import normalize_query


#: the longest query a best bet is pinned to, and the ranks among several on one query
MAX_QUERY = 100
MAX_RANK = 99
FILE_HEADER = ("# A query (as typed: it is normalized)\tthe item code pinned to the top of its results\t"
               "the order among several items pinned to one query (1 first)\n")


class BestBetError(ValueError):
    pass


def check(dbsession: Session, text: str, code: str, rank=1) -> tuple[tuple[str, Item, int] | None, dict]:
    """((the normalized query, the item, the rank), {}) or (None, {field: what is wrong})."""
    from ..i18n import _

    errors = {}
    query = normalize_query(text)
    if not query:
        errors["query"] = _("Type the query people search for.")
    elif len(query) > MAX_QUERY:
        errors["query"] = _("A query is at most ${n} characters.", mapping={"n": MAX_QUERY})
    item = dbsession.scalar(select(Item).where(Item.code == code.strip().upper())) if code.strip() else None
    if item is None:
        errors["code"] = _("There is no item with the code “${code}”.", mapping={"code": code.strip()[:40]})
    try:
        rank = int(rank)
    except (TypeError, ValueError):
        rank = 0
    if not 1 <= rank <= MAX_RANK:
        errors["rank"] = _("The order is a whole number from 1 to ${n}.", mapping={"n": MAX_RANK})
    return (None if errors else (query, item, rank)), errors


def add(dbsession: Session, text: str, code: str, rank: int = 1) -> BestBet:
    checked, errors = check(dbsession, text, code, rank)
    if checked is None:
        raise BestBetError("; ".join(e.interpolate() for e in errors.values()))
    query, item, rank = checked
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


def for_query(dbsession: Session, text: str) -> list[str]:
    """The codes of the items pinned to a query, in their order."""
    return [code for query, code, _rank in all_bets(dbsession) if query == normalize_query(text)]


def read_file(path: Path) -> list[tuple[str, str, int]]:
    """[(query, code, rank)] from a best bets file (content/search/best_bets.tsv)."""
    rows = []
    if path.exists():
        with path.open(encoding="utf-8") as f:
            for row in csv.reader(f, delimiter="\t"):
                if len(row) >= 2 and not row[0].startswith("#"):
                    rows.append((row[0], row[1].strip(), row[2].strip() if len(row) > 2 and row[2].strip() else "1"))
    return rows


def write_file(path: Path, bets: list[tuple[str, str, int]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(FILE_HEADER)
        for query, code, rank in bets:
            f.write(f"{query}\t{code}\t{rank}\n")


def load_best_bets(dbsession: Session, path: Path, overwrite: bool = False) -> int:
    """Seed best bets from a file (seeding.py's rule: add what the database lacks; a different
    rank replaces its own only with overwrite). A row naming no known item, or not a valid best
    bet, stops the load (the caller's transaction is all or nothing)."""
    existing = {(query, code): rank for query, code, rank in all_bets(dbsession)}
    written = 0
    for number, (text, code, rank) in enumerate(read_file(path), start=1):
        checked, errors = check(dbsession, text, code, rank)
        if checked is None:
            raise BestBetError(f"{path.name} row {number}: " + "; ".join(e.interpolate() for e in errors.values()))
        query, item, rank = checked
        known = existing.get((query, item.code))
        if known is None or (overwrite and known != rank):
            add(dbsession, query, item.code, rank)
            existing[(query, item.code)] = rank
            written += 1
    return written
