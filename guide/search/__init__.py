"""Full-text search: the ISearchService backend chosen by GUIDE_SEARCH_BACKEND or the
`guide.search.backend` setting: whoosh (the default: an index folder on one machine), postgres
(the database's own full-text search, shared by every app server), or a dotted name."""
from pathlib import Path

from .interfaces import ISearchService
from .sync import attach

BACKENDS = {"whoosh": "guide.search.whoosh_backend.WhooshSearch",
            "postgres": "guide.search.postgres_backend.PostgresSearch"}
DEFAULT_BACKEND = "whoosh"


def search_backend(settings: dict):
    """The class of the configured backend."""
    from pyramid.path import DottedNameResolver

    # (GUIDE_SEARCH_BACKEND reaches the setting through guide.settings, applied by main and the CLI.)
    name = settings.get("guide.search.backend") or DEFAULT_BACKEND
    return DottedNameResolver().maybe_resolve(BACKENDS.get(name, name))


def make_search_service(settings: dict, session_factory, versions=None):
    """A search service that follows the commits of this session factory: at once (scripts),
    until start_background is called (the app). versions: the app's content version reader."""
    backend = search_backend(settings)
    settings.setdefault("guide.search.index_dir", str(Path("var") / "index"))
    service = backend(settings, session_factory, versions=versions)
    attach(session_factory, service)
    return service


def includeme(config):
    registry = config.registry
    settings = config.get_settings()
    service = make_search_service(settings, registry["dbsession_factory"], registry["content_version"])
    # An index that exists but is damaged is rebuilt in a thread; searches use the database meanwhile.
    service.ensure_index(background=True)
    # Requests hand their changes to a thread and never wait for the index's writer lock.
    service.start_background(float(settings.get("guide.search.poll_seconds", 1.0)))
    # A utility, not a pyramid_services service: finding one of those makes a container per
    # request, a seventh of an API search's time. Views call search_service(request).
    registry.registerUtility(service, ISearchService)
    registry["search"] = service


def search_service(request) -> ISearchService:
    return request.registry.getUtility(ISearchService)
