"""The editor's home: what needs doing, and a way to any item's guide."""
from __future__ import annotations

from pyramid.view import view_config
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ...catalogue import provenance
from ...i18n import _
from ...models import Guide, Item
from ...search import search_service
from ...search.results import SearchRequest
from ...workflow import dashboard
from ...workflow.service import EDITABLE_LOCALES, guide_state
from ..params import page_count, page_param, text_param
from .forms import LIMITS
from .guides import STATE_LABELS

ITEMS_PER_PAGE = 20


@view_config(route_name="editor.home", request_method="GET", permission="edit",
             renderer="guide:templates/editor/dashboard.pt")
def home(request):
    db = request.dbsession
    saved = {"when": _("Saved at"), "when_field": "created_at", "who_field": "author"}
    published = {"when": _("Published at"), "when_field": "published_at", "who_field": "publisher"}
    return {
        "sections": [
            dict(id="mine", heading=_("My drafts"), listing=dashboard.my_drafts(db, request.editor.id),
                 empty=_("You have no drafts."), **saved),
            dict(id="review", heading=_("Waiting for review"), listing=dashboard.awaiting_review(db),
                 empty=_("Nothing is waiting for review."), **saved),
            dict(id="scheduled", heading=_("Scheduled publications"), listing=dashboard.scheduled(db),
                 empty=_("Nothing is scheduled."), when=_("Publishes at"), when_field="publish_at",
                 who_field="publisher"),
            dict(id="published", heading=_("Recently published"),
                 listing=dashboard.recently_published(db, request.now),
                 empty=_("Nothing was published in the last 30 days."), **published),
        ],
        "behind": dashboard.translations_behind(db),
        # guides whose item's facts an import changed, until confirmed or edited
        "flagged": provenance.flagged(db),
    }


@view_config(route_name="editor.items", request_method="GET", permission="edit",
             renderer="guide:templates/editor/items.pt")
def items(request):
    """Find an item by code, name, pinyin or words, and see where its guides stand."""
    query = text_param(request, "q", LIMITS["query"])
    page = page_param(request)
    found, total = [], 0
    if query:
        db = request.dbsession
        exact = db.scalar(select(Item).where(Item.code == query.upper(), Item.active))
        results = search_service(request).search(SearchRequest(
            text=query, lang=request.guide_locale.tag, page=page, per_page=ITEMS_PER_PAGE))
        codes = [h.code for h in results.hits]
        if exact is not None and page == 1:
            codes = [exact.code] + [c for c in codes if c != exact.code]
        total = max(results.total, len(codes))
        by_code = {i.code: i for i in db.scalars(select(Item).where(Item.code.in_(codes)))}
        guides = {(g.item_id, g.locale): g for g in db.scalars(
            select(Guide).where(Guide.item_id.in_([i.id for i in by_code.values()]))
            .options(selectinload(Guide.draft_revision), selectinload(Guide.published_revision)))}
        found = [(by_code[c], {tag: guide_state(guides.get((by_code[c].id, tag))) for tag in EDITABLE_LOCALES})
                 for c in codes if c in by_code]
    return {"query": query or "", "found": found, "total": total, "page": page, "editable": EDITABLE_LOCALES,
            "pages": page_count(total, ITEMS_PER_PAGE), "state_labels": STATE_LABELS}
