"""JSON API v1: the notices current now, or at `at`."""
from pyramid.view import view_config

from ...hours.status import TZ
from ...i18n import all_names
from ...notices import NoticeBoard
from ..places_params import at_param


def notice_json(notice) -> dict:
    return {
        "id": notice.id, "severity": notice.severity,
        "starts": notice.starts_at.astimezone(TZ).isoformat(), "ends": notice.ends_at.astimezone(TZ).isoformat(),
        "text": all_names(notice, "text"),
        "centers": [c.code for c in notice.centers], "items": [i.code for i in notice.items],
    }


@view_config(route_name="api.notices", renderer="json", request_method="GET")
def notices(request):
    at = at_param(request)
    return {"at": at.isoformat(), "notices": [notice_json(n) for n in NoticeBoard.at(request.dbsession, at).notices]}
