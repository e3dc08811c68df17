"""Account changes, for the `guide users` command and the admin pages alike: each is checked,
then written with its audit record."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import audit
from ..audit import Actor
from ..i18n import LOCALES_BY_TAG, _
from ..models import User
from ..security import ROLES
from . import names
from . import passwords
from .passwords import PasswordRejected, hash_password


class AccountError(ValueError):
    """A change the rules refuse; `message` is a translation string (str() gives the English)."""

    def __init__(self, message):
        self.message = message
        super().__init__(message.interpolate())


class WrongPassword(AccountError):
    """The current password given to change it was not right."""


class Accounts:
    def __init__(self, dbsession: Session, now: dt.datetime, actor: Actor):
        self.db = dbsession
        self.now = now
        self.actor = actor

    def get(self, name: str) -> User | None:
        return self.db.scalar(select(User).where(User.username == names.normalize(name)))

    def require(self, name: str) -> User:
        user = self.get(name)
        if user is None:
            raise AccountError(_("There is no user '${name}'.", mapping={"name": names.normalize(name)}))
        return user

    def all(self) -> list[User]:
        return list(self.db.scalars(select(User).order_by(User.username)))

    def add(self, name: str, role: str, password: str) -> User:
        name = names.normalize(name)
        if not names.is_valid(name):
            raise AccountError(_("A user name has 2 to 40 characters (a-z, digits, '.', '_' or '-') and starts with a letter or digit."))
        self._check_role(role)
        if self.get(name) is not None:
            raise AccountError(_("There is already a user '${name}'.", mapping={"name": name}))
        user = User(username=name, role=role, password_hash=self._hash(password), active=True, created_at=self.now,
                    locale="zh-Hans", session_version=0)
        self.db.add(user)
        self._record("user.add", user, role)
        return user

    def set_role(self, name: str, role: str) -> User:
        self._check_role(role)
        user = self.require(name)
        if role != "admin":
            self._keep_an_admin(user)
        if user.role != role:
            self._record("user.role", user, f"{user.role}>{role}")
            user.role = role
        return user

    def set_active(self, name: str, active: bool) -> User:
        user = self.require(name)
        if self.actor.user is not None and user.id == self.actor.user.id and not active:
            raise AccountError(_("You cannot disable your own account."))
        if not active:
            self._keep_an_admin(user)
        if user.active != active:
            user.active = active
            if not active:
                user.session_version += 1  # signs the user out everywhere
            self._record("user.enable" if active else "user.disable", user, None)
        return user

    def reset_password(self, name: str, password: str) -> User:
        """An administrator's (or the command's) new password for a user: their sessions end."""
        user = self.require(name)
        user.password_hash = self._hash(password)
        user.session_version += 1
        self._record("user.password", user, None)
        return user

    def change_own_password(self, user: User, current: str, new: str) -> None:
        """The user's own change: their other sessions end (the caller renews this one)."""
        if not passwords.verify(user.password_hash, current):
            self._record("user.own_password_failure", user, None)
            raise WrongPassword(_("Your current password is not right."))
        user.password_hash = self._hash(new)
        user.session_version += 1
        self._record("user.own_password", user, None)

    def set_locale(self, user: User, locale: str) -> None:
        if locale not in LOCALES_BY_TAG:
            raise AccountError(_("Unknown language '${locale}'.", mapping={"locale": locale}))
        user.locale = locale

    def _keep_an_admin(self, user: User) -> None:
        """Refuse the change that would leave no active administrator to manage accounts."""
        if user.role != "admin" or not user.active:
            return
        others = self.db.scalar(select(func.count(User.id)).where(User.role == "admin", User.active,
                                                                   User.id != user.id))
        if not others:
            raise AccountError(_("At least one active administrator must remain."))

    @staticmethod
    def _check_role(role: str) -> None:
        if role not in ROLES:
            raise AccountError(_("A role is one of: ${roles}.", mapping={"roles": ", ".join(ROLES)}))

    @staticmethod
    def _hash(password: str) -> str:
        try:
            return hash_password(password)
        except PasswordRejected as e:
            raise AccountError(e.message) from None

    def _record(self, action: str, user: User, detail: str | None) -> None:
        audit.record(self.db, action, self.actor, self.now, subject=user.username, detail=detail)
