"""Keep the index in step with the database, in three steps (warehouse's pattern, made durable):

1. On flush, the ids of items whose indexed text changed go into the search journal, a table,
   in the same transaction as the change: they commit together or not at all.
2. After the commit, the search service is told. In the app a background thread indexes, so
   no request waits for the index's writer lock; scripts index before they exit.
3. The indexer writes the journalled items and deletes the rows it wrote. Any process on the
   database may do it: a change made by one process or a command reaches every index.

A backend whose index lives in the database itself (PostgreSQL) needs no journal: its sessions
keep the changed items in `session.info` and the backend writes them just before the commit,
in the same transaction.
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from copy import copy

from sqlalchemy import event, inspect, select

from ..models import (BestBet, Department, Guide, Item, ItemTopic, Material, SearchJournal, ServiceCenter,
                      Window)

log = logging.getLogger(__name__)
WRITTEN = "search.journal_written"
#: set on the sessions of a backend that writes its index in the content's transaction
IN_TRANSACTION = "search.in_transaction"
#: the items this transaction changed so far, for such a backend (None in it: every item)
CHANGED = "search.changed"


def _changed(session, obj, added_or_deleted: bool) -> bool:
    if isinstance(obj, Guide):
        # Drafts come and go unseen by readers (and the index): only the published pointer counts.
        return obj in session.deleted or inspect(obj).attrs.published_revision.history.has_changes()
    return added_or_deleted or session.is_modified(obj)


def _item_ids(session) -> set[int | None] | None:
    """The items this flush changed (None in the set: every item)."""
    ids: set[int | None] = set()
    # session.new and .deleted make a new set at each call: once per flush (an import adds
    # thousands of objects), not once per object.
    changes = [(obj, True) for obj in (*session.new, *session.deleted)] + [(obj, False) for obj in session.dirty]
    for obj, added_or_deleted in changes:
        if not isinstance(obj, (Item, Material, ItemTopic, Guide, BestBet, Department, Window, ServiceCenter)):
            continue
        if not _changed(session, obj, added_or_deleted):
            continue
        if isinstance(obj, Item):
            ids.add(obj.id)
        elif isinstance(obj, Department):
            ids.update(session.scalars(select(Item.id).where(Item.department_id == obj.id)))
        elif isinstance(obj, (Window, ServiceCenter)):
            # Which centers accept an item is a facet: a change to windows touches every item.
            return {None}
        else:
            ids.add(obj.item_id)
    return ids


def _journal(session, flush_context) -> None:
    ids = _item_ids(session)
    if not ids:
        return
    if session.info.get(IN_TRANSACTION):
        session.info.setdefault(CHANGED, set()).update(ids)
        return
    # Core, on the flush's own connection: adding ORM objects here would need another flush.
    session.connection().execute(SearchJournal.__table__.insert(), [{"item_id": i} for i in sorted(
        ids, key=lambda i: -1 if i is None else i)])
    session.info[WRITTEN] = True


def _forget(session, transaction) -> None:
    """The outermost transaction ended (committed, rolled back or closed): what it noted goes.
    (Not a savepoint's end: the changes before it are still to be written.)"""
    if transaction.parent is None:
        session.info.pop(WRITTEN, None)
        session.info.pop(CHANGED, None)


@contextmanager
def changes_discarded(session):
    """Around work that is then rolled back to a savepoint (a dry run): what it noted for the
    search is forgotten, what the transaction noted before it is kept."""
    before = {key: copy(session.info[key]) for key in (CHANGED, WRITTEN) if key in session.info}
    try:
        yield
    finally:
        for key in (CHANGED, WRITTEN):
            session.info.pop(key, None)
        session.info.update(before)


def attach_journal(session_factory) -> None:
    """Every session from this factory journals the items its changes touch."""
    event.listen(session_factory, "after_flush", _journal)
    event.listen(session_factory, "after_transaction_end", _forget)


def attach(session_factory, service) -> None:
    """Tell the search service after each commit that wrote to the journal; or, for a backend
    that `writes_in_transaction`, have it write the changed items before each commit."""
    if getattr(service, "writes_in_transaction", False):
        _attach_in_transaction(session_factory, service)
        return

    def after_commit(session):
        if not session.info.pop(WRITTEN, False):
            return
        try:
            service.journal_written()
        except Exception:
            # The commit has happened and the journal keeps the work: a failed update must
            # not turn the commit into an error page. The next update takes it.
            log.exception("updating the search index after a commit failed; the journal keeps it")

    event.listen(session_factory, "after_commit", after_commit)


def _attach_in_transaction(session_factory, service) -> None:
    from ..content_version import bumped

    def after_begin(session, transaction, connection):
        session.info[IN_TRANSACTION] = True

    def before_commit(session):
        if session.in_nested_transaction():
            return  # a savepoint's release: the outermost commit writes
        # The last changes are flushed after this hook: flush them now, to include them.
        session.flush()
        changed = session.info.pop(CHANGED, None)
        if changed or bumped(session):
            service.write_in_transaction(session, changed or set())

    event.listen(session_factory, "after_begin", after_begin)
    event.listen(session_factory, "before_commit", before_commit)
