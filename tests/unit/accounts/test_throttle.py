"""The throttle's rule, without a database: 5 failures within 15 minutes, then waits that double."""
import datetime as dt

from guide.accounts.throttle import wait_after

T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone.utc)


def at(*seconds):
    return [T0 + dt.timedelta(seconds=s) for s in seconds]


def test_four_failures_do_not_lock():
    assert wait_after(at(0, 10, 20, 30), T0 + dt.timedelta(seconds=31)) == 0


def test_the_fifth_within_the_window_locks_for_a_minute():
    assert wait_after(at(0, 10, 20, 30, 40), T0 + dt.timedelta(seconds=40)) == 60
    assert wait_after(at(0, 10, 20, 30, 40), T0 + dt.timedelta(seconds=70)) == 30
    assert wait_after(at(0, 10, 20, 30, 40), T0 + dt.timedelta(seconds=100)) == 0


def test_five_spread_over_more_than_fifteen_minutes_do_not_lock():
    assert wait_after(at(0, 300, 600, 899, 901), T0 + dt.timedelta(seconds=901)) == 0


def test_each_further_failure_doubles_the_wait_up_to_an_hour():
    failures = at(0, 1, 2, 3, 4)
    waits = []
    for _ in range(9):
        now = failures[-1] + dt.timedelta(seconds=wait_after(failures, failures[-1]) + 1)
        failures.append(now)
        waits.append(wait_after(failures, now))
    assert waits == [120, 240, 480, 960, 1920, 3600, 3600, 3600, 3600]


def test_no_failures_no_wait():
    assert wait_after([], T0) == 0


def test_a_quiet_spell_after_the_wait_forgives():
    failures = at(0, 1, 2, 3, 4)  # locked until 64 s
    later = T0 + dt.timedelta(seconds=64 + 15 * 60 + 1)
    assert wait_after([*failures, later], later) == 0  # one typo hours later does not lock
