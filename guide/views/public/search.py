from pyramid.view import view_config

from ...catalogue.vocab import ITEM_TYPES, TOPICS
from ...search import search_service
from ...search.interfaces import FACETS
from ..params import _, page_count
from ..search_params import facet_choices, hit_texts, search_request

FACET_TITLES = {
    "department": _("Department"), "type": _("Item type"), "audience": _("For"),
    "online": _("Online"), "mode": _("Where you can apply"), "center": _("Service center"),
}


@view_config(route_name="public.search", request_method="GET", renderer="guide:templates/public/search.pt")
def search(request):
    loc = request.guide_locale
    choices = facet_choices(request)
    search_req = search_request(request, loc.tag, choices, per_page=20)
    searched = bool(search_req.text.strip()) or bool(search_req.filters)
    results = search_service(request).search(search_req) if searched else None
    return {
        "q": search_req.text,
        # a life event the query names: its bundle above the items (first page only)
        "bundles": request.bundle_finder.find(search_req.text) if searched and search_req.page == 1 else [],
        "searched": searched,
        "results": results,
        "filters": search_req.filters,
        "page": search_req.page,
        "pages": page_count(results.total, search_req.per_page) if results else 1,
        "facets": FACETS,
        "facet_titles": FACET_TITLES,
        "choices": choices,
        "item_types": ITEM_TYPES,
        "topics": list(TOPICS.items())[:6],
        "rows": [(hit, hit_texts(hit, loc.tag)) for hit in results.hits] if results else [],
        "url": lambda **changes: _search_url(request, search_req, changes),
    }


def _search_url(request, search_req, changes) -> str:
    query = {"q": search_req.text, **search_req.filters}
    if "page" not in changes:
        changes["page"] = None
    query.update(changes)
    return request.route_path("public.search", lang=request.guide_locale.url,
                              _query={k: v for k, v in query.items() if v not in (None, "", 1)})
