from pyramid.view import view_config

from ...catalogue.interfaces import ICatalogueService
from ...catalogue.service import Filters
from ...forms import form_links
from ...catalogue.vocab import (AUDIENCES, CROSS_SITE_MODE_NAMES, CROSS_SITE_MODES, ITEM_TYPES, LEVELS,
                                ONLINE_DEPTHS, REQUIREMENTS, TOPICS)
from ...hours.status import TZ, expected_by
from ...places.acceptance import done_online
from ...places.interfaces import IPlacesService
from ...places.nearest import rank
from ...workflow.guides import published_guide
from ..formatting import date_text, fee, hours_by_schedule, status_text, visits, working_days
from ..params import choice_param, lookup_param, page_count, page_param, params
from ..places_params import ORIGIN_PARAMS, origin_param

#: How many of the nearest service centers the guide page lists before "all windows".
NEAREST = 3


def browse_filters(request):
    """(Filters, department, center): the department and center objects are the page's captions."""
    department = lookup_param(request, "department", request.find_service(ICatalogueService).get_department)
    center = lookup_param(request, "center", request.find_service(IPlacesService).get_center)
    filters = Filters(
        department=department.code if department else None,
        item_type=choice_param(request, "type", ITEM_TYPES),
        audience=choice_param(request, "audience", AUDIENCES),
        topic=choice_param(request, "topic", TOPICS),
        center=center.code if center else None,
    )
    return filters, department, center


@view_config(route_name="public.items", request_method="GET", renderer="guide:templates/public/items.pt")
def browse(request):
    filters, department, center = browse_filters(request)
    page = page_param(request)
    catalogue = request.find_service(ICatalogueService)
    total, items = catalogue.browse(filters, page)
    return {
        "filters": filters,
        "department": department,
        "center": center,
        "total": total,
        "items": items,
        "page": page,
        "pages": page_count(total, catalogue.per_page),
        "item_types": ITEM_TYPES,
        "audiences": AUDIENCES,
        "topics": TOPICS,
    }


@view_config(route_name="public.item", request_method="GET", renderer="guide:templates/public/item.pt")
def item_guide(context, request):
    item = context.item
    localizer = request.localizer
    loc = request.guide_locale
    places = request.find_service(IPlacesService)
    windows = places.windows_for_item(item)
    origin = origin_param(request)
    now = request.now.astimezone(TZ)
    calendar = request.holiday_calendar
    # Every center that accepts the item, nearest first when the reader said where they are.
    centers = [(c, status_text(localizer, loc, c.status, now.date())) for c in rank(windows, origin, now, calendar)]
    expected, covered = expected_by(now.date(), item.promised_limit_days, calendar)
    guide = published_guide(request.dbsession, item, request.guide_locale.tag)
    return {
        "origin": origin,
        # The district form is only shown when some window accepts the item.
        "districts": places.districts() if windows else [],
        "nearest": centers[:NEAREST] if origin else [],
        "centers": centers,
        "notice_rows": request.notice_board.for_item(item.code, [c.center.code for c, _status in centers]),
        # after a reader's feedback was stored (guide.views.public.feedback)
        "feedback": {"error": None, "text": "", "thanks": params(request).get("feedback") == "thanks"},
        "updated": date_text(loc, guide.published_at.astimezone(TZ).date()) if guide and guide.published_at else None,
        "deadline": {"date": date_text(loc, expected), "covered": covered},
        "item": item,
        "guide": guide,
        "windows": windows,
        "facts": {
            "promised": working_days(localizer, item.promised_limit_days),
            "legal": working_days(localizer, item.legal_limit_days),
            "fee": fee(localizer, loc, item.fee_yuan),
            "visits": visits(localizer, item.visits),
        },
        "item_type": ITEM_TYPES[item.item_type],
        "audience": AUDIENCES[item.audience],
        "level": LEVELS[item.level],
        "online_only": done_online(item),
        "mode_name": CROSS_SITE_MODE_NAMES[item.cross_site_mode],
        "mode_text": CROSS_SITE_MODES[item.cross_site_mode],
        "online_depth": ONLINE_DEPTHS[item.online_depth],
        "requirements": REQUIREMENTS,
        **form_links(request, item),
        "topics": TOPICS,
        "hours": hours_by_schedule(localizer),
        # The checklist lists the centers nearest to where the reader said they are, too.
        "print_url": lambda fmt: request.route_path(
            "public.print", lang=loc.url, code=item.code,
            _query={**{k: v for k, v in params(request).items() if k in ORIGIN_PARAMS}, "format": fmt}),
    }
