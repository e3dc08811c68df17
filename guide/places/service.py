"""The places service behind IPlacesService: reads the places data of the content the request
sees (guide.places.data, cached per content version)."""
from __future__ import annotations

from zope.interface import implementer

from ..hours.status import combined
from .acceptance import done_online, reason
from .data import PlacesData
from .interfaces import IPlacesService
from .nearest import StatusesAt


@implementer(IPlacesService)
class PlacesService:
    def __init__(self, data):
        #: a callable giving the PlacesData (loaded only by the requests that need it)
        self._data = data

    def centers(self):
        return self._data().centers

    def get_center(self, code: str):
        return self._data().by_code.get(code)

    def windows_for_item(self, item):
        if done_online(item):
            return []
        return [(w, why) for w in self._data().windows if (why := reason(w, item))]

    def districts(self):
        return self._data().districts

    def get_district(self, code: str):
        return self._data().districts_by_code.get(code)

    def center_status(self, center, at, calendar):
        """The center as a whole (open when any window is) and each of its windows."""
        statuses = StatusesAt(at, calendar)
        windows = [(w, statuses.windows([w])) for w in center.windows]
        overall = statuses.windows(center.windows) if center.windows else combined([statuses.of(center.schedule)])
        return overall, windows


def includeme(config):
    config.register_service_factory(
        lambda context, request: PlacesService(lambda: request.content_data(PlacesData)), IPlacesService)
