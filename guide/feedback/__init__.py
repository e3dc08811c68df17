"""Feedback on guide pages: "Is this page useful?" and "report a mistake", without an account.

Nothing about the reader is stored (guide.models.Feedback). Abuse is held back by rules on what
is written (a length limit, no links: most spam is links) and by a limit on how often one
address may send, counted in this process's memory only and forgotten after the window: an
address is personal data, and the database never sees it.
"""
from __future__ import annotations

import datetime as dt
import re
import threading
from collections import deque

from ..i18n import _
from ..views.params import CONTROL

MAX_TEXT = 1_000
#: a web address in any common form: refused, not stripped (the rest of such a text is spam too)
LINK = re.compile(r"(https?://|www\.|\b[a-z0-9-]+\.(com|cn|net|org|top|xyz|info|io|cc|me|vip)\b)", re.IGNORECASE)
#: at most LIMIT sendings from one address within WINDOW
LIMIT, WINDOW = 5, dt.timedelta(minutes=10)
#: addresses remembered at most (the oldest are let go first)
MAX_ADDRESSES = 10_000


def check_text(raw) -> tuple[str | None, object | None]:
    """(the reported mistake, None), or (None, what is wrong with it)."""
    if not isinstance(raw, str):
        return None, _("Write what is wrong in the box.")
    text = raw.replace("\r\n", "\n").strip()
    if not text:
        return None, _("Write what is wrong in the box.")
    if len(text) > MAX_TEXT:
        return None, _("This is too long: at most ${n} characters.", mapping={"n": MAX_TEXT})
    if LINK.search(text):
        return None, _("Links are not accepted here: describe the mistake in words.")
    if CONTROL.search(text):
        return None, _("This contains characters that are not allowed (control characters).")
    return text, None


class Throttle:
    """How often each address has sent within the window, in memory."""

    def __init__(self, limit: int = LIMIT, window: dt.timedelta = WINDOW):
        self.limit, self.window = limit, window
        self._sent: dict[str, deque] = {}
        self._lock = threading.Lock()

    def allow(self, address: str, now: dt.datetime) -> bool:
        with self._lock:
            times = self._sent.pop(address, None) or deque()
            while times and now - times[0] >= self.window:
                times.popleft()
            allowed = len(times) < self.limit
            if allowed:
                times.append(now)
            if times:
                self._sent[address] = times  # (re)inserted last: the dict is oldest first
            while len(self._sent) > MAX_ADDRESSES:
                self._sent.pop(next(iter(self._sent)))
            return allowed


def includeme(config):
    config.registry["feedback_throttle"] = Throttle()
