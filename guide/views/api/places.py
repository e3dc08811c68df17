"""JSON API v1: service centers, their live status, and the windows for an item."""
from pyramid.view import view_config

from ...i18n import all_names, localized
from ...places.acceptance import done_online
from ...places.interfaces import IPlacesService
from ...places.nearest import rank
from ..params import BadParameter, _
from ..places_params import at_param, origin_param
from .locale import api_locale


def _iso(value):
    return value.isoformat() if value else None


def _status(st) -> dict:
    return {"open": st.open, "closes_at": _iso(st.closes_at), "next_open": _iso(st.next_open),
            "noon_service": st.noon_service, "saturday_service": st.saturday_service,
            "calendar_covered": st.calendar_covered}


def _center(request, center, loc) -> dict:
    return {
        "code": center.code, "name": localized(center, "name", loc).value, "names": all_names(center),
        "kind": center.kind, "district": center.district.code,
        "address": localized(center, "address", loc).value, "lat": center.lat, "lon": center.lon,
        "phone": center.phone, "url": request.route_url("public.center", lang=loc.url, code=center.code),
        "status_url": request.route_url("api.center_status", code=center.code),
    }


@view_config(route_name="api.centers", renderer="json", request_method="GET")
def centers(request):
    loc = api_locale(request)
    return {"centers": [_center(request, c, loc) for c in request.find_service(IPlacesService).centers()]}


@view_config(route_name="api.center_status", renderer="json", request_method="GET")
def center_status(context, request):
    loc = api_locale(request)
    at = at_param(request)
    center = context.center
    overall, windows = request.find_service(IPlacesService).center_status(center, at, request.holiday_calendar)
    return {"center": center.code, "at": at.isoformat(), **_status(overall), "windows": [
        {"code": w.code, "label": localized(w, "label", loc).value, **_status(st)} for w, st in windows]}


@view_config(route_name="api.item_windows", renderer="json", request_method="GET")
def item_windows(context, request):
    loc = api_locale(request)
    origin = origin_param(request)
    if origin is None:
        raise BadParameter(_("Say where you are: lat and lon, or a district, or a center."), "lat")
    at = at_param(request)
    item = context.item
    places = request.find_service(IPlacesService)
    candidates = rank(places.windows_for_item(item), origin, at, request.holiday_calendar)
    return {
        "item": item.code,
        "online_only": done_online(item),
        "online_url": item.online_url,
        "origin": {"lat": origin.lat, "lon": origin.lon, "kind": origin.kind, "code": origin.code},
        "at": at.isoformat(),
        "centers": [{
            **_center(request, c.center, loc), "distance_km": c.distance_km, **_status(c.status),
            "reasons": sorted(c.reasons),
            "windows": [{"code": w.code, "label": localized(w, "label", loc).value, "reason": why}
                        for w, why in c.windows],
        } for c in candidates],
    }
