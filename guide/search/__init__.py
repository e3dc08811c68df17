"""Full-text search: the ISearchService backend chosen by the `guide.search.backend` setting."""
from pathlib import Path

from .interfaces import ISearchService
from .sync import attach

DEFAULT_BACKEND = "guide.search.whoosh_backend.WhooshSearch"


def make_search_service(settings: dict, session_factory):
    from pyramid.path import DottedNameResolver

    backend = DottedNameResolver().maybe_resolve(settings.get("guide.search.backend") or DEFAULT_BACKEND)
    settings.setdefault("guide.search.index_dir", str(Path("var") / "index"))
    service = backend(settings, session_factory)
    attach(session_factory, service)
    return service


def includeme(config):
    registry = config.registry
    service = make_search_service(config.get_settings(), registry["dbsession_factory"])
    service.ensure_index()
    config.register_service(service, ISearchService)
