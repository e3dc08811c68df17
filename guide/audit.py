"""The audit log (after warehouse's `record_event`): every login, save, transition, schedule,
restore and account change, with who, when, what and from where. Only ever appended to."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .i18n import _
from .models import AuditEvent, User

#: action -> how the admin page names it
ACTIONS = {
    "login.success": _("Signed in"),
    "login.failure": _("Failed sign-in"),
    "logout": _("Signed out"),
    "guide.save": _("Saved a draft"),
    "guide.submit": _("Submitted for review"),
    "guide.send_back": _("Sent back"),
    "guide.publish": _("Published a guide"),
    "guide.schedule": _("Scheduled a publication"),
    "guide.cancel_schedule": _("Cancelled a schedule"),
    "guide.archive": _("Archived a guide"),
    "guide.restore": _("Restored a revision"),
    "guide.load": _("Loaded from content files"),
    "guide.source_confirmed": _("Confirmed a guide after its facts changed"),
    "user.add": _("Added a user"),
    "user.role": _("Changed a role"),
    "user.disable": _("Disabled a user"),
    "user.enable": _("Enabled a user"),
    "user.password": _("Set a user's password"),
    "user.own_password": _("Changed their own password"),
    "user.own_password_failure": _("Gave a wrong password to change it"),
    "notice.add": _("Added a notice"),
    "notice.change": _("Changed a notice"),
    "notice.remove": _("Removed a notice"),
    "bundle.add": _("Added a bundle"),
    "bundle.change": _("Changed a bundle"),
    "bundle.remove": _("Removed a bundle"),
    "catalogue.import": _("Imported the catalogue"),
    "form.attach": _("Attached a form to download"),
    "form.remove": _("Removed a form to download"),
    "synonym.put": _("Saved a synonym"),
    "synonym.remove": _("Removed a synonym"),
    "best_bet.put": _("Saved a best bet"),
    "best_bet.remove": _("Removed a best bet"),
}
PER_PAGE = 50
#: the address recorded for the system's own actions: no client can have it
SYSTEM = "system"


@dataclass(frozen=True)
class Actor:
    """Who acts: a signed-in user, or a named part of the system ("scheduler", "content files")."""

    user: User | None
    name: str
    #: the client's address, or "cli" for the `guide` command
    address: str

    @classmethod
    def of(cls, user: User, address: str | None) -> "Actor":
        return cls(user, user.username, address or "unknown")

    @classmethod
    def system(cls, name: str, address: str = SYSTEM) -> "Actor":
        """A part of the system ("scheduler", "content files"), or the `guide` command
        (address "cli")."""
        return cls(None, name, address)


def record(dbsession: Session, action: str, actor: Actor, at: dt.datetime, *, item_code: str | None = None,
           locale: str | None = None, revision: int | None = None, subject: str | None = None,
           detail: str | None = None) -> AuditEvent:
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    event = AuditEvent(at=at, action=action, actor=actor.user, actor_name=actor.name[:80], address=actor.address[:64],
                       item_code=item_code, locale=locale, revision=revision, subject=subject, detail=detail)
    dbsession.add(event)
    return event


@dataclass(frozen=True)
class AuditFilters:
    user: str | None = None
    item: str | None = None
    #: UTC instants, from inclusive, to exclusive
    since: dt.datetime | None = None
    until: dt.datetime | None = None


def events(dbsession: Session, filters: AuditFilters, page: int = 1) -> tuple[int, list[AuditEvent]]:
    """(total, one page of events), newest first."""
    conditions = []
    if filters.user:
        conditions.append(AuditEvent.actor_name == filters.user)
    if filters.item:
        conditions.append(AuditEvent.item_code == filters.item)
    if filters.since:
        conditions.append(AuditEvent.at >= filters.since)
    if filters.until:
        conditions.append(AuditEvent.at < filters.until)
    total = dbsession.scalar(select(func.count(AuditEvent.id)).where(*conditions))
    rows = dbsession.scalars(select(AuditEvent).where(*conditions).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
                             .offset((page - 1) * PER_PAGE).limit(PER_PAGE)).all()
    return total, list(rows)
