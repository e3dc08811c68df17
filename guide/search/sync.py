"""Keep the index in step with the database: collect changed items on flush, index them only
after the commit (warehouse's pattern), forget them on rollback."""
from __future__ import annotations

import logging

from sqlalchemy import event, select

from ..models import BestBet, Department, Guide, Item, ItemTopic, Material, ServiceCenter, Window

log = logging.getLogger(__name__)
KEY = "search.dirty_item_ids"
ALL = "all"


def _collect(session, flush_context) -> None:
    dirty = session.info.setdefault(KEY, set())
    if ALL in dirty:
        return
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Item):
            dirty.add(obj.id)
        elif isinstance(obj, (Material, ItemTopic, Guide, BestBet)):
            dirty.add(obj.item_id)
        elif isinstance(obj, Department):
            dirty.update(session.scalars(select(Item.id).where(Item.department_id == obj.id)))
        elif isinstance(obj, (Window, ServiceCenter)):
            # Which centers accept an item is a facet: any change to windows touches every item.
            dirty.clear()
            dirty.add(ALL)
            return
    dirty.discard(None)


def _forget(session, *args) -> None:
    session.info.pop(KEY, None)


def attach(session_factory, service) -> None:
    def after_commit(session):
        dirty = session.info.pop(KEY, None)
        if not dirty:
            return
        try:
            if ALL in dirty:
                with session_factory() as fresh:
                    dirty = set(fresh.scalars(select(Item.id)))
            service.index_items(dirty)
        except Exception:
            # The commit has happened; a failed index update must not turn it into an error page.
            log.exception("updating the search index after a commit failed")

    event.listen(session_factory, "after_flush", _collect)
    event.listen(session_factory, "after_commit", after_commit)
    event.listen(session_factory, "after_rollback", _forget)
