"""The guide form at /editor/items/{code}/{locale}: the text, its preview, the catalogue facts
beside it (and for a translation, its Chinese source), and the workflow's buttons."""
from __future__ import annotations

from pyramid.httpexceptions import HTTPForbidden, HTTPSeeOther
from pyramid.view import view_config
from sqlalchemy import select

from ...audit import record
from ...catalogue import provenance
from ...catalogue.vocab import ITEM_TYPES, ONLINE_DEPTHS
from ...hours.status import TZ
from ...i18n import SOURCE_LOCALE, _, localized, to_traditional
from ...models import Guide
from ...workflow.diff import diff
from ...workflow.render import markdown_to_html
from ...workflow.service import (EDITABLE_LOCALES, Conflict, GuideWorkflow, Submission, WorkflowError, guide_state,
                                 is_stale, published_revisions)
from ...workflow.states import ACTIONS, SCHEDULED, offered
from ..formatting import fee, visits, working_days
from .common import actor, flash, may_change_schedule, render
from .forms import PUBLISH_AT_FORMAT, guide_form

#: the buttons, in the order the form shows them
ACTION_LABELS = {
    "preview": _("Preview"),
    "save": _("Save draft"),
    "submit": _("Submit for review"),
    "send_back": _("Send back to the author"),
    "publish": _("Publish now"),
    "schedule": _("Schedule"),
    "cancel_schedule": _("Cancel the schedule"),
    "archive": _("Archive"),
}
STATE_LABELS = {
    "draft": _("Draft"),
    "review": _("Waiting for review"),
    "scheduled": _("Scheduled"),
    "published": _("Published"),
    "superseded": _("Replaced"),
    "archived": _("Archived"),
}


def facts(request, item, locale) -> list[tuple[str, str, str | None]]:
    """The catalogue facts an editor writes about, read-only: (label, value, language of the
    value when it is catalogue text in the guide's language rather than UI text)."""
    localizer = request.localizer

    def text(obj, field):
        shown = localized(obj, field, locale)
        return (shown.value, shown.lang) if shown else ("", None)

    return [
        (_("Item code"), item.code, None),
        (_("Department"), *text(item.department, "name")),
        (_("Item type"), localizer.translate(ITEM_TYPES[item.item_type]), None),
        (_("Time limit (promised)"), working_days(localizer, item.promised_limit_days), None),
        (_("Time limit (legal)"), working_days(localizer, item.legal_limit_days), None),
        (_("Fee"), fee(localizer, request.guide_locale, item.fee_yuan), None),
        (_("Visits to a window"), visits(localizer, item.visits), None),
        (_("Online"), localizer.translate(ONLINE_DEPTHS[item.online_depth]), None),
        (_("Who can apply"), *text(item, "conditions")),
        (_("What you get"), *text(item, "result")),
    ]


def guide_page(context, request, form: Submission | None = None, errors: dict | None = None,
               preview: bool = False, status: int = 200) -> dict:
    item, locale = context.item, context.locale
    workflow = GuideWorkflow(request.dbsession, request.now)
    guide = workflow.find(item, locale.tag)
    working = workflow.working(guide)
    draft = guide.draft_revision if guide else None
    published = guide.published_revision if guide else None
    if form is None:
        form = Submission(summary=working.summary if working else "", body=working.body if working else "",
                          base_revision=workflow.newest_number(guide),
                          publish_at=draft.publish_at if draft is not None and draft.state == SCHEDULED else None)
    source = None
    if locale.tag != SOURCE_LOCALE.tag:
        source = published_revisions(request.dbsession, [item.id], [SOURCE_LOCALE.tag]).get(
            (item.id, SOURCE_LOCALE.tag))
    state = guide_state(guide)
    request.response.status_int = status
    return {
        "item": item,
        "locale": locale,
        "title": localized(item, "name", locale).value,
        "state": state,
        "state_labels": STATE_LABELS,
        "draft": draft,
        "published": published,
        "form": form,
        "publish_at": form.publish_at.astimezone(TZ).strftime(PUBLISH_AT_FORMAT) if form.publish_at else "",
        "errors": errors or {},
        "preview": {"summary": form.summary, "html": markdown_to_html(form.body)} if preview else None,
        "actions": [(name, label) for name, label in ACTION_LABELS.items()
                    if offered(name, draft.state if draft else None, published is not None,
                               may_change_schedule(request, context))
                    and request.has_permission(ACTIONS[name].permission, context)],
        "facts": facts(request, item, locale),
        "materials": [localized(m, "name", locale) for m in item.materials],
        "source": source,
        "source_html": markdown_to_html(source.body) if source else None,
        "behind": bool(published and source and is_stale(published.source_revision, source.number)),
    }


