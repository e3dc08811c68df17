"""Open-now and next-opening, table-driven, on the sample schedules and the real calendar."""
import datetime as dt
import json
from pathlib import Path

import pytest

from guide.hours.calendar import HolidayCalendar
from guide.hours.status import TZ, combined, expected_by, status
from guide.models import Schedule, ScheduleInterval
from guide.places.loader import WEEKDAYS

CONTENT = Path(__file__).resolve().parents[3] / "content"
CALENDAR = HolidayCalendar.from_csv(CONTENT / "calendar" / "holidays.csv")


def schedules():
    data = json.loads((CONTENT / "centers" / "schedules.json").read_text(encoding="utf-8"))
    return {code: Schedule(code=code, closed_on_public_holidays=spec["closed_on_public_holidays"], intervals=[
        ScheduleInterval(weekday=WEEKDAYS.index(day), opens=dt.time.fromisoformat(a), closes=dt.time.fromisoformat(b))
        for day, spans in spec["weekly"].items() for a, b in spans]) for code, spec in data.items()}


S = schedules()
# What each hall is made of: its own schedule, and its livelihood windows' Saturday schedule.
MUNICIPAL = [S["no-noon-break"], S["no-noon-break-saturday"]]
HUICHENG = [S["standard"], S["standard-saturday"]]


def at(text):
    return dt.datetime.fromisoformat(text).replace(tzinfo=TZ)


def hall(schedules_, when):
    return combined([status(s, at(when), CALENDAR) for s in schedules_])


@pytest.mark.parametrize("schedules_, when, open_, closes, next_open", [
    # Tuesday lunchtime: the municipal hall has no noon break, the district hall closes 12:00–14:00.
    (MUNICIPAL, "2026-11-24T12:30", True, "2026-11-24T17:30", None),
    (HUICHENG, "2026-11-24T12:30", False, None, "2026-11-24T14:00"),
    # The exact minutes: opening included, closing excluded.
    (HUICHENG, "2026-11-24T09:00", True, "2026-11-24T12:00", None),
    (HUICHENG, "2026-11-24T12:00", False, None, "2026-11-24T14:00"),
    (HUICHENG, "2026-11-24T08:59", False, None, "2026-11-24T09:00"),
    (MUNICIPAL, "2026-11-24T17:30", False, None, "2026-11-25T09:00"),
    (MUNICIPAL, "2026-11-24T17:29", True, "2026-11-24T17:30", None),
    # Saturday morning: open at the livelihood windows only, until noon.
    (MUNICIPAL, "2026-11-28T10:00", True, "2026-11-28T12:00", None),
    (HUICHENG, "2026-11-28T10:00", True, "2026-11-28T12:00", None),
    (HUICHENG, "2026-11-28T12:00", False, None, "2026-11-30T09:00"),
    # National Day: closed everywhere until 8 October; the last day of the holiday too.
    (MUNICIPAL, "2026-10-01T10:00", False, None, "2026-10-08T09:00"),
    (HUICHENG, "2026-10-01T10:00", False, None, "2026-10-08T09:00"),
    (MUNICIPAL, "2026-10-07T16:00", False, None, "2026-10-08T09:00"),
    # Sunday 20 September and Saturday 10 October are make-up working days: weekday hours.
    (MUNICIPAL, "2026-09-20T13:00", True, "2026-09-20T17:30", None),
    (HUICHENG, "2026-09-20T13:00", False, None, "2026-09-20T14:00"),
    (HUICHENG, "2026-10-10T15:00", True, "2026-10-10T17:30", None),
    # A Saturday inside a holiday is closed even at the Saturday windows.
    (MUNICIPAL, "2026-10-03T10:00", False, None, "2026-10-08T09:00"),
    # Year boundary: 1–3 January 2026 are the New Year holiday, Sunday 4 January is made up.
    (MUNICIPAL, "2025-12-31T18:00", False, None, "2026-01-04T09:00"),
])
def test_status_table(schedules_, when, open_, closes, next_open):
    result = hall(schedules_, when)
    assert result.open is open_
    assert result.closes_at == (at(closes) if closes else None)
    assert result.next_open == (at(next_open) if next_open else None)


def test_noon_and_saturday_service():
    tuesday = "2026-11-24T10:00"
    assert status(S["no-noon-break"], at(tuesday), CALENDAR).noon_service
    assert not status(S["standard"], at(tuesday), CALENDAR).noon_service
    assert status(S["standard-saturday"], at(tuesday), CALENDAR).saturday_service
    assert not status(S["standard"], at(tuesday), CALENDAR).saturday_service
    # The Saturday of National Day week is a holiday: no Saturday service that week.
    assert not status(S["standard-saturday"], at("2026-09-29T10:00"), CALENDAR).saturday_service


def test_a_year_without_calendar_data_uses_the_weekday_rule_and_says_so():
    covered = status(S["standard"], at("2026-11-24T10:00"), CALENDAR)
    assert covered.calendar_covered
    # 1 January 2027 is New Year's Day, but 2027 is not in the data yet: weekday rule (Friday).
    result = status(S["standard"], at("2026-12-31T18:00"), CALENDAR)
    assert result.next_open == at("2027-01-01T09:00")
    assert result.calendar_covered is False


def test_times_in_other_zones_are_converted():
    utc = dt.datetime(2026, 11, 24, 4, 30, tzinfo=dt.timezone.utc)  # 12:30 in Huizhou
    assert status(S["no-noon-break"], utc, CALENDAR).open
    assert not status(S["standard"], utc, CALENDAR).open


@pytest.mark.parametrize("start, days, expected", [
    ("2026-11-24", 5, "2026-12-01"),   # Tuesday + 5 working days, over a weekend
    ("2026-11-24", 0, "2026-11-24"),   # on the spot
    ("2026-09-28", 3, "2026-10-08"),   # 29 and 30 September, then National Day, then 8 October
    ("2026-09-18", 1, "2026-09-20"),   # Friday + 1: the make-up Sunday is a working day
])
def test_expected_by(start, days, expected):
    date, covered = expected_by(dt.date.fromisoformat(start), days, CALENDAR)
    assert date == dt.date.fromisoformat(expected) and covered


def test_expected_by_into_an_uncovered_year():
    date, covered = expected_by(dt.date(2026, 12, 30), 3, CALENDAR)
    assert date == dt.date(2027, 1, 4) and covered is False
