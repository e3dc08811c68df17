"""Accounts, for admins: the list, adding a user, and per user the role, disabling and a new
password. The same rules as `guide users` (guide.accounts.service)."""
from __future__ import annotations

from pyramid.httpexceptions import HTTPSeeOther
from pyramid.view import view_config

from ...accounts.service import AccountError, Accounts
from ...i18n import _
from ...security import ROLES
from .common import actor, flash
from .forms import LIMITS, FormErrors, text

ROLE_LABELS = {"editor": _("Editor"), "publisher": _("Publisher"), "admin": _("Administrator")}
ROLE_HELP = {
    "editor": _("writes drafts and submits them for review"),
    "publisher": _("also reviews, publishes, schedules and archives"),
    "admin": _("also manages users and reads the audit log"),
}


def _accounts(request) -> Accounts:
    return Accounts(request.dbsession, request.now, actor(request))


def _field(request, name: str, max_len: int) -> str:
    """A field of the posted form, or AccountError saying what is wrong with it."""
    errors = FormErrors()
    value = text(request.POST, name, max_len, errors)
    if errors:
        raise AccountError(errors[name])
    return value


def users_page(request, error=None, values=None, status=200) -> dict:
    request.response.status_int = status
    return {"users": _accounts(request).all(), "roles": ROLES, "role_labels": ROLE_LABELS, "role_help": ROLE_HELP,
            "error": error, "values": values or {}}


@view_config(route_name="editor.users", request_method="GET", permission="admin",
             renderer="guide:templates/editor/users.pt")
def users(request):
    return users_page(request)


@view_config(route_name="editor.users", request_method="POST", permission="admin",
             renderer="guide:templates/editor/users.pt")
def add_user(request):
    name, role = request.POST.get("username", ""), request.POST.get("role", "")
    try:
        user = _accounts(request).add(_field(request, "username", LIMITS["username"]), _field(request, "role", 20),
                                      _field(request, "password", LIMITS["password"]))
    except AccountError as e:
        return users_page(request, e.message, {"username": name if isinstance(name, str) else "",
                                               "role": role if isinstance(role, str) else ""}, status=400)
    flash(request, _("User ${name} is added.", mapping={"name": user.username}))
    return HTTPSeeOther(request.route_url("editor.user", name=user.username))


def user_page(context, request, error=None, status=200) -> dict:
    request.response.status_int = status
    return {"account": context.user, "roles": ROLES, "role_labels": ROLE_LABELS, "role_help": ROLE_HELP,
            "error": error}


@view_config(route_name="editor.user", request_method="GET", permission="admin",
             renderer="guide:templates/editor/user.pt")
def user(context, request):
    return user_page(context, request)


@view_config(route_name="editor.user", request_method="POST", permission="admin",
             renderer="guide:templates/editor/user.pt")
def change_user(context, request):
    accounts, name = _accounts(request), context.user.username
    try:
        action = _field(request, "action", 20)
        if action == "role":
            accounts.set_role(name, _field(request, "role", 20))
            message = _("The role is changed.")
        elif action in ("disable", "enable"):
            accounts.set_active(name, action == "enable")
            message = _("The account is enabled.") if action == "enable" else _("The account is disabled.")
        elif action == "password":
            accounts.reset_password(name, _field(request, "password", LIMITS["password"]))
            message = _("The password is changed; the user is signed out everywhere.")
        else:
            return user_page(context, request, _("Choose one of the form's buttons."), status=400)
    except AccountError as e:
        return user_page(context, request, e.message, status=400)
    flash(request, message)
    return HTTPSeeOther(request.route_url("editor.user", name=name))
