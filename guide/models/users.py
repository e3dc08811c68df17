"""Editorial users, and the failed logins the login throttle counts."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from .meta import Base, UTCDateTime


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: lower case; see guide.accounts.names
    username: Mapped[str] = mapped_column(String(80), unique=True)
    email: Mapped[str | None] = mapped_column(String(200))
    #: argon2 hash; never the password itself
    password_hash: Mapped[str | None] = mapped_column(String(300))
    #: "editor", "publisher" or "admin" (guide.security.ROLES)
    role: Mapped[str] = mapped_column(String(20), default="editor")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    #: the editor's UI language, a tag from guide.i18n.KNOWN_LOCALES
    locale: Mapped[str] = mapped_column(String(20), default="zh-Hans")
    #: bumped when the password is reset or the account disabled: older sessions stop working
    session_version: Mapped[int] = mapped_column(default=0)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class LoginFailure(Base):
    """A failed login, counted by name and by address (guide.accounts.throttle)."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the name as typed (normalised), whether or not such a user exists
    username: Mapped[str] = mapped_column(String(80), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
