"""JSON API v1: the item catalogue."""
from pyramid.view import view_config

from ...catalogue.interfaces import ICatalogueService
from ...catalogue.service import Filters
from ...i18n import all_names, localized
from ..params import int_param, page_param
from .locale import api_locale

MAX_PER_PAGE = 100


def item_summary(request, item, loc) -> dict:
    return {
        "code": item.code,
        "name": localized(item, "name", loc).value,
        "names": all_names(item),
        "department": {"code": item.department.code, "name": localized(item.department, "name", loc).value},
        "type": item.item_type,
        "url": request.route_url("public.item", lang=loc.url, code=item.code),
    }


def item_detail(request, item, loc) -> dict:
    data = item_summary(request, item, loc)

    def text(obj, field):
        value = localized(obj, field, loc)
        return value.value if value else None

    data.update({
        "level": item.level,
        "audience": item.audience,
        "cross_site_mode": item.cross_site_mode,
        "legal_limit_days": item.legal_limit_days,
        "promised_limit_days": item.promised_limit_days,
        "fee_yuan": str(item.fee_yuan),
        "fee_note": text(item, "fee_note"),
        "visits": item.visits,
        "online_depth": item.online_depth,
        "online_url": item.online_url,
        "conditions": text(item, "conditions"),
        "result": text(item, "result"),
        "legal_basis": text(item, "legal_basis"),
        "phone": item.phone,
        "topics": item.topic_codes,
        "materials": [{
            "seq": m.seq, "name": text(m, "name"), "originals": m.originals, "copies": m.copies,
            "requirement": m.requirement, "blank_form": m.blank_form, "note": text(m, "note"),
        } for m in item.materials],
    })
    return data


@view_config(route_name="api.items", renderer="json", request_method="GET")
def items(request):
    loc = api_locale(request)
    page = page_param(request)
    per_page = int_param(request, "per_page", 20, 1, MAX_PER_PAGE)
    total, found = request.find_service(ICatalogueService).browse(Filters(), page, per_page)
    return {"total": total, "page": page, "per_page": per_page, "lang": loc.tag,
            "items": [item_summary(request, i, loc) for i in found]}


@view_config(route_name="api.item", renderer="json", request_method="GET")
def item(context, request):
    return item_detail(request, context.item, api_locale(request))
