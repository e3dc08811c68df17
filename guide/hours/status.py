"""Open now, closes at, next opening: schedules read against the holiday calendar.

Rules (all times Asia/Shanghai): a public holiday is closed (also on a Saturday); a make-up
working day on a weekend follows the weekday (Monday) hours; a schedule's own dated exception
comes first; otherwise the weekday's intervals. An interval includes its opening minute and
excludes its closing minute.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from . import SATURDAY
from .calendar import HolidayCalendar

TZ = ZoneInfo("Asia/Shanghai")
MAKEUP_DAY_FOLLOWS = 0  # Monday's hours
NOON = (dt.time(12, 0), dt.time(14, 0))
LOOKAHEAD_DAYS = 60


@dataclass(frozen=True)
class Status:
    open: bool
    #: when the current opening ends (None when closed)
    closes_at: dt.datetime | None
    #: the next time it opens (None when open now, or nothing within 60 days)
    next_open: dt.datetime | None
    #: open across 12:00–14:00 today
    noon_service: bool
    #: opens on the Saturday of this week (today if it is Saturday)
    saturday_service: bool
    #: the holiday calendar has data for every date this answer used
    calendar_covered: bool


def local(at: dt.datetime) -> dt.datetime:
    return at.replace(tzinfo=TZ) if at.tzinfo is None else at.astimezone(TZ)


def day_intervals(schedule, date: dt.date, calendar: HolidayCalendar) -> list[tuple[dt.time, dt.time]]:
    for exception in schedule.exceptions:
        if exception.date == date:
            if exception.kind == "closed":
                return []
            return [(i.opens, i.closes) for i in schedule.intervals_on(MAKEUP_DAY_FOLLOWS)]
    if schedule.closed_on_public_holidays and calendar.holiday(date):
        return []
    weekday = MAKEUP_DAY_FOLLOWS if calendar.makeup_workday(date) else date.weekday()
    return [(i.opens, i.closes) for i in schedule.intervals_on(weekday)]


def _serves_noon(intervals) -> bool:
    return any(opens <= NOON[0] and closes >= NOON[1] for opens, closes in intervals)


def status(schedule, at: dt.datetime, calendar: HolidayCalendar) -> Status:
    at = local(at)
    today = at.date()
    now = at.time()
    used = {today}
    todays = day_intervals(schedule, today, calendar)
    closes_at = next_open = None
    for opens, closes in todays:
        if opens <= now < closes:
            closes_at = dt.datetime.combine(today, closes, TZ)
            break
    if closes_at is None:
        for offset in range(LOOKAHEAD_DAYS + 1):
            date = today + dt.timedelta(days=offset)
            used.add(date)
            later = [opens for opens, _c in day_intervals(schedule, date, calendar) if offset or opens > now]
            if later:
                next_open = dt.datetime.combine(date, min(later), TZ)
                break
    saturday = today + dt.timedelta(days=(SATURDAY - today.weekday()) % 7)
    used.add(saturday)
    return Status(
        open=closes_at is not None,
        closes_at=closes_at,
        next_open=next_open,
        noon_service=_serves_noon(todays),
        saturday_service=bool(day_intervals(schedule, saturday, calendar)),
        calendar_covered=all(calendar.covers(d) for d in used),
    )


def combined(statuses: list[Status]) -> Status:
    """A center with windows on different schedules: open when any window is."""
    open_now = [s for s in statuses if s.open]
    upcoming = [s.next_open for s in statuses if s.next_open]
    return Status(
        open=bool(open_now),
        closes_at=max(s.closes_at for s in open_now) if open_now else None,
        next_open=None if open_now else (min(upcoming) if upcoming else None),
        noon_service=any(s.noon_service for s in statuses),
        saturday_service=any(s.saturday_service for s in statuses),
        calendar_covered=all(s.calendar_covered for s in statuses),
    )


def expected_by(start: dt.date, working_days: int, calendar: HolidayCalendar) -> tuple[dt.date, bool]:
    """The date a promised time limit ends when applying on `start` (which does not count),
    and whether the calendar covered every day counted."""
    date, covered = start, calendar.covers(start)
    remaining = working_days
    while remaining > 0:
        date += dt.timedelta(days=1)
        covered = covered and calendar.covers(date)
        if calendar.is_working_day(date):
            remaining -= 1
    return date, covered
