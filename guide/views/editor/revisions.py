"""A guide's history: every revision with author, time and note; any two compared; an old
revision restored as a new draft."""
from __future__ import annotations

from pyramid.httpexceptions import HTTPNotFound, HTTPSeeOther
from pyramid.view import view_config

from ...i18n import _, localized
from ...workflow.diff import changed, diff
from ...workflow.render import markdown_to_html
from ...workflow.service import Conflict, GuideWorkflow, Submission, WorkflowError
from ..params import BadParameter, int_param
from .common import actor, flash, may_change_schedule, render
from .forms import MAX_NUMBER, FormErrors, number
from .guides import STATE_LABELS, conflict_page

def _guide(context, request):
    workflow = GuideWorkflow(request.dbsession, request.now)
    guide = workflow.find(context.item, context.locale.tag)
    return workflow, guide


def _common(context) -> dict:
    return {"item": context.item, "locale": context.locale, "state_labels": STATE_LABELS,
            "title": localized(context.item, "name", context.locale).value}


@view_config(route_name="editor.history", request_method="GET", permission="edit",
             renderer="guide:templates/editor/history.pt")
def history(context, request):
    workflow, guide = _guide(context, request)
    return {**_common(context), "revisions": workflow.history(guide) if guide else [],
            "guide": guide}


def _revision_number(request) -> int:
    try:
        value = int(request.matchdict["number"])
    except ValueError:
        raise HTTPNotFound() from None
    if not 1 <= value <= MAX_NUMBER:
        raise HTTPNotFound()
    return value


@view_config(route_name="editor.revision", request_method="GET", permission="edit",
             renderer="guide:templates/editor/revision.pt")
def revision(context, request):
    workflow, guide = _guide(context, request)
    found = workflow.revision(guide, _revision_number(request)) if guide else None
    if found is None:
        raise HTTPNotFound()
    return {**_common(context), "revision": found, "html": markdown_to_html(found.body),
            "base_revision": workflow.newest_number(guide)}


@view_config(route_name="editor.diff", request_method="GET", permission="edit",
             renderer="guide:templates/editor/diff.pt")
def compare(context, request):
    workflow, guide = _guide(context, request)
    newest = workflow.newest_number(guide)
    if not newest:
        raise HTTPNotFound()
    old_number = int_param(request, "from", max(1, newest - 1), 1, newest)
    new_number = int_param(request, "to", newest, 1, newest)
    old, new = workflow.revision(guide, old_number), workflow.revision(guide, new_number)
    if old is None or new is None:
        raise BadParameter(_("There is no such revision."), "from" if old is None else "to")
    tag = context.locale.tag
    summary, body = diff(old.summary, new.summary, tag), diff(old.body, new.body, tag)
    return {**_common(context), "old": old, "new": new, "summary_diff": summary, "body_diff": body,
            "same": not (changed(summary) or changed(body)), "newest": newest}


@view_config(route_name="editor.restore", request_method="POST", permission="edit")
def restore(context, request):
    errors = FormErrors()
    base = number(request.POST, "base_revision", errors)
    if errors:
        raise BadParameter(errors["base_revision"], "base_revision")
    old = _revision_number(request)
    workflow = GuideWorkflow(request.dbsession, request.now)
    try:
        draft = workflow.restore(context.item, context.locale.tag, old, base, actor(request),
                                 may_change_schedule(request, context))
    except Conflict as conflict:
        mine = workflow.revision(workflow.find(context.item, context.locale.tag), old)
        return render(request, "conflict.pt", conflict_page(
            context, request, Submission(mine.summary, mine.body, base), conflict.newest))
    except WorkflowError as e:
        raise BadParameter(e.message) from None
    flash(request, _("Revision ${old} is restored as a new draft, revision ${new}.",
                     mapping={"old": old, "new": draft.number}))
    return HTTPSeeOther(request.route_url("editor.guide", code=context.item.code, locale=context.locale.url))
