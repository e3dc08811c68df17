"""Whether the database answers, as the app last found it: one log line when it stops (not a
traceback per request) and one when it answers again."""
from __future__ import annotations

import logging
import threading
import time

from sqlalchemy import event

log = logging.getLogger(__name__)


class Outage:
    def __init__(self, clock=time.monotonic):
        self.clock = clock
        #: when the database was first found not answering; None while it answers
        self.since: float | None = None
        self._lock = threading.Lock()

    def failed(self, where: str, error: BaseException) -> None:
        with self._lock:
            first, self.since = self.since is None, self.since or self.clock()
        if first:
            cause = getattr(error, "orig", None) or error
            # repr: a path or a driver's message must not start a line of its own in the log
            log.warning("database unavailable (first on %r): %r", where, str(cause).strip())

    def answered(self) -> None:
        if self.since is None:  # the usual case, without the lock
            return
        with self._lock:
            since, self.since = self.since, None
        if since is not None:
            log.warning("database answering again after %.1f s", self.clock() - since)

    def follow(self, engine) -> None:
        """Notice recovery from the engine's own statements."""
        event.listen(engine, "after_cursor_execute", lambda *args: self.answered())
