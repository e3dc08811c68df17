"""The audit log, for admins: newest first, filtered by user, item and dates (China time)."""
from __future__ import annotations

import datetime as dt

from pyramid.view import view_config

from ...audit import ACTIONS, PER_PAGE, SYSTEM, AuditFilters, events
from ...hours.status import TZ
from ...i18n import _
from ...workflow.service import CONTENT_FILES, SCHEDULER
from ..params import BadParameter, page_count, page_param, text_param
from .common import local_time
from .forms import LIMITS
from .guides import STATE_LABELS
from .users import ROLE_LABELS

FROM_LABEL, TO_LABEL = _("From (China date)"), _("To (China date)")
#: names of the parts of the system that act, as the log shows them
SYSTEM_ACTORS = {SCHEDULER: _("the scheduler"), CONTENT_FILES: _("content files")}


def describe(request, event) -> str:
    """An event's details in the reader's language: codes and instants are stored as data."""
    translate, detail = request.localizer.translate, event.detail
    if not detail:
        return ""
    try:
        if event.action == "guide.schedule" or (event.action == "guide.publish" and event.actor_name == SCHEDULER):
            when = local_time(request, dt.datetime.fromisoformat(detail))
            return translate(_("for ${time}", mapping={"time": when}))
        if event.action == "guide.restore":
            return translate(_("from revision ${n}", mapping={"n": detail}))
        if event.action == "user.role":
            old, new = detail.split(">")
            return f"{translate(ROLE_LABELS[old])} → {translate(ROLE_LABELS[new])}"
        if event.action == "guide.load":
            return translate(STATE_LABELS[detail])
    except (ValueError, KeyError):
        pass  # an older record's free text: shown as it is
    return detail


def _day(request, name: str, label) -> dt.date | None:
    raw = text_param(request, name, 10)
    if raw is None:
        return None
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        day = None
    if day is None or not 1900 <= day.year <= 2200:
        raise BadParameter(_("Give “${label}” as a date like 2026-11-29.",
                             mapping={"label": request.localizer.translate(label)}), name)
    return day


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), TZ).astimezone(dt.timezone.utc)


@view_config(route_name="editor.audit", request_method="GET", permission="admin",
             renderer="guide:templates/editor/audit.pt")
def audit_log(request):
    since, until = _day(request, "from", FROM_LABEL), _day(request, "to", TO_LABEL)
    filters = AuditFilters(
        user=(text_param(request, "user", LIMITS["username"]) or "").lower() or None,
        item=(text_param(request, "item", LIMITS["item"]) or "").upper() or None,
        since=_start_of(since) if since else None,
        # "to" includes that whole day
        until=_start_of(until + dt.timedelta(days=1)) if until else None,
    )
    page = page_param(request)
    total, rows = events(request.dbsession, filters, page)
    query = {k: v for k, v in {"user": filters.user, "item": filters.item, "from": since and since.isoformat(),
                               "to": until and until.isoformat()}.items() if v}
    return {"events": [(event, describe(request, event)) for event in rows], "total": total, "page": page,
            "pages": page_count(total, PER_PAGE), "query": query, "actions": ACTIONS, "system_actors": SYSTEM_ACTORS,
            "system_address": SYSTEM,
            "from_label": FROM_LABEL, "to_label": TO_LABEL}
