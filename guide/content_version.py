"""The content version: one number that changes in the same transaction as any content a reader
sees (an import, load-content, a publish, a center's hours...), shared by every process on the
database. HTTP caching keys on it (guide.http_cache), so nothing is invalidated by hand.

Every session bumps it when a flush writes content models; code that writes content tables
with Core statements calls `bump` itself (guide.kiosk.popular). Each process reads it at most
every half second: one small query, outside any request's transaction.
"""
from __future__ import annotations

import threading
import time

from sqlalchemy import event, select, update

from .models import (BestBet, Bundle, BundleItem, CalendarDay, ContentVersion, Department, District, Guide, GuideRevision, Item,
                     ItemTopic, Material, MaterialForm, Notice, Schedule, ScheduleException, ScheduleInterval, ServiceCenter,
                     Synonym, TranslationSource, Window)

#: What readers see. (Users, the audit log, login failures and the search journal are not content.)
CONTENT_MODELS = (BestBet, Bundle, BundleItem, CalendarDay, Department, District, Guide, GuideRevision, Item, ItemTopic, Material, MaterialForm, Notice,
                  Schedule, ScheduleException, ScheduleInterval, ServiceCenter, Synonym, TranslationSource, Window)
_BUMPED = "content_version.bumped"
_COMMITTED_ONLY = "guide.sees_only_committed"
#: How stale a process's idea of the version may be, in seconds.
TTL = 0.5


def note_transaction(environ) -> None:
    """At the WSGI entry, before pyramid_tm sets tm.active for its own transaction: whether the
    request came inside a transaction begun outside the app (the tests' doomed one)."""
    environ[_COMMITTED_ONLY] = not environ.get("tm.active")


def sees_only_committed(environ) -> bool:
    """Whether a request sees only committed content, which the version names. One inside a
    transaction begun outside the app may see changes not committed yet: nothing cached by the
    version may be used or kept for it. (Unknown, outside the WSGI entry: no.)"""
    return environ.get(_COMMITTED_ONLY, False)


def bump(session) -> None:
    """Increment the version in this session's transaction, once per transaction."""
    if session.info.get(_BUMPED):
        return
    session.connection().execute(update(ContentVersion).where(ContentVersion.id == 1)
                                 .values(version=ContentVersion.version + 1))
    session.info[_BUMPED] = True


def bumped(session) -> bool:
    """Whether this session's transaction has changed content so far."""
    return bool(session.info.get(_BUMPED))


def _after_flush(session, flush_context) -> None:
    if any(isinstance(obj, CONTENT_MODELS) for obj in (*session.new, *session.deleted)) or any(
            isinstance(obj, CONTENT_MODELS) and session.is_modified(obj) for obj in session.dirty):
        bump(session)


def _transaction_ended(session, *args) -> None:
    session.info.pop(_BUMPED, None)


def _committed(session) -> None:
    global _commits_here
    if session.info.pop(_BUMPED, False):
        # This process changed content: its readers look again at once, so the page an editor
        # is sent to after publishing is never the one from before.
        _commits_here += 1


#: Commits in this process that changed the version (VersionReader rereads after one).
_commits_here = 0


def attach(session_factory) -> None:
    """Every session from this factory bumps the version when it writes content."""
    event.listen(session_factory, "after_flush", _after_flush)
    event.listen(session_factory, "after_commit", _committed)
    for name in ("after_rollback", "after_soft_rollback"):
        event.listen(session_factory, name, _transaction_ended)


class VersionReader:
    """The current version as this process knows it: read again once it is TTL old."""

    def __init__(self, engine, ttl: float = TTL, monotonic=time.monotonic):
        self.engine, self.ttl, self.monotonic = engine, ttl, monotonic
        self._value, self._read_at, self._seen = 0, float("-inf"), -1
        self._lock = threading.Lock()

    def current(self) -> int:
        if self._fresh():
            return self._value
        with self._lock:
            if not self._fresh():
                seen = _commits_here
                with self.engine.connect() as connection:
                    self._value = connection.scalar(select(ContentVersion.version).where(ContentVersion.id == 1)) or 0
                self._read_at, self._seen = self.monotonic(), seen
        return self._value

    def _fresh(self) -> bool:
        return self._seen == _commits_here and self.monotonic() - self._read_at < self.ttl


def includeme(config):
    config.registry["content_version"] = VersionReader(config.registry["dbengine"])
