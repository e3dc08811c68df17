"""Where and when, from the query string: an origin for "nearest" and an instant for "open now"."""
from __future__ import annotations

import datetime as dt
import math

from ..hours.status import TZ
from ..places.interfaces import IPlacesService
from ..places.nearest import Origin
from .params import BadParameter, _, lookup_param, params, text_param


def _coordinate(request, name: str, limit: float) -> float:
    raw = params(request).get(name, "").strip()
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not -limit <= value <= limit:
        raise BadParameter(_("'${name}' must be a number from -${limit} to ${limit}.",
                             mapping={"name": name, "limit": int(limit)}), name)
    return value


#: The query parameters an origin is read from.
ORIGIN_PARAMS = ("lat", "lon", "district", "center")


def origin_param(request) -> Origin | None:
    """lat and lon (the browser's location), or a district, or a center (a kiosk's own)."""
    query = params(request)
    places = request.find_service(IPlacesService)
    if "lat" in query or "lon" in query:
        return Origin(_coordinate(request, "lat", 90), _coordinate(request, "lon", 180), "location")
    district = lookup_param(request, "district", places.get_district)
    if district is not None:
        return Origin(district.lat, district.lon, "district", district.code)
    center = lookup_param(request, "center", places.get_center)
    if center is not None:
        return Origin(center.lat, center.lon, "center", center.code)
    return None


#: the years `at` may name
AT_YEARS = (1900, 2200)


def at_param(request) -> dt.datetime:
    """`at` as ISO 8601 (Asia/Shanghai when it has no offset); now when absent."""
    raw = text_param(request, "at", 40)
    if raw is None:
        return request.now.astimezone(TZ)
    try:
        value = dt.datetime.fromisoformat(raw)
        value = value.replace(tzinfo=TZ) if value.tzinfo is None else value.astimezone(TZ)
    except (ValueError, OverflowError):  # 0001-01-01T00:00+14:00 falls before the first instant
        raise BadParameter(_("'at' must be a date and time in ISO 8601 form, such as 2026-11-24T12:30+08:00."),
                           "at") from None
    # Opening hours and calendars count days from it: far years overflow those sums.
    if not AT_YEARS[0] <= value.year <= AT_YEARS[1]:
        raise BadParameter(_("'at' must fall between the years ${first} and ${last}.",
                             mapping={"first": AT_YEARS[0], "last": AT_YEARS[1]}), "at")
    return value
