"""The kiosk's screens: /kiosk/{center}/{lang}/ home, search, a guide, its print view."""
from babel.dates import format_time
from pyramid.httpexceptions import HTTPFound
from pyramid.view import view_config

from ...catalogue.interfaces import ICatalogueService
from ...catalogue.service import Filters
from ...catalogue.vocab import REQUIREMENTS, TOPICS
from ...hours.status import TZ
from ...i18n import localized
from ...kiosk.where import hall_hours_today, where_to_apply
from ...places.interfaces import IPlacesService
from ...qr import qr_svg
from ...search import search_service
from ...search.results import SearchRequest
from ...workflow.guides import published_guide
from ..checklist import checklist, format_param, guide_qr
from ..formatting import date_text, status_text
from ..public.home import topics
from ..params import _, choice_param, page_count, page_param, params, text_param
from ..search_params import hit_texts

#: What the on-screen keyboard types: pinyin (full and initials) and English are letters.
KEY_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
#: The keyboard's longest query (the search box says so too).
MAX_QUERY = 40
#: Results a screen shows at once: touch targets are large.
PER_PAGE = 8
#: How often the wall board shows the state of the windows anew.
BOARD_REFRESH_SECONDS = 60


@view_config(route_name="kiosk.start", request_method="GET")
@view_config(route_name="kiosk.start_bare", request_method="GET")
@view_config(route_name="kiosk.home_bare", request_method="GET")
def start(context, request):
    """/kiosk/{center}/ opens the hall's home in its default language (where idle returns)."""
    lang = request.matchdict.get("lang") or context.default_locale.url
    return HTTPFound(request.route_path("kiosk.home", center=context.center.code, lang=lang))


def _where(request, context, item):
    accepting = request.find_service(IPlacesService).windows_for_item(item)
    return where_to_apply(accepting, context.center, request.now, request.holiday_calendar)


@view_config(route_name="kiosk.home", renderer="guide:templates/kiosk/home.pt", request_method="GET")
def home(context, request):
    return {
        # What the hall's visitors must know now: the site's notices and the hall's own.
        "notice_rows": request.notice_board.for_center(context.center.code),
        "popular": context.center.popular_items,
        "topics": topics(request.find_service(ICatalogueService).facet_counts()),
    }


@view_config(route_name="kiosk.search", renderer="guide:templates/kiosk/search.pt", request_method="GET")
def search(context, request):
    """Typed letters (pinyin, its initials, English) or a life topic: rows of (code, name,
    department). The keys are links that work without scripts; kiosk.js types locally and
    refreshes the results as keys are pressed."""
    loc = request.guide_locale
    q = text_param(request, "q", MAX_QUERY) or ""
    # What was typed, trailing space included: the keys' links type on from it.
    typed = params(request).get("q", "")[:MAX_QUERY] if q else ""
    topic = choice_param(request, "topic", TOPICS)
    page = page_param(request)
    rows, total = [], 0
    if q:
        results = search_service(request).search(
            SearchRequest(text=q, lang=loc.tag, page=page, per_page=PER_PAGE))
        total = results.total
        rows = [(hit.code, texts["name"], texts["department"])
                for hit in results.hits for texts in (hit_texts(hit, loc.tag),)]
    elif topic:
        total, items = request.find_service(ICatalogueService).browse(Filters(topic=topic), page, PER_PAGE)
        rows = [(item.code, localized(item, "name", loc).value, localized(item.department, "name", loc).value)
                for item in items]
    return {
        "q": q,
        "typed": typed,
        "topic": topic,
        "topic_label": TOPICS.get(topic),
        "rows": rows,
        "total": total,
        "page": page,
        "pages": page_count(total, PER_PAGE),
        "key_rows": KEY_ROWS,
        "max_query": MAX_QUERY,
        "url": lambda **query: request.route_path(
            "kiosk.search", center=context.center.code, lang=loc.url,
            _query={k: v for k, v in query.items() if v not in (None, "", 1)}),
    }


@view_config(route_name="kiosk.item", renderer="guide:templates/kiosk/item.pt", request_method="GET")
def item(context, request):
    item, loc, localizer = context.item, request.guide_locale, request.localizer
    where = _where(request, context, item)
    today = request.now.astimezone(TZ).date()
    online = item.apply_online_url
    return {
        **guide_qr(request, item),
        "item": item,
        "requirements": REQUIREMENTS,
        "where": where,
        "status": lambda status: status_text(localizer, loc, status, today),
        "guide": published_guide(request.dbsession, item, loc.tag),
        "online_qr": qr_svg(online, localizer.translate(_("QR code: apply online on your phone"))) if online else None,
    }


@view_config(route_name="kiosk.print", renderer="guide:templates/kiosk/print.pt", request_method="GET")
def print_view(context, request):
    """The checklist as it prints here: this hall's windows (or the nearest hall's), on the
    hall's paper unless another is chosen."""
    where = _where(request, context, context.item)
    found = checklist(request, context.item, [where] if where else [], format_param(request, context.center.kiosk_paper))
    return {**found, "form_url": None}  # a shared screen downloads nothing: the forms are named only


@view_config(route_name="kiosk.board", renderer="guide:templates/kiosk/board.pt", request_method="GET")
def board(context, request):
    """The wall screen: today's hours, the windows open now and the most asked items."""
    places = request.find_service(IPlacesService)
    now = request.now.astimezone(TZ)
    overall, windows = places.center_status(context.center, now, request.holiday_calendar)
    localizer, loc = request.localizer, request.guide_locale
    return {
        "date": date_text(loc, now.date()),
        "time": format_time(now, "HH:mm", locale=loc.babel),
        "status": status_text(localizer, loc, overall, now.date()),
        "open": overall.open,
        "windows": [(w, s, status_text(localizer, loc, s, now.date())) for w, s in windows],
        "popular": context.center.popular_items,
        "today": hall_hours_today(context.center, now.date(), request.holiday_calendar),
        "refresh_seconds": BOARD_REFRESH_SECONDS,
    }
