import datetime as dt

from pyramid.view import view_config

from ...catalogue.interfaces import ICatalogueService
from ...catalogue.vocab import CENTER_KINDS, DEPARTMENT_KINDS, ITEM_TYPES, WINDOW_KINDS
from ...catalogue.service import Filters
from ...hours import WEEKDAY_NAMES, WEEKDAY_SHORT, opens_saturday, serves_through_noon, week
from ...hours.status import TZ
from ...i18n import localized
from ...places.svg import district_map, week_chart
from ..formatting import date_text, status_text
from ..params import _, page_count, page_param
from ...places.interfaces import IPlacesService


@view_config(route_name="public.departments", request_method="GET", renderer="guide:templates/public/departments.pt")
def departments(request):
    return {"departments": request.find_service(ICatalogueService).departments(), "kinds": DEPARTMENT_KINDS}


@view_config(route_name="public.department", request_method="GET", renderer="guide:templates/public/department.pt")
def department(context, request):
    page = page_param(request)
    catalogue = request.find_service(ICatalogueService)
    total, items = catalogue.browse(Filters(department=context.department.code), page, per_page=50)
    return {"department": context.department, "total": total, "items": items, "page": page,
            "pages": page_count(total, 50), "kinds": DEPARTMENT_KINDS, "item_types": ITEM_TYPES}


#: How far ahead a center's page lists public holidays and make-up working days.
CALENDAR_DAYS_AHEAD = 120


@view_config(route_name="public.centers", request_method="GET", renderer="guide:templates/public/centers.pt")
def centers(request):
    places = request.find_service(IPlacesService)
    loc, localizer = request.guide_locale, request.localizer
    now = request.now.astimezone(TZ)
    statuses = {}
    for center in places.centers():
        overall, _windows = places.center_status(center, now, request.holiday_calendar)
        statuses[center.id] = (overall, status_text(localizer, loc, overall, now.date()))
    return {"centers": places.centers(), "kinds": CENTER_KINDS, "statuses": statuses}


@view_config(route_name="public.center", request_method="GET", renderer="guide:templates/public/center.pt")
def center(context, request):
    center = context.center
    loc, localizer = request.guide_locale, request.localizer
    places = request.find_service(IPlacesService)
    now = request.now.astimezone(TZ)
    overall, window_statuses = places.center_status(center, now, request.holiday_calendar)
    # The center's own hours first, then each schedule some windows keep instead (Saturday service).
    overrides: dict[str, list] = {}
    for window in center.windows:
        if window.own_schedule is not None and window.own_schedule is not center.schedule:
            overrides.setdefault(window.own_schedule.code, []).append(window)
    schedules = [(center.schedule, week(center.schedule), [])] + [
        (windows[0].own_schedule, week(windows[0].own_schedule), windows) for windows in overrides.values()]
    total, _items = request.find_service(ICatalogueService).browse(Filters(center=center.code), 1, per_page=1)
    calendar = request.holiday_calendar
    return {
        "center": center,
        "notice_rows": request.notice_board.for_center(center.code),
        "calendar_days": [(date_text(loc, date), day) for date, day in calendar.upcoming(now.date(), CALENDAR_DAYS_AHEAD)],
        "calendar_covers_ahead": calendar.covers(now.date() + dt.timedelta(days=CALENDAR_DAYS_AHEAD)),
        "closed_on_holidays": center.schedule.closed_on_public_holidays,
        "schedules": schedules,
        "weekday_names": WEEKDAY_NAMES,
        "noon_service": serves_through_noon(center.schedule),
        "saturday_service": any(opens_saturday(s) for s, _days, _windows in schedules),
        "item_count": total,
        "status_line": status_text(localizer, loc, overall, now.date()),
        "status": overall,
        "window_status": {w.id: status_text(localizer, loc, st, now.date()) for w, st in window_statuses},
        "chart_svg": week_chart(
            [(localizer.translate(WEEKDAY_SHORT[i]), [(iv.opens, iv.closes) for iv in center.schedule.intervals_on(i)])
             for i in range(7)],
            localizer.translate(_("Opening hours by day, 08:00 to 18:00"))),
        "map_svg": _map(request, places, center),
        "kinds": CENTER_KINDS,
        "window_kinds": WINDOW_KINDS,
    }


def _map(request, places, here) -> str:
    loc = request.guide_locale
    return district_map(
        [(localized(d, "name", loc).value, d.lat, d.lon) for d in places.districts()],
        [(localized(c, "name", loc).value, c.lat, c.lon, c.id == here.id) for c in places.centers()],
        request.localizer.translate(_("Map of Huizhou's districts and service centers; this one is marked in red.")),
    )
