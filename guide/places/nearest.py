"""The windows nearest to a reader that can accept an item, ranked by great-circle distance."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from ..hours import opens_saturday
from ..hours.calendar import HolidayCalendar
from ..hours.status import Status, combined, status

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Origin:
    lat: float
    lon: float
    #: what the reader chose: "location", "district" or "center"
    kind: str
    #: the district or center code, when that was the choice
    code: str | None = None


@dataclass
class Candidate:
    center: object
    #: [(window, reason)] of the windows at this center that accept the item
    windows: list
    #: None when the reader gave no origin
    distance_km: float | None
    status: Status

    @property
    def reasons(self) -> set[str]:
        return {why for _w, why in self.windows}

    @property
    def opens_saturday(self) -> bool:
        return any(opens_saturday(w.schedule) for w, _why in self.windows)


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


class StatusesAt:
    """Schedules' statuses at one instant, each worked out once: the windows of every center
    share a handful of schedules."""

    def __init__(self, at: dt.datetime, calendar: HolidayCalendar):
        self.at, self.calendar = at, calendar
        self._by_code: dict[str, Status] = {}

    def of(self, schedule) -> Status:
        found = self._by_code.get(schedule.code)
        if found is None:
            found = self._by_code[schedule.code] = status(schedule, self.at, self.calendar)
        return found

    def windows(self, windows) -> Status:
        """Windows together: open when any is."""
        by_schedule = {w.schedule.code: w.schedule for w in windows}
        return combined([self.of(s) for s in by_schedule.values()])


def rank(accepting: list, origin: Origin | None, at: dt.datetime, calendar: HolidayCalendar,
         statuses: StatusesAt | None = None) -> list[Candidate]:
    """Group accepting windows by center and order the centers by distance from the origin, or
    keep the windows' order without one (`statuses`: the caller's, when it asks for statuses at
    the same instant too)."""
    by_center: dict[int, list] = {}
    for window, why in accepting:
        by_center.setdefault(window.center.id, []).append((window, why))
    statuses = statuses or StatusesAt(at, calendar)
    candidates = [
        Candidate(center=pairs[0][0].center, windows=pairs,
                  distance_km=None if origin is None else round(great_circle_km(
                      origin.lat, origin.lon, pairs[0][0].center.lat, pairs[0][0].center.lon), 1),
                  status=statuses.windows([w for w, _ in pairs]))
        for pairs in by_center.values()
    ]
    if origin is None:
        return candidates
    return sorted(candidates, key=lambda c: (c.distance_km, c.center.code))
