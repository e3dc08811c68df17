"""What every editor view needs: who is acting, messages for the next page, times in China."""
from __future__ import annotations

import datetime as dt

from babel.dates import format_datetime
from pyramid.renderers import render_to_response

from ...audit import Actor
from ...hours.status import TZ
from ...workflow.states import ACTIONS


def client_address(request) -> str:
    """The peer's address. Not X-Forwarded-For, which any client can write: behind a proxy,
    waitress's trusted_proxy settings (production.ini) put the real client here."""
    return request.remote_addr or "unknown"


def actor(request) -> Actor:
    return Actor.of(request.user, client_address(request))


def flash(request, message) -> None:
    """A message for the next page, translated now (the session keeps plain text)."""
    request.session.flash(request.localizer.translate(message))


def local_time(request, instant: dt.datetime | None) -> str:
    """An instant as China time in the editor's language, e.g. 2026年11月29日 14:05."""
    if instant is None:
        return ""
    return format_datetime(instant.astimezone(TZ), "medium", tzinfo=TZ, locale=request.guide_locale.babel)



def render(request, template: str, data: dict):
    """Another template than the view's, keeping the status the view set on request.response."""
    return render_to_response(f"guide:templates/editor/{template}", data, request=request, response=request.response)


def may_change_schedule(request, context) -> bool:
    """Changing a scheduled draft drops its schedule: whoever may cancel a schedule may do it."""
    return request.has_permission(ACTIONS["cancel_schedule"].permission, context)
