"""Opening hours as data: weekly tables for pages (open-now and the holiday calendar come later)."""
from __future__ import annotations

from dataclasses import dataclass

from pyramid.i18n import TranslationStringFactory

_ = TranslationStringFactory("guide")

WEEKDAY_NAMES = (_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"),
                 _("Saturday"), _("Sunday"))
WEEKDAY_SHORT = (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))
SATURDAY = 5


@dataclass(frozen=True)
class DayHours:
    weekday: int
    #: ["09:00–12:00", "14:00–17:30"]; empty when closed
    spans: list[str]
    #: open across 12:00–14:00 without a break
    through_noon: bool


def span(opens, closes) -> str:
    """09:00–17:30"""
    return f"{opens:%H:%M}–{closes:%H:%M}"


def week(schedule) -> list[DayHours]:
    days = []
    for weekday in range(7):
        intervals = schedule.intervals_on(weekday)
        spans = [span(i.opens, i.closes) for i in intervals]
        through_noon = any(i.opens.hour < 12 and (i.closes.hour, i.closes.minute) >= (14, 0) for i in intervals)
        days.append(DayHours(weekday, spans, through_noon))
    return days


def opens_saturday(schedule) -> bool:
    return bool(schedule.intervals_on(SATURDAY))


def serves_through_noon(schedule) -> bool:
    return any(day.through_noon for day in week(schedule))


def compact_week(schedule) -> list[tuple[int, int, list[str]]]:
    """Runs of consecutive open days with the same hours: [(0, 4, [...]), (5, 5, [...])]."""
    runs: list[tuple[int, int, list[str]]] = []
    for day in week(schedule):
        if not day.spans:
            continue
        if runs and runs[-1][1] == day.weekday - 1 and runs[-1][2] == day.spans:
            runs[-1] = (runs[-1][0], day.weekday, day.spans)
        else:
            runs.append((day.weekday, day.weekday, day.spans))
    return runs


def includeme(config):
    from .calendar import HolidayCalendar

    # Read once per content version (editors may change it), not per request.
    config.add_request_method(lambda request: request.content_data(HolidayCalendar.from_db),
                              "holiday_calendar", reify=True)
