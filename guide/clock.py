"""The one source of "now" for rules that depend on time (schedules, throttles, statuses).

The app reads it from the registry, so tests hand in a clock they can move instead of sleeping:
`main({}, **{"guide.clock": clock})` with any object that has `now()`.
"""
from __future__ import annotations

import datetime as dt


class SystemClock:
    def now(self) -> dt.datetime:
        """The current instant, timezone-aware (UTC)."""
        return dt.datetime.now(dt.timezone.utc)


def includeme(config):
    clock = config.get_settings().get("guide.clock") or SystemClock()
    config.registry["clock"] = clock
    # One instant per request: every rule in a request agrees on the time.
    config.add_request_method(lambda request: clock.now(), "now", reify=True)
