"""JSON API v1: the departments and the life topics, the catalogue's two ways to browse."""
from pyramid.i18n import make_localizer
from pyramid.interfaces import ITranslationDirectories
from pyramid.view import view_config

from ...catalogue.interfaces import ICatalogueService
from ...catalogue.vocab import TOPICS
from ...i18n import all_names, localized
from .locale import api_locale


@view_config(route_name="api.departments", renderer="json", request_method="GET")
def departments(request):
    loc = api_locale(request)
    return {"lang": loc.tag, "departments": [{
        "code": d.code, "name": localized(d, "name", loc).value, "names": all_names(d), "kind": d.kind,
        "phone": d.phone, "items": n, "url": request.route_url("public.department", lang=loc.url, code=d.code),
    } for d, n in request.find_service(ICatalogueService).departments()]}


@view_config(route_name="api.topics", renderer="json", request_method="GET")
def topics(request):
    loc = api_locale(request)
    # The topics' names are UI text (gettext), in the API's `lang`, not the reader's page language.
    localizer = make_localizer(loc.gettext, request.registry.queryUtility(ITranslationDirectories, default=[]))
    counts = request.find_service(ICatalogueService).facet_counts()["topic"]
    return {"lang": loc.tag, "topics": [{
        "code": code, "name": localizer.translate(label), "items": counts.get(code, 0),
        "url": request.route_url("public.items", lang=loc.url, _query={"topic": code}),
    } for code, label in TOPICS.items()]}
