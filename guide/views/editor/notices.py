"""Notices, for publishers: the list, adding one, and per notice changing or removing it. The
rules of a notice are guide.notices.check, the same as for content/notices/notices.csv."""
from __future__ import annotations

import datetime as dt

from pyramid.httpexceptions import HTTPSeeOther
from pyramid.view import view_config
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ...audit import record
from ...hours.status import TZ
from ...i18n import _
from ...models import Notice, ServiceCenter
from ...notices import MAX_TEXT, SEVERITIES, check, codes
from .common import actor, flash
from .forms import PUBLISH_AT_FORMAT, FormErrors, local_instant, text

#: the longest list of item codes the form takes
MAX_ITEMS_FIELD = 2_000


def _read(request):
    """(the notice's fields or None, {field: message}, what was typed) from the posted form."""
    post, errors = request.POST, FormErrors()
    typed = {name: text(post, name, limit, errors) for name, limit in (
        ("severity", 20), ("starts_at", 40), ("ends_at", 40), ("items", MAX_ITEMS_FIELD), ("text_zh", MAX_TEXT * 2),
        ("text_en", MAX_TEXT * 2))}
    typed["centers"] = [c for c in post.getall("centers") if isinstance(c, str)][:500]
    if errors:
        return None, errors, typed
    fields, problems = check(
        request.dbsession, severity=typed["severity"],
        starts_at=local_instant(typed["starts_at"], "starts_at", errors),
        ends_at=local_instant(typed["ends_at"], "ends_at", errors), text_zh=typed["text_zh"],
        text_en=typed["text_en"], center_codes=typed["centers"], item_codes=codes(typed["items"]))
    errors.update({k: v for k, v in problems.items() if k not in errors})
    return (None if errors else fields), errors, typed


def _typed_from(notice: Notice) -> dict:
    def local(instant: dt.datetime) -> str:
        return instant.astimezone(TZ).strftime(PUBLISH_AT_FORMAT)

    return {"severity": notice.severity, "starts_at": local(notice.starts_at), "ends_at": local(notice.ends_at),
            "items": " ".join(i.code for i in notice.items), "centers": [c.code for c in notice.centers],
            "text_zh": notice.text_zh, "text_en": notice.text_en}


def _page(request, **data) -> dict:
    request.response.status_int = 400 if data.get("errors") else 200
    centers = request.dbsession.scalars(select(ServiceCenter).order_by(ServiceCenter.code)).all()
    return {"severities": SEVERITIES, "centers": centers, "max_text": MAX_TEXT, "errors": {}, "typed": {}, **data}


def _state(notice: Notice, now: dt.datetime):
    if now < notice.starts_at:
        return _("upcoming")
    return _("current") if now < notice.ends_at else _("ended")


@view_config(route_name="editor.notices", request_method="GET", permission="publish",
             renderer="guide:templates/editor/notices.pt")
def notices(request):
    return _list(request)


def _list(request, **data) -> dict:
    listed = request.dbsession.scalars(select(Notice).options(selectinload(Notice.centers), selectinload(Notice.items))
                                       .order_by(Notice.ends_at.desc(), Notice.id.desc())).all()
    return _page(request, notices=[(n, _state(n, request.now)) for n in listed], **data)


@view_config(route_name="editor.notices", request_method="POST", permission="publish",
             renderer="guide:templates/editor/notices.pt")
def add_notice(request):
    fields, errors, typed = _read(request)
    if fields is None:
        return _list(request, errors=errors, typed=typed)
    notice = fields.apply(Notice(updated_at=request.now))
    request.dbsession.add(notice)
    request.dbsession.flush()
    record(request.dbsession, "notice.add", actor(request), request.now, subject=f"notice {notice.id}",
           detail=notice.text_zh[:200])
    flash(request, _("The notice is added."))
    return HTTPSeeOther(request.route_url("editor.notices"))


@view_config(route_name="editor.notice", request_method="GET", permission="publish",
             renderer="guide:templates/editor/notice.pt")
def notice(context, request):
    return _page(request, notice=context.notice, typed=_typed_from(context.notice))


@view_config(route_name="editor.notice", request_method="POST", permission="publish",
             renderer="guide:templates/editor/notice.pt")
def change_notice(context, request):
    notice, action = context.notice, request.POST.get("action")
    subject = f"notice {notice.id}"
    if action == "remove":
        record(request.dbsession, "notice.remove", actor(request), request.now, subject=subject,
               detail=notice.text_zh[:200])
        request.dbsession.delete(notice)
        flash(request, _("The notice is removed."))
        return HTTPSeeOther(request.route_url("editor.notices"))
    if action != "save":
        return _page(request, notice=notice, typed=_typed_from(notice),
                     errors={"form": _("Choose one of the form's buttons.")})
    fields, errors, typed = _read(request)
    if fields is None:
        return _page(request, notice=notice, errors=errors, typed=typed)
    fields.apply(notice).updated_at = request.now
    record(request.dbsession, "notice.change", actor(request), request.now, subject=subject,
           detail=notice.text_zh[:200])
    flash(request, _("The notice is saved."))
    return HTTPSeeOther(request.route_url("editor.notices"))
