"""Formatting catalogue facts for readers, in the page's language."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache

from babel.dates import format_date, format_skeleton, format_time
from babel.numbers import format_currency

from pyramid.i18n import TranslationStringFactory

from ..hours import WEEKDAY_SHORT, compact_week

_ = TranslationStringFactory("guide")


def working_days(localizer, days: int) -> str:
    if days == 0:
        return localizer.translate(_("On the spot"))
    return localizer.pluralize("${n} working day", "${n} working days", days, domain="guide", mapping={"n": days})


def fee(localizer, loc, amount: Decimal) -> str:
    if not amount:
        return localizer.translate(_("Free"))
    return format_currency(amount, "CNY", locale=loc.babel)


def visits(localizer, count: int) -> str:
    if count == 0:
        return localizer.translate(_("No visit needed"))
    return localizer.pluralize("${n} visit", "${n} visits", count, domain="guide", mapping={"n": count})


def hours_lines(localizer, schedule) -> list[str]:
    """["Mon–Fri 09:00–12:00, 14:00–17:30", "Sat 09:00–12:00"] in the reader's language."""
    lines = []
    for first, last, spans in compact_week(schedule):
        days = localizer.translate(WEEKDAY_SHORT[first])
        if last != first:
            days += "–" + localizer.translate(WEEKDAY_SHORT[last])
        lines.append(f"{days} {', '.join(spans)}")
    return lines


def hours_by_schedule(localizer):
    """hours_lines for a page's schedules, each worked out once (windows share a handful)."""
    return lru_cache(maxsize=None)(lambda schedule: hours_lines(localizer, schedule))


def date_text(loc, date: dt.date) -> str:
    """24 November 2026 (Tuesday) / 2026年11月24日星期二, by Babel."""
    return format_date(date, format="full", locale=loc.babel)


def until_text(localizer, loc, instant: dt.datetime) -> str:
    """"Until Sat 19 Dec 18:00" / "截至12月19日周六 18:00", China time: when a notice ends."""
    from ..hours.status import TZ

    local = instant.astimezone(TZ)
    when = f"{format_skeleton('MMMEd', local, locale=loc.babel)} {format_time(local, 'HH:mm', locale=loc.babel)}"
    return localizer.translate(_("Until ${when}", mapping={"when": when}))


def status_text(localizer, loc, status, today: dt.date | None = None) -> str:
    """"Open now, until 17:30", "Closed, opens today at 14:00" or "Closed, opens Wed 25 Nov 09:00"
    in the reader's language."""
    if status.open:
        return localizer.translate(_("Open now, until ${time}",
                                     mapping={"time": format_time(status.closes_at, "HH:mm", locale=loc.babel)}))
    if status.next_open is None:
        return localizer.translate(_("Closed"))
    time = format_time(status.next_open, "HH:mm", locale=loc.babel)
    if status.next_open.date() == today:
        return localizer.translate(_("Closed, opens today at ${time}", mapping={"time": time}))
    when = f"{format_skeleton('MMMEd', status.next_open, locale=loc.babel)} {time}"
    return localizer.translate(_("Closed, opens ${when}", mapping={"when": when}))
