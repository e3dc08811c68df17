"""Opening schedules: weekly intervals plus dated exceptions. All times are Asia/Shanghai."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, String, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .meta import Base


class Schedule(Base):
    __tablename__ = "schedules"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(300))
    closed_on_public_holidays: Mapped[bool] = mapped_column(default=True)

    intervals: Mapped[list[ScheduleInterval]] = relationship(
        back_populates="schedule",
        order_by="(ScheduleInterval.weekday, ScheduleInterval.opens)",
        cascade="all, delete-orphan",
    )
    exceptions: Mapped[list[ScheduleException]] = relationship(
        back_populates="schedule", order_by="ScheduleException.date", cascade="all, delete-orphan"
    )

    def intervals_on(self, weekday: int) -> list[ScheduleInterval]:
        return [i for i in self.intervals if i.weekday == weekday]


class ScheduleInterval(Base):
    """One opening interval on a weekday; a no-noon-break day has one, a normal day two."""

    __tablename__ = "schedule_intervals"

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("schedules.id", ondelete="CASCADE"), index=True)
    #: 0 = Monday ... 6 = Sunday (Python's weekday())
    weekday: Mapped[int]
    opens: Mapped[dt.time] = mapped_column(Time)
    closes: Mapped[dt.time] = mapped_column(Time)

    schedule: Mapped[Schedule] = relationship(back_populates="intervals")


class ScheduleException(Base):
    """A dated exception to one schedule: closed that day, or open with weekday hours."""

    __tablename__ = "schedule_exceptions"
    __table_args__ = (UniqueConstraint("schedule_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("schedules.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    #: "closed" or "workday" (a make-up working day that follows weekday hours)
    kind: Mapped[str] = mapped_column(String(20))
    note_zh: Mapped[str | None] = mapped_column(String(200))
    note_en: Mapped[str | None] = mapped_column(String(300))

    schedule: Mapped[Schedule] = relationship(back_populates="exceptions")


class CalendarDay(Base):
    """A day of mainland China's official calendar that differs from the weekday rule."""

    __tablename__ = "calendar_days"

    date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    #: "holiday" (a public holiday, closed) or "workday" (a make-up working day on a weekend)
    kind: Mapped[str] = mapped_column(String(20))
    name_zh: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(200))