@view_config(route_name="editor.guide", request_method="GET", permission="edit",
             renderer="guide:templates/editor/guide.pt")
def guide_form_page(context, request):
    if context.locale.tag not in EDITABLE_LOCALES:
        return render(request, "converted.pt", converted_page(context, request))
    return guide_page(context, request)


@view_config(route_name="editor.guide", request_method="POST", permission="edit",
             renderer="guide:templates/editor/guide.pt")
def guide_form_post(context, request):
    if context.locale.tag not in EDITABLE_LOCALES:
        return render(request, "converted.pt", converted_page(context, request, status=400))
    action, form, errors = guide_form(request)
    if errors:
        return guide_page(context, request, form, errors, status=400)
    if action == "preview":
        return guide_page(context, request, form, preview=True)
    if not request.has_permission(ACTIONS[action].permission, context):
        raise HTTPForbidden()
    workflow = GuideWorkflow(request.dbsession, request.now)
    try:
        outcome = workflow.apply(context.item, context.locale.tag, action, form, actor(request),
                                 may_change_schedule(request, context))
    except Conflict as conflict:
        return render(request, "conflict.pt", conflict_page(context, request, form, conflict.newest))
    except WorkflowError as e:
        return guide_page(context, request, form, {e.field or "form": e.message}, status=400)
    if ACTIONS[action].saves_text:  # an edit: it clears the guide's "facts changed" flags
        clear_flags(request, context)
    flash(request, outcome.message)
    return HTTPSeeOther(request.route_url("editor.guide", code=context.item.code, locale=context.locale.url))


def clear_flags(request, context) -> int:
    guide = request.dbsession.scalar(select(Guide).where(Guide.item_id == context.item.id,
                                                         Guide.locale == context.locale.tag))
    return provenance.clear(request.dbsession, guide) if guide is not None else 0


@view_config(route_name="editor.source_holds", request_method="POST", permission="edit")
def source_holds(context, request):
    """An editor read what the import changed and confirms the guide still holds."""
    if clear_flags(request, context):
        record(request.dbsession, "guide.source_confirmed", actor(request), request.now, item_code=context.item.code,
               locale=context.locale.tag)
        flash(request, _("The guide is confirmed: it no longer waits for a check."))
    return HTTPSeeOther(request.route_url("editor.home") + "#h-facts")


def conflict_page(context, request, form: Submission, newest) -> dict:
    """Both texts, what differs, and the editor's own text in the form, now based on the
    newest revision: saving again is a choice made knowingly. 409: nothing was written."""
    data = guide_page(context, request, Submission(form.summary, form.body, newest.number, form.note, form.major,
                                                   form.publish_at), status=409)
    data.update(theirs=newest, summary_diff=diff(newest.summary, form.summary, context.locale.tag),
                body_diff=diff(newest.body, form.body, context.locale.tag))
    return data


def converted_page(context, request, status: int = 200) -> dict:
    """Traditional Chinese, read-only: the Simplified guide as readers get it converted."""
    item = context.item
    workflow = GuideWorkflow(request.dbsession, request.now)
    source = workflow.find(item, SOURCE_LOCALE.tag)
    request.response.status_int = status

    def converted(revision):
        if revision is None:
            return None
        return {"revision": revision, "summary": to_traditional(revision.summary),
                "html": markdown_to_html(to_traditional(revision.body))}

    return {
        "item": item,
        "locale": context.locale,
        "title": localized(item, "name", context.locale).value,
        "published": converted(source.published_revision if source else None),
        "draft": converted(source.draft_revision if source else None),
        "state_labels": STATE_LABELS,
    }
