from pyramid.httpexceptions import HTTPFound
from pyramid.view import view_config

from ...catalogue.interfaces import ICatalogueService
from ...catalogue.vocab import AUDIENCES, ITEM_TYPES, TOPICS


@view_config(route_name="root", request_method="GET")
def root(request):
    """`/` goes to the reader's language: cookie, then Accept-Language, then Simplified Chinese."""
    response = HTTPFound(request.route_path("public.home", lang=request.guide_locale.url))
    response.vary = ("Cookie", "Accept-Language")
    return response


def topics(counts: dict) -> list[tuple]:
    """[(code, label, number of items)] of the life topics, from the catalogue's facet counts."""
    return [(code, label, counts["topic"].get(code, 0)) for code, label in TOPICS.items()]


@view_config(route_name="public.home", request_method="GET", renderer="guide:templates/public/home.pt")
def home(request):
    catalogue = request.find_service(ICatalogueService)
    counts = catalogue.facet_counts()
    return {
        "topics": topics(counts),
        "item_types": [(code, label, counts["item_type"].get(code, 0)) for code, label in ITEM_TYPES.items()],
        "audiences": [(code, label, counts["audience"].get(code, 0)) for code, label in AUDIENCES.items()
                      if code != "both"],
        # A department with no items yet has nothing to browse.
        "departments": [(d, n) for d, n in catalogue.departments() if n],
    }
