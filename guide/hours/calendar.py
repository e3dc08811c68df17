"""Mainland China's public holidays and make-up working days (调休), as data.

The days come from content/calendar/holidays.csv (seeded from the chinesecalendar package,
extended by hand when the State Council publishes a new year). A year with no rows is not
covered: for its dates the weekday rule is used, and answers say so.
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import CalendarDay

WORKWEEK = range(0, 5)


@dataclass(frozen=True)
class Day:
    kind: str
    name_zh: str
    name_en: str


@dataclass
class HolidayCalendar:
    days: dict[dt.date, Day] = field(default_factory=dict)

    def __post_init__(self):
        # Asked for every day a status or a deadline looks at: worked out once.
        self.years: set[int] = {d.year for d in self.days}

    def covers(self, date: dt.date) -> bool:
        return date.year in self.years

    def holiday(self, date: dt.date) -> Day | None:
        day = self.days.get(date)
        return day if day and day.kind == "holiday" else None

    def makeup_workday(self, date: dt.date) -> Day | None:
        day = self.days.get(date)
        return day if day and day.kind == "workday" else None

    def is_working_day(self, date: dt.date) -> bool:
        if self.holiday(date):
            return False
        return bool(self.makeup_workday(date)) or date.weekday() in WORKWEEK

    def upcoming(self, start: dt.date, days: int) -> list[tuple[dt.date, Day]]:
        """The holidays and make-up working days from `start` on, for `days` days, in order."""
        end = start + dt.timedelta(days=days)
        return sorted((date, day) for date, day in self.days.items() if start <= date < end)

    @classmethod
    def from_csv(cls, path: Path) -> "HolidayCalendar":
        return cls(dict(read_calendar_csv(path)))

    @classmethod
    def from_db(cls, dbsession: Session) -> "HolidayCalendar":
        return cls({d.date: Day(d.kind, d.name_zh, d.name_en) for d in dbsession.scalars(select(CalendarDay))})


def read_calendar_csv(path: Path) -> list[tuple[dt.date, Day]]:
    """The CSV's days, checked; raises ValueError naming the bad row."""
    days = []
    seen = set()
    with path.open(newline="", encoding="utf-8-sig") as f:
        for number, row in enumerate(csv.DictReader(f), start=2):
            try:
                date = dt.date.fromisoformat(row["date"])
            except (TypeError, ValueError):
                raise ValueError(f"{path.name} row {number}: '{row.get('date')}' is not a YYYY-MM-DD date") from None
            if row.get("kind") not in ("holiday", "workday"):
                raise ValueError(f"{path.name} row {number}: kind must be holiday or workday")
            if date in seen:
                raise ValueError(f"{path.name} row {number}: {date} appears twice")
            if row["kind"] == "workday" and date.weekday() in WORKWEEK:
                raise ValueError(f"{path.name} row {number}: {date} is a weekday; a make-up working day is a weekend day")
            seen.add(date)
            days.append((date, Day(row["kind"], row["name_zh"], row["name_en"])))
    return days


def load_calendar(dbsession: Session, path: Path) -> int:
    """Make the calendar in the database the CSV's days, writing only the days that differ."""
    days = dict(read_calendar_csv(path))
    stored = {row.date: row for row in dbsession.scalars(select(CalendarDay))}
    for date, row in stored.items():
        if date not in days:
            dbsession.delete(row)
    for date, day in days.items():
        row = stored.get(date)
        if row is None:
            dbsession.add(CalendarDay(date=date, kind=day.kind, name_zh=day.name_zh, name_en=day.name_en))
        elif Day(row.kind, row.name_zh, row.name_en) != day:
            row.kind, row.name_zh, row.name_en = day.kind, day.name_zh, day.name_en
    dbsession.flush()
    return len(days)
