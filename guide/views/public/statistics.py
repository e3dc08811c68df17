"""/{lang}/statistics: figures about the catalogue (guide.statistics), each as a chart with a
table of the same figures beside it."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal, format_percent
from pyramid.view import view_config

from ...catalogue.vocab import APPLY_ONLINE_DEPTH, FULLY_ONLINE_DEPTH, ONLINE_DEPTHS
from ...i18n import localized
from ...statistics.charts import COLOURS, Bar, Series, bar_chart
from ...statistics.interfaces import IStatisticsService
from ..formatting import visits as visits_text
from ..params import _


def half_up(value: float, places: str) -> Decimal:
    """Rounded the way readers round (5.45 to 5.5), not to even as Babel would."""
    return Decimal(str(value)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


class Numbers:
    """Numbers as the page's language writes them."""

    def __init__(self, loc):
        self.loc = loc

    def count(self, n: int) -> str:
        return format_decimal(n, locale=self.loc.babel)

    def percent(self, share: float) -> str:
        return format_percent(half_up(share, "0.01"), locale=self.loc.babel)

    def days(self, value: float) -> str:
        return format_decimal(half_up(value, "0.1"), format="0.0", locale=self.loc.babel)


@view_config(route_name="public.statistics", request_method="GET", renderer="guide:templates/public/statistics.pt")
def statistics(request):
    loc, localizer = request.guide_locale, request.localizer
    translate = localizer.translate
    stats = request.find_service(IStatisticsService)
    num = Numbers(loc)

    def name(obj) -> str:
        return localized(obj, "name", loc).value

    overview = stats.overview()
    online = stats.online_by_department()
    fully, applies = (Series(translate(ONLINE_DEPTHS[FULLY_ONLINE_DEPTH]), COLOURS[0]),
                      Series(translate(ONLINE_DEPTHS[APPLY_ONLINE_DEPTH]), COLOURS[1]))
    online_chart = bar_chart(
        [Bar(name(row.department), (row.fully_online / row.items, (row.apply_online - row.fully_online) / row.items),
             num.percent(row.share)) for row in online],
        [fully, applies], translate(_("Share of items that can be applied for online, by department")),
        maximum=1, stacked=True)

    visits = stats.visits()
    visits_rows = [(visits_text(localizer, v), n, n / overview.items) for v, n in visits]
    visits_chart = bar_chart(
        [Bar(label, (n,), num.percent(share)) for label, n, share in visits_rows],
        [Series("", COLOURS[0])], translate(_("Items by visits to a window required")),
        maximum=max((n for _v, n in visits), default=0))

    times = stats.time_limits_by_department()
    legal, promised = Series(translate(_("Legal limit")), COLOURS[2]), Series(translate(_("Promised")), COLOURS[0])
    times_chart = bar_chart(
        [Bar(name(row.department), (row.legal_days, row.promised_days),
             translate(_("${promised} of ${legal} days", mapping={"promised": num.days(row.promised_days),
                                                             "legal": num.days(row.legal_days)})))
         for row in times],
        [legal, promised], translate(_("Average time limits in working days, by department")),
        maximum=max((row.legal_days for row in times), default=0))

    centers = stats.items_per_center()
    centers_chart = bar_chart(
        [Bar(name(center), (n,), num.count(n)) for center, n in centers],
        [Series("", COLOURS[1])], translate(_("Items each service center accepts")),
        maximum=max((n for _c, n in centers), default=0))

    return {"overview": overview, "num": num, "online": online, "online_chart": online_chart,
            "visits": visits_rows, "visits_chart": visits_chart, "times": times, "times_chart": times_chart,
            "centers": centers, "centers_chart": centers_chart}
