"""Where a citizen standing in one hall goes for an item: a window here, or the nearest center
that accepts it, with each window's hours today and whether it is open now."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..hours import span
from ..hours.calendar import HolidayCalendar
from ..hours.status import Status, TZ, day_intervals
from ..places.nearest import Candidate, Origin, StatusesAt, rank


@dataclass(frozen=True)
class WindowToday:
    window: object
    #: today's opening spans, "09:00–17:30" (none: closed all day)
    hours: list[str]
    status: Status


@dataclass(frozen=True)
class Place:
    center: object
    #: the hall the kiosk stands in
    here: bool
    distance_km: float
    #: the center's accepting windows together: open when any is
    status: Status
    windows: list[WindowToday]

    def by_schedule(self) -> list[tuple[object, list[str], list[str]]]:
        """[(schedule, window codes, floors)]: the windows that keep the same hours together,
        for a checklist that has to fit one page."""
        groups: dict[str, tuple] = {}
        for wt in self.windows:
            schedule, codes, floors = groups.setdefault(wt.window.schedule.code, (wt.window.schedule, [], []))
            codes.append(wt.window.code)
            if wt.window.floor and wt.window.floor not in floors:
                floors.append(wt.window.floor)
        return list(groups.values())


def where_to_apply(accepting: list, hall, at: dt.datetime, calendar: HolidayCalendar) -> Place | None:
    """This hall's windows that accept the item, else the nearest center's; None when no window
    accepts it (online only, or not listed anywhere)."""
    ranked = nearest_places(accepting, Origin(hall.lat, hall.lon, "center", hall.code), at, calendar)
    return next((p for p in ranked if p.here), ranked[0] if ranked else None)


def nearest_places(accepting: list, origin: Origin, at: dt.datetime, calendar: HolidayCalendar) -> list[Place]:
    statuses = StatusesAt(at, calendar)
    today = at.astimezone(TZ).date()
    return [_place(c, origin, today, statuses) for c in rank(accepting, origin, at, calendar, statuses)]


def _place(candidate: Candidate, origin: Origin, today: dt.date, statuses: StatusesAt) -> Place:
    windows = [
        WindowToday(window, [span(o, c) for o, c in day_intervals(window.schedule, today, statuses.calendar)],
                    statuses.of(window.schedule))
        for window, _why in candidate.windows
    ]
    return Place(candidate.center, origin.kind == "center" and candidate.center.code == origin.code,
                 candidate.distance_km, candidate.status, windows)


def hall_hours_today(center, date: dt.date, calendar: HolidayCalendar) -> list[str]:
    """When the hall is open on `date`: its windows' spans, overlapping ones merged."""
    schedules = {w.schedule.code: w.schedule for w in center.windows} or {center.schedule.code: center.schedule}
    merged: list[list] = []
    for opens, closes in sorted(i for s in schedules.values() for i in day_intervals(s, date, calendar)):
        if merged and opens <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], closes)
        else:
            merged.append([opens, closes])
    return [span(opens, closes) for opens, closes in merged]
