"""A hall's hours today, from its windows' schedules (the sample schedules, the real calendar)."""
import datetime as dt

import pytest

from guide.kiosk.where import hall_hours_today
from guide.models import ServiceCenter, Window

from ..hours.test_status import CALENDAR, S


def hall(center_schedule, *window_schedules):
    center = ServiceCenter(code="hall", schedule=center_schedule)
    center.windows = [Window(code=f"W{n}", own_schedule=s) for n, s in enumerate(window_schedules)]
    return center


@pytest.mark.parametrize("center, date, expected", [
    # Windows on the hall's hours and on its own, longer Saturday hours: one span each day.
    (hall(S["standard"], None, S["standard-saturday"]), "2026-11-24", ["09:00–12:00", "14:00–17:30"]),
    (hall(S["standard"], None, S["standard-saturday"]), "2026-11-28", ["09:00–12:00"]),
    # No noon break at one window: it covers the others' break, so the hall is open all day.
    (hall(S["standard"], None, S["no-noon-break"]), "2026-11-24", ["09:00–17:30"]),
    (hall(S["standard"], None), "2026-11-29", []),  # Sunday
    (hall(S["standard-saturday"], None), "2026-10-03", []),  # National Day, a Saturday
    (hall(S["no-noon-break"]), "2026-11-24", ["09:00–17:30"]),  # no windows: the hall's own hours
])
def test_hall_hours_today(center, date, expected):
    assert hall_hours_today(center, dt.date.fromisoformat(date), CALENDAR) == expected
