"""An editor's own settings: the language of the editor's pages, and their password."""
from __future__ import annotations

from pyramid.httpexceptions import HTTPSeeOther
from pyramid.security import remember
from pyramid.view import view_config

from ...accounts import throttle
from ...accounts.service import AccountError, Accounts, WrongPassword
from ...i18n import KNOWN_LOCALES, _
from ...security import session_began
from .common import actor, client_address, flash


def preferences_page(request, error=None, status=200) -> dict:
    request.response.status_int = status
    return {"locales": KNOWN_LOCALES, "error": error}


@view_config(route_name="editor.preferences", request_method="GET", permission="edit",
             renderer="guide:templates/editor/preferences.pt")
def preferences(request):
    return preferences_page(request)


@view_config(route_name="editor.preferences", request_method="POST", permission="edit",
             renderer="guide:templates/editor/preferences.pt")
def save_preferences(request):
    post, user = request.POST, request.user
    accounts = Accounts(request.dbsession, request.now, actor(request))
    if post.get("action") == "password":
        # The current password is a login secret: guessed at under the login throttle's count.
        address = client_address(request)
        wait = throttle.retry_after(request.dbsession, user.username, address, request.now)
        if wait:
            request.response.headers["Retry-After"] = str(wait)
            return preferences_page(request, _("Too many wrong passwords. Try again later."), 429)
        current, new = post.get("current_password", ""), post.get("new_password", "")
        try:
            accounts.change_own_password(user, current if isinstance(current, str) else "",
                                         new if isinstance(new, str) else "")
        except WrongPassword as e:
            throttle.record_failure(request.dbsession, user.username, address, request.now)
            return preferences_page(request, e.message, 400)
        except AccountError as e:
            return preferences_page(request, e.message, 400)
        # This session goes on with the new password (and ends when it would have); all others end.
        headers = remember(request, user, now=session_began(request) or request.now)
        flash(request, _("Your password is changed. Your other sessions have ended."))
        return HTTPSeeOther(request.route_url("editor.preferences"), headers=headers)
    try:
        accounts.set_locale(user, str(post.get("locale", "")))
    except AccountError as e:
        return preferences_page(request, e.message, 400)
    flash(request, _("Your language is saved."))
    return HTTPSeeOther(request.route_url("editor.preferences"))
