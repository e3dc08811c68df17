"""Signing in and out. The answer to a failed login never tells whether the name exists, and
the throttle answers 429 before any password is checked."""
from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from babel.dates import format_timedelta

from pyramid.httpexceptions import HTTPSeeOther
from pyramid.security import forget, remember
from pyramid.view import forbidden_view_config, view_config
from sqlalchemy import select

from ... import audit
from ...accounts import names, passwords, throttle
from ...audit import Actor
from ...i18n import KNOWN_LOCALES, _
from ...models import User
from ..errors import MESSAGES, error_response
from ..params import CONTROL
from .common import actor, client_address, flash


#: how a name no account can have is counted and logged (it may hold what cannot be stored)
INVALID_NAME = "(invalid name)"


def safe_next(value) -> str | None:
    """Only a path inside the editor: never a redirect to another site, nor a broken header."""
    if not isinstance(value, str) or not value.startswith("/editor") or len(value) > 2000:
        return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or "\\" in value or CONTROL.search(value) or "\n" in value or "\r" in value:
        return None
    return value


def login_page(request, status: int = 200, message=None, username: str = ""):
    request.response.status_int = status
    next_path = safe_next(request.POST.get("next") if request.method == "POST" else request.GET.get("next"))
    return {"message": message, "username": username, "next": next_path, "locales": KNOWN_LOCALES}


@view_config(route_name="editor.login", request_method="GET", renderer="guide:templates/editor/login.pt")
def login_form(request):
    if request.editor is not None:
        return HTTPSeeOther(request.route_url("editor.home"))
    # A session now, so the form carries a CSRF token the POST can be checked against.
    request.session.get_csrf_token()
    return login_page(request)


@view_config(route_name="editor.login", request_method="POST", renderer="guide:templates/editor/login.pt")
def login(request):
    # Failures are returned, not raised: the transaction commits, and the failure is counted.
    post = request.POST
    typed, password = post.get("username", ""), post.get("password", "")
    if not isinstance(typed, str) or not isinstance(password, str) or not typed.strip() or not password:
        return login_page(request, 400, _("Enter your user name and password."))
    shown = CONTROL.sub("", typed)[:80]
    name = names.normalize(typed)
    # A name no account can have is checked and counted like any other, under one stand-in.
    name = name if names.is_valid(name) else INVALID_NAME
    address = client_address(request)
    wait = throttle.retry_after(request.dbsession, name, address, request.now)
    if wait:
        request.response.headers["Retry-After"] = str(wait)
        later = format_timedelta(dt.timedelta(seconds=wait), threshold=2, locale=request.guide_locale.babel)
        return login_page(request, 429, _("Too many failed sign-ins. Try again in ${wait}.",
                                          mapping={"wait": later}), shown)
    user = None if name == INVALID_NAME else request.dbsession.scalar(select(User).where(User.username == name))
    # The hash is checked even for an unknown name: both answers take as long.
    if not passwords.verify(user.password_hash if user else None, password) or not user.active:
        throttle.record_failure(request.dbsession, name, address, request.now)
        audit.record(request.dbsession, "login.failure", Actor(None, name, address), request.now)
        return login_page(request, 400, _("The user name or password is not right."), shown)
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    throttle.clear(request.dbsession, name)
    user.last_login_at = request.now
    audit.record(request.dbsession, "login.success", Actor.of(user, address), request.now)
    # A new session for the signed-in editor: nothing set before login carries over.
    request.session.invalidate()
    headers = remember(request, user, now=request.now)
    request.session.new_csrf_token()
    return HTTPSeeOther(safe_next(post.get("next")) or request.route_url("editor.home"), headers=headers)


@view_config(route_name="editor.logout", request_method="POST", permission="edit")
def logout(request):
    audit.record(request.dbsession, "logout", actor(request), request.now)
    # A signed cookie cannot be taken back: a copy would still work. A new session version
    # ends every session of this account, the copies included.
    request.user.session_version += 1
    request.session.invalidate()
    flash(request, _("You are signed out, on every device."))
    return HTTPSeeOther(request.route_url("editor.login"), headers=forget(request))


@view_config(route_name="editor.root")
def editor_root(request):
    return HTTPSeeOther(request.route_url("editor.home"))


@forbidden_view_config()
def forbidden(request):
    """In the editor, not signed in: to the login page, coming back here after. Signed in, or
    outside the editor (a public form refused from another site): 403."""
    if not request.environ.get("PATH_INFO", "").startswith("/editor"):
        return error_response(request, 403, MESSAGES[403])
    if request.editor is None:
        flash(request, _("Sign in to continue."))
        path = request.path_qs if request.method == "GET" else request.path
        return HTTPSeeOther(request.route_url("editor.login", _query={"next": path}))
    return error_response(request, 403, _("Your role does not allow this. Ask an administrator if you need it."))
