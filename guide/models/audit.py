"""The audit log: who did what, when and from where. Rows are only ever added."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text, event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from .meta import Base, UTCDateTime
from .users import User


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    #: e.g. "login.failure", "guide.publish", "user.role" (guide.audit.ACTIONS)
    action: Mapped[str] = mapped_column(String(40), index=True)
    #: the user who acted; None for a failed login, the scheduler or content files
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    #: the acting user's name at the time, or the name typed at a failed login, or "scheduler"
    actor_name: Mapped[str] = mapped_column(String(80), index=True)
    #: the client's address, or "cli" for the `guide` command
    address: Mapped[str] = mapped_column(String(64))
    item_code: Mapped[str | None] = mapped_column(String(40), index=True)
    locale: Mapped[str | None] = mapped_column(String(20))
    revision: Mapped[int | None]
    #: the user an account change was made to
    subject: Mapped[str | None] = mapped_column(String(80))
    #: details as short text (a role, a date, a comment)
    detail: Mapped[str | None] = mapped_column(Text)

    actor: Mapped[User | None] = relationship()


class AppendOnly(RuntimeError):
    """Raised on an attempt to change or delete an audit record."""


@event.listens_for(Session, "before_flush")
def _refuse_changes(session, flush_context, instances):
    # The database refuses too (triggers in migration 0005); this says so before any SQL.
    for obj in session.deleted:
        if isinstance(obj, AuditEvent):
            raise AppendOnly("audit events are never deleted")
    for obj in session.dirty:
        if isinstance(obj, AuditEvent) and session.is_modified(obj):
            raise AppendOnly("audit events are never changed")
