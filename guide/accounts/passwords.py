"""Passwords: argon2id hashes (argon2-cffi), and the one rule for what a password may be."""
from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..i18n import _

MIN_LENGTH = 12
#: hashing a very long password is a way to spend the server's CPU
MAX_LENGTH = 1024

_hasher = PasswordHasher()


@lru_cache(maxsize=1)
def _unknown_user_hash() -> str:
    """Verified against when the name is unknown, so that answer takes as long as a wrong
    password. Made at the first sign-in, not at start-up (a quarter of a second)."""
    return _hasher.hash("this is not anybody's password")


class PasswordRejected(ValueError):
    def __init__(self, message):
        self.message = message
        super().__init__(message.interpolate())


def check_policy(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise PasswordRejected(_("A password needs at least ${n} characters.", mapping={"n": MIN_LENGTH}))
    if len(password) > MAX_LENGTH:
        raise PasswordRejected(_("A password may have at most ${n} characters.", mapping={"n": MAX_LENGTH}))
    if not password.strip():
        raise PasswordRejected(_("A password cannot be only spaces."))


def hash_password(password: str) -> str:
    check_policy(password)
    return _hasher.hash(password)


def verify(password_hash: str | None, password: str) -> bool:
    if len(password) > MAX_LENGTH:
        return False
    try:
        return _hasher.verify(password_hash or _unknown_user_hash(), password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """The hash was made with weaker parameters than today's: replace it at the next login."""
    return _hasher.check_needs_rehash(password_hash)
