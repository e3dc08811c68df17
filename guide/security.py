"""Who may do what, declared once: the roles, the permission each editor route needs (views
name it), the ACL every editor resource carries; and the security policy, signed-cookie
sessions and CSRF that enforce it.
"""
from __future__ import annotations

import datetime as dt
import logging
import secrets
from dataclasses import dataclass

from pyramid.authentication import SessionAuthenticationHelper
from pyramid.authorization import ACLHelper, Allow, Authenticated, DENY_ALL, Everyone
from pyramid.csrf import SessionCSRFStoragePolicy
from pyramid.exceptions import ConfigurationError
from pyramid.session import SignedCookieSessionFactory
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from .settings import from_environment, is_production

log = logging.getLogger(__name__)

#: Each role has the permissions of the roles before it.
ROLES = ("editor", "publisher", "admin")

#: permission -> the least role that has it. Views name a permission; this decides who has it.
PERMISSIONS = {
    # dashboard, item search, the guide form (preview, save, submit), history, diff, restore,
    # one's own preferences, signing out
    "edit": "editor",
    # sending back, publishing, scheduling and cancelling a schedule, archiving; notices
    "publish": "publisher",
    # users and the audit log
    "admin": "admin",
}

#: The ACL of every editor resource (guide.resources).
EDITOR_ACL = [(Allow, f"role:{role}", permission) for permission, role in PERMISSIONS.items()] + [DENY_ALL]


class EditorContext:
    """What every editor resource is, for permission checks: also the context of an editor
    page that has none of its own (an error page)."""

    __acl__ = EDITOR_ACL

_LOOKUP_FAILED = "guide.user_lookup_failed"
_SESSION_SINCE = "guide.session_since"
SESSION_COOKIE = "guide_session"
#: a session ends after this long without a request
SESSION_TIMEOUT = 8 * 3600
#: and this long after signing in, however busy
SESSION_LIFETIME = dt.timedelta(hours=12)
MIN_SECRET_LENGTH = 32


def role_principals(role: str) -> list[str]:
    return [f"role:{r}" for r in ROLES[:ROLES.index(role) + 1]] if role in ROLES else []


@dataclass(frozen=True)
class Editor:
    """Who is signed in, as plain data. Pages and permission checks read this rather than the
    User row: it stays readable after the transaction has ended (an error page after a failed
    commit must still know whose page it is)."""

    id: int
    username: str
    role: str
    #: the editor's UI language, a tag from guide.i18n.KNOWN_LOCALES
    locale: str


def session_key(user, now: dt.datetime) -> str:
    # The session names the user, the account's session version (a password reset, signing out
    # or a disabled account ends every older session) and when it began (it lasts a day's work).
    return f"{user.id}:{user.session_version}:{int(now.timestamp())}"


class SecurityPolicy:
    def __init__(self):
        self.helper = SessionAuthenticationHelper()
        self.acl = ACLHelper()

    def identity(self, request):
        return request.editor

    def load_user(self, request):
        """The signed-in User row, for changes made in their name (None: nobody signed in)."""
        from .models import User

        key = self.helper.authenticated_userid(request)
        try:
            user_id, version, since = (int(part) for part in str(key).split(":"))
        except (TypeError, ValueError):
            return None
        if request.now - dt.datetime.fromtimestamp(since, dt.timezone.utc) > SESSION_LIFETIME:
            return None
        request.environ[_SESSION_SINCE] = since
        user = request.dbsession.scalar(select(User).where(User.id == user_id))
        if user is None or not user.active or user.session_version != version:
            return None
        return user

    def authenticated_userid(self, request):
        editor = request.editor
        return editor.id if editor is not None else None

    def permits(self, request, context, permission):
        principals = [Everyone]
        editor = request.editor
        if editor is not None:
            principals += [Authenticated, *role_principals(editor.role)]
        return self.acl.permits(context, principals, permission)

    def remember(self, request, user, now: dt.datetime, **kw):
        return self.helper.remember(request, session_key(user, now), **kw)

    def forget(self, request, **kw):
        return self.helper.forget(request, **kw)


def editor_of(request) -> Editor | None:
    # An error page about the database must not ask it again (and fail again): after one
    # failed look-up the request has no editor for what remains of it.
    if request.environ.get(_LOOKUP_FAILED):
        return None
    try:
        user = request.user
    except SQLAlchemyError:
        request.environ[_LOOKUP_FAILED] = True
        raise
    return None if user is None else Editor(user.id, user.username, user.role, user.locale)


def session_began(request) -> dt.datetime | None:
    """When the signed-in editor's session began (a renewed session keeps its end)."""
    since = request.environ.get(_SESSION_SINCE) if request.editor is not None else None
    return None if since is None else dt.datetime.fromtimestamp(since, dt.timezone.utc)


def claims_a_session(request) -> bool:
    """Whether the request's signed session names a user, without asking the database."""
    return SessionAuthenticationHelper().authenticated_userid(request) is not None


def secret_from(settings: dict) -> str:
    """GUIDE_SECRET, else the `guide.secret` setting. In production (GUIDE_ENV=production) there
    must be one; elsewhere a random one is made, and sessions end when the process does."""
    settings = from_environment(settings)  # as the app has (a no-op then); also for direct callers
    secret = settings.get("guide.secret")
    production = is_production(settings)
    if secret:
        if production and len(secret) < MIN_SECRET_LENGTH:
            raise ConfigurationError(f"GUIDE_SECRET must have at least {MIN_SECRET_LENGTH} characters")
        return secret
    if production:
        raise ConfigurationError("GUIDE_ENV=production needs a secret: set GUIDE_SECRET (or guide.secret), "
                                 f"at least {MIN_SECRET_LENGTH} random characters")
    log.warning("no GUIDE_SECRET: using a random one, so editors' sessions end when this process does")
    return secrets.token_urlsafe(48)


def session_factory(secret: str):
    options = dict(cookie_name=SESSION_COOKIE, httponly=True, samesite="Lax", timeout=SESSION_TIMEOUT,
                   reissue_time=SESSION_TIMEOUT // 10, hashalg="sha512")
    plain = SignedCookieSessionFactory(secret, secure=False, **options)
    secure = SignedCookieSessionFactory(secret, secure=True, **options)

    def factory(request):
        # Secure cookies when the request came over HTTPS.
        return (secure if request.scheme == "https" else plain)(request)

    return factory


def includeme(config):
    settings = config.get_settings()
    config.set_session_factory(session_factory(secret_from(settings)))
    policy = SecurityPolicy()
    config.set_security_policy(policy)
    config.add_request_method(policy.load_user, "user", reify=True)
    config.add_request_method(editor_of, "editor", reify=True)
    # Every state-changing request needs the session's token (form field csrf_token), and over
    # HTTPS a matching Origin or Referer.
    config.set_csrf_storage_policy(SessionCSRFStoragePolicy())
    config.set_default_csrf_options(require_csrf=True)
