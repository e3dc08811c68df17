import datetime as dt

from guide.hours import compact_week, opens_saturday, serves_through_noon, week
from guide.models import Schedule, ScheduleInterval


def schedule(spans_by_day):
    return Schedule(code="s", intervals=[
        ScheduleInterval(weekday=d, opens=dt.time.fromisoformat(a), closes=dt.time.fromisoformat(b))
        for d, spans in spans_by_day.items() for a, b in spans
    ])


STANDARD = {d: [("09:00", "12:00"), ("14:00", "17:30")] for d in range(5)}
NO_NOON = {d: [("09:00", "17:30")] for d in range(5)}


def test_standard_week_with_saturday():
    s = schedule({**STANDARD, 5: [("09:00", "12:00")]})
    assert compact_week(s) == [(0, 4, ["09:00–12:00", "14:00–17:30"]), (5, 5, ["09:00–12:00"])]
    assert opens_saturday(s)
    assert not serves_through_noon(s)
    assert week(s)[6].spans == []


def test_no_noon_break_hall():
    s = schedule(NO_NOON)
    assert serves_through_noon(s)
    assert not opens_saturday(s)
    assert compact_week(s) == [(0, 4, ["09:00–17:30"])]


def test_a_gap_splits_runs():
    s = schedule({0: [("09:00", "12:00")], 2: [("09:00", "12:00")]})
    assert compact_week(s) == [(0, 0, ["09:00–12:00"]), (2, 2, ["09:00–12:00"])]
