"""Data derived from content, loaded once per content version in each process and shared by
every request after: the holiday calendar, the centers with their windows and schedules.
What is kept must be read-only: plain values or ORM objects detached from their session with
everything the pages read loaded (`request.content_data(load)`; see guide.places.data).

A request inside a transaction begun outside it (the tests' doomed one) may see content not
committed yet, which the version cannot name: it loads its own copy, through its own
connection, the same way.
"""
from __future__ import annotations

import threading

from sqlalchemy.orm import Session

from .content_version import sees_only_committed


class ContentCache:
    def __init__(self, versions, session_factory):
        self.versions, self.session_factory = versions, session_factory
        #: load -> (version, what it returned)
        self._entries: dict = {}
        self._lock = threading.Lock()

    def get(self, request, load):
        """What `load(session)` returns for the content the request sees."""
        if not sees_only_committed(request.environ):
            own = request.environ.setdefault("guide.content_data", {})
            if load not in own:
                with Session(bind=request.dbsession.connection()) as session:
                    own[load] = load(session)
            return own[load]
        version = self.versions.current()
        entry = self._entries.get(load)
        if entry is None or entry[0] != version:
            with self._lock:  # one load per version, however many requests ask meanwhile
                entry = self._entries.get(load)
                if entry is None or entry[0] != version:
                    with self.session_factory() as session:
                        entry = self._entries[load] = (version, load(session))
        return entry[1]


def includeme(config):
    registry = config.registry
    cache = ContentCache(registry["content_version"], registry["dbsession_factory"])
    registry["content_cache"] = cache
    config.add_request_method(lambda request, load: cache.get(request, load), "content_data")
