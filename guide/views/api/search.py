"""JSON API v1: search and the search box's suggestions."""
from pyramid.view import view_config

from ...i18n import KNOWN_LOCALES, localized, to_traditional
from ...search import search_service
from ..params import text_param
from ..search_params import facet_choices, hit_name, hit_texts, search_request
from .locale import api_locale


@view_config(route_name="api.search", renderer="json", request_method="GET")
def search(request):
    loc = api_locale(request)
    search_req = search_request(request, loc.tag, facet_choices(request, labels=False))
    results = search_service(request).search(search_req)
    # One URL generated, the rest filled in: route_url for every hit was a tenth of the time.
    item_url = request.route_url("public.item", lang=loc.url, code=CODE_SLOT).rsplit(CODE_SLOT, 1)
    return {
        "q": search_req.text,
        "lang": loc.tag,
        "total": results.total,
        "page": search_req.page,
        "per_page": search_req.per_page,
        "truncated_to": results.truncated_to,
        "did_you_mean": results.did_you_mean,
        "degraded": results.degraded,
        "partial": results.partial,
        "facets": {name: [{"value": v, "count": n} for v, n in values] for name, values in results.facets.items()},
        # a life event the query names: its bundle, shown above the items
        "bundles": [{"slug": b.slug, "title": localized(b, "title", loc).value,
                     "url": request.route_url("public.bundle", lang=loc.url, slug=b.slug)}
                    for b in request.bundle_finder.find(search_req.text)],
        "results": [_result(hit, loc, item_url) for hit in results.hits],
    }


#: Item codes are letters, digits and hyphens (catalogue validation), so they need no quoting.
CODE_SLOT = "CODE-SLOT"


def _result(hit, loc, item_url: list[str]) -> dict:
    texts = hit_texts(hit, loc.tag)
    return {
        "code": hit.code,
        "name": texts["name"],
        "names": {known.tag: hit_name(hit, known.tag) for known in KNOWN_LOCALES},
        "department": {"code": hit.department, "name": texts["department"]},
        "type": hit.type,
        "snippet": texts["snippet"],
        "url": hit.code.join(item_url),
        "score": hit.score,
        "best_bet": hit.best_bet,
        "materials_only": hit.materials_only,
    }


@view_config(route_name="api.suggest", renderer="json", request_method="GET")
def suggest(request):
    loc = api_locale(request)
    prefix = text_param(request, "q", 100) or ""
    # Life events first (their names, or the words for them), then items.
    bundles = [{"kind": "bundle", "slug": b.slug, "name": localized(b, "title", loc).value,
                "url": request.route_path("public.bundle", lang=loc.url, slug=b.slug)}
               for b in request.bundle_finder.complete(prefix)]
    found = search_service(request).suggest(prefix, loc.tag, 8 - len(bundles))
    return {"q": prefix, "suggestions": bundles + [{
        "kind": "item", "code": code, "name": to_traditional(name) if loc.tag == "zh-Hant" else name,
        "url": request.route_path("public.item", lang=loc.url, code=code),
    } for code, name in found]}
