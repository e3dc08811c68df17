"""The search request as both the page and the API read it from the query string."""
from __future__ import annotations

from sqlalchemy import select

from ..i18n import to_traditional
from ..catalogue.vocab import AUDIENCES, CROSS_SITE_MODE_NAMES, ITEM_TYPES
from ..models import Department, ServiceCenter
from ..search.interfaces import FACETS
from ..search.results import SearchRequest
from .params import BadParameter, _, choice_param, int_param, page_param, params

#: Longer queries are refused; up to this, they are searched in their first 200 characters.
MAX_QUERY_INPUT = 5000
MAX_PER_PAGE = 50
ONLINE = {"yes": _("Can be applied for online"), "no": _("Apply at a window")}


def facet_choices(request, labels: bool = True) -> dict:
    """Every facet's allowed values: with their labels (translation strings or data objects) for
    the page; for the API, departments and centers only as codes looked up when a filter names
    one (loading them for every search was a third of an API search's time)."""
    if labels:
        db = request.dbsession
        departments = {d.code: d for d in db.scalars(select(Department).order_by(Department.code))}
        centers = {c.code: c for c in db.scalars(select(ServiceCenter).order_by(ServiceCenter.code))}
    else:
        departments, centers = KnownCodes(request, Department), KnownCodes(request, ServiceCenter)
    return {
        "department": departments,
        "type": ITEM_TYPES,
        "audience": {k: v for k, v in AUDIENCES.items() if k != "both"},
        "online": ONLINE,
        "mode": CROSS_SITE_MODE_NAMES,
        "center": centers,
    }


class KnownCodes:
    """`code in KnownCodes(request, Model)`: whether a row with that code exists. The request's
    database session is only opened when a filter is given."""

    def __init__(self, request, model):
        self.request, self.model = request, model

    def __contains__(self, code) -> bool:
        return self.request.dbsession.scalar(select(self.model.id).where(self.model.code == code)) is not None


def search_request(request, lang: str, choices: dict, per_page: int | None = None) -> SearchRequest:
    text = params(request).get("q", "")
    if len(text) > MAX_QUERY_INPUT:
        raise BadParameter(_("The search text is too long: use at most ${n} characters.",
                             mapping={"n": MAX_QUERY_INPUT}), "q")
    filters = {facet: choice_param(request, facet, choices[facet]) for facet in FACETS}
    return SearchRequest(
        text=text,
        lang=lang,
        filters={k: v for k, v in filters.items() if v},
        page=page_param(request),
        per_page=per_page or int_param(request, "per_page", 20, 1, MAX_PER_PAGE),
    )


def hit_name(hit, tag: str) -> str:
    if tag == "en":
        return hit.name_en
    return to_traditional(hit.name_zh) if tag == "zh-Hant" else hit.name_zh


def hit_texts(hit, tag: str) -> dict:
    """A hit's name, department and snippet in the reader's language."""
    if tag == "en":
        return {"name": hit_name(hit, tag), "department": hit.department_en, "snippet": hit.snippet_html}
    convert = to_traditional if tag == "zh-Hant" else (lambda text: text)
    return {"name": hit_name(hit, tag), "department": convert(hit.department_zh),
            "snippet": convert(hit.snippet_html)}
