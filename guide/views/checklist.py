"""The printable checklist of one item, shared by the public print page and a kiosk's."""
from __future__ import annotations

from functools import lru_cache

from ..catalogue.vocab import REQUIREMENTS
from ..hours.status import TZ
from ..i18n import _
from ..qr import public_url, qr_svg
from .formatting import date_text, hours_lines, status_text
from .params import choice_param, params

#: ?format= of a print page: an A4 sheet, or an 80 mm receipt roll (kiosk printers)
PRINT_FORMATS = {"a4": _("A4 page"), "80mm": _("80 mm receipt roll")}


def format_param(request) -> str:
    return choice_param(request, "format", PRINT_FORMATS) or "a4"


def checklist(request, item, places: list, fmt: str) -> dict:
    """What a print page shows: the materials, where to go (`places`, guide.kiosk.where.Place)
    with hours, and a QR code of the public guide."""
    localizer, loc = request.localizer, request.guide_locale
    now = request.now.astimezone(TZ)
    guide_url = public_url(request, "public.item", lang=loc.url, code=item.code)
    return {
        "item": item,
        "format": fmt,
        "formats": PRINT_FORMATS,
        # The same print in another format, keeping the rest of the query (the reader's district).
        "format_url": lambda code: request.current_route_path(_query={**params(request), "format": code}),
        "places": places,
        "status": lambda place: status_text(localizer, loc, place.status, now.date()),
        "hours": lru_cache(maxsize=None)(lambda schedule: hours_lines(localizer, schedule)),
        "requirements": REQUIREMENTS,
        "guide_url": guide_url,
        "guide_qr": qr_svg(guide_url, localizer.translate(_("QR code: this guide on your phone"))),
        "printed_on": date_text(loc, now.date()),
    }
