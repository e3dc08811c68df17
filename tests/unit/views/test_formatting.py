"""Dates, times, weekdays, fees and working days in each language, with the real catalogues."""
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from pyramid.i18n import make_localizer

from guide.hours.status import TZ, Status
from guide.i18n import LOCALES_BY_TAG, compile_catalogues
from guide.views.formatting import date_text, fee, hours_lines, status_text, working_days
from guide.models import Schedule, ScheduleInterval

LOCALES = Path(__file__).resolve().parents[3] / "locales"


@pytest.fixture(scope="module")
def localizers():
    compile_catalogues(LOCALES)
    return {tag: (make_localizer(loc.gettext, [str(LOCALES)]), loc) for tag, loc in LOCALES_BY_TAG.items()}


def test_working_days(localizers):
    assert working_days(localizers["zh-Hans"][0], 5) == "5个工作日"
    assert working_days(localizers["en"][0], 5) == "5 working days"
    assert working_days(localizers["en"][0], 1) == "1 working day"
    assert working_days(localizers["en"][0], 0) == "On the spot"


def test_saturday_hours_line(localizers):
    schedule = Schedule(intervals=[ScheduleInterval(weekday=5, opens=dt.time(9), closes=dt.time(12))])
    assert hours_lines(localizers["zh-Hans"][0], schedule) == ["周六 09:00–12:00"]
    assert hours_lines(localizers["en"][0], schedule) == ["Sat 09:00–12:00"]
    assert hours_lines(localizers["zh-Hant"][0], schedule) == ["週六 09:00–12:00"]


def test_dates_fees_and_status(localizers):
    zh_localizer, zh = localizers["zh-Hans"]
    en_localizer, en = localizers["en"]
    assert date_text(zh, dt.date(2026, 11, 24)) == "2026年11月24日星期二"
    assert date_text(en, dt.date(2026, 11, 24)) == "Tuesday, 24 November 2026"
    assert fee(zh_localizer, zh, Decimal("120")) == "¥120.00"
    assert fee(en_localizer, en, Decimal("0")) == "Free"
    closed = Status(False, None, dt.datetime(2026, 11, 25, 9, 0, tzinfo=TZ), False, False, True)
    assert status_text(en_localizer, en, closed) == "Closed, opens Wed 25 Nov 09:00"
    assert status_text(zh_localizer, zh, closed) == "休息中，11月25日周三 09:00 开始办公"
    assert status_text(en_localizer, en, closed, today=dt.date(2026, 11, 25)) == "Closed, opens today at 09:00"
    open_ = Status(True, dt.datetime(2026, 11, 24, 17, 30, tzinfo=TZ), None, True, False, True)
    assert status_text(zh_localizer, zh, open_) == "正在办公，至 17:30"
