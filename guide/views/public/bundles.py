"""One-step bundles (一件事): the list, and a bundle's page (guide.bundles works out what it shows)."""
from pyramid.view import view_config

from ...bundles import coverage, load_bundles, longest_promise, merged_materials
from ...places.interfaces import IPlacesService
from ..formatting import working_days


@view_config(route_name="public.bundles", request_method="GET", renderer="guide:templates/public/bundles.pt")
def bundles(request):
    return {"bundles": load_bundles(request.dbsession)}


@view_config(route_name="public.bundle", request_method="GET", renderer="guide:templates/public/bundle.pt")
def bundle(context, request):
    bundle = context.bundle
    items = bundle.items
    longest = longest_promise(items)
    return {
        "bundle": bundle,
        "items": [(item, working_days(request.localizer, item.promised_limit_days)) for item in items],
        "materials": merged_materials(items),
        "coverage": coverage(request.find_service(IPlacesService), items),
        "longest": longest,
        "longest_days": working_days(request.localizer, longest.promised_limit_days) if longest else None,
    }
