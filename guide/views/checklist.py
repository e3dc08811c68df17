"""The printable checklist of one item, shared by the public print page and a kiosk's."""
from __future__ import annotations

from ..catalogue.vocab import REQUIREMENTS
from ..forms import form_links
from ..hours.status import TZ
from ..i18n import _
from ..kiosk import PAPERS
from ..qr import public_url, qr_svg
from .formatting import date_text, hours_by_schedule
from .params import choice_param, params

#: ?format= of a print page, with its name
PRINT_FORMATS = dict(zip(PAPERS, (_("A4 page"), _("80 mm receipt roll"))))


def format_param(request, default: str = PAPERS[0]) -> str:
    return choice_param(request, "format", PRINT_FORMATS) or default


def checklist(request, item, places: list, fmt: str) -> dict:
    """What a print page shows: the materials, where to go (`places`, guide.kiosk.where.Place)
    with hours, and a QR code of the public guide."""
    localizer, loc = request.localizer, request.guide_locale
    return {
        "item": item,
        "format": fmt,
        "formats": PRINT_FORMATS,
        # The same print in another format, keeping the rest of the query (the reader's district).
        "format_url": lambda code: request.current_route_path(_query={**params(request), "format": code}),
        "places": places,
        "hours": hours_by_schedule(localizer),
        "requirements": REQUIREMENTS,
        **form_links(request, item),
        **guide_qr(request, item),
        "printed_on": date_text(loc, request.now.astimezone(TZ).date()),
    }


def guide_qr(request, item) -> dict:
    """The public guide's address and its QR code, for a phone to carry away."""
    url = public_url(request, "public.item", lang=request.guide_locale.url, code=item.code)
    return {"guide_url": url,
            "guide_qr": qr_svg(url, request.localizer.translate(_("QR code: this guide on your phone")))}
