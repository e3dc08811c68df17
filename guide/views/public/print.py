from pyramid.view import view_config

from ...kiosk.where import nearest_places
from ...places.interfaces import IPlacesService
from ...places.nearest import Origin
from ..checklist import checklist, format_param
from ..places_params import origin_param
from .items import NEAREST

@view_config(route_name="public.print", renderer="guide:templates/public/print.pt", request_method="GET")
def print_checklist(context, request):
    """/{lang}/items/{code}/print?format=a4|80mm: the nearest three centers to the reader's
    district or location, else to the municipal hall (the first center listed)."""
    item, places = context.item, request.find_service(IPlacesService)
    fmt = format_param(request)
    origin, from_center = origin_param(request), None
    accepting = places.windows_for_item(item)
    if origin is None and accepting:
        from_center = places.centers()[0]
        origin = Origin(from_center.lat, from_center.lon, "center", from_center.code)
    nearest = nearest_places(accepting, origin, request.now, request.holiday_calendar)[:NEAREST] if accepting else []
    return {**checklist(request, item, nearest, fmt), "from_center": from_center}
