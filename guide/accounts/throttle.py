"""The login throttle. After 5 failed logins for one name, or from one address, within 15
minutes, further attempts are refused with 429 and a Retry-After: first 60 seconds, then
doubling with each further failure, up to an hour. A successful login clears the name's count,
and a quiet spell (15 minutes beyond the last wait) forgives it.

Failures are rows in the database, so every process agrees, and a refusal is an answer, not a
sleeping thread. Attempts refused by the throttle are not checked and not counted.
"""
from __future__ import annotations

import datetime as dt
import math

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from ..models import LoginFailure

LIMIT = 5
WINDOW = dt.timedelta(minutes=15)
FIRST_WAIT = dt.timedelta(seconds=60)
MAX_WAIT = dt.timedelta(hours=1)
#: failures older than this are forgotten (and deleted)
LOOKBACK = dt.timedelta(hours=24)


def wait_after(failures: list[dt.datetime], now: dt.datetime) -> int:
    """Seconds until one more attempt is allowed after these failures (0: allowed now)."""
    level, until, recent = 0, None, []
    for at in sorted(failures):
        if level and at - until > WINDOW:
            level, recent = 0, []  # quiet long enough after the last wait: start again
        if level:
            level += 1  # every failure after the limit was reached doubles the wait
        else:
            recent = [t for t in recent if at - t < WINDOW] + [at]
            if len(recent) >= LIMIT:
                level = 1
        if level:
            until = at + min(MAX_WAIT, FIRST_WAIT * 2 ** (level - 1))
    if until is None or until <= now:
        return 0
    return math.ceil((until - now).total_seconds())


def retry_after(dbsession: Session, name: str, address: str, now: dt.datetime) -> int:
    """Seconds the name or the address must wait before the next attempt (0: none)."""
    rows = dbsession.execute(select(LoginFailure.username, LoginFailure.address, LoginFailure.at).where(
        or_(LoginFailure.username == name, LoginFailure.address == address), LoginFailure.at > now - LOOKBACK)).all()
    by_name = [at for username, _a, at in rows if username == name]
    by_address = [at for _u, addr, at in rows if addr == address]
    return max(wait_after(by_name, now), wait_after(by_address, now))


def record_failure(dbsession: Session, name: str, address: str, now: dt.datetime) -> None:
    dbsession.add(LoginFailure(username=name[:80], address=address[:64], at=now))
    dbsession.execute(delete(LoginFailure).where(LoginFailure.at <= now - LOOKBACK),
                      execution_options={"synchronize_session": False})


def clear(dbsession: Session, name: str) -> None:
    """After a successful login: the name's failures no longer count (nor against its address)."""
    dbsession.execute(delete(LoginFailure).where(LoginFailure.username == name),
                      execution_options={"synchronize_session": False})
