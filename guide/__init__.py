"""The Huizhou service guide: a Pyramid application."""
from pyramid.config import Configurator

from .http_cache import PageCache
from .settings import from_environment


def main(global_config, **settings):
    """The WSGI app. Includes are ordered: each may rely on the ones above it."""
    # GUIDE_* environment variables win over the .ini (guide.settings has the table).
    settings = from_environment(settings)
    with Configurator(settings=settings) as config:
        # Templates (.pt, compiled one at a time) and services found with request.find_service.
        config.include(".template_cache")
        config.include("pyramid_services")
        # The clock every time-dependent rule reads (tests hand in their own).
        config.include(".clock")
        # Database session per request, inside pyramid_tm's transaction (with retries).
        config.include(".models")
        # The content version every process shares (after the models: it reads the engine), the
        # data loaded once per version, compression. (PageCache, below, answers 304s and cached
        # pages by the version.)
        config.include(".content_version")
        config.include(".content_cache")
        config.include(".http_cache")
        # Signed-cookie sessions, who the editor is, what their role permits, CSRF.
        config.include(".security")
        # Locale negotiation, compiled gettext catalogues, template helpers.
        config.include(".i18n")
        config.include(".display")
        # Security headers on every response; a size limit on every request body.
        config.include(".headers")
        config.include(".limits")
        # Services behind interfaces.
        config.include(".catalogue.service")
        config.include(".places.service")
        config.include(".statistics.service")
        # The holiday calendar, per content version; the public base URL that QR codes carry.
        config.include(".hours")
        config.include(".notices")
        config.include(".bundles")
        config.include(".feedback")
        config.include(".qr")
        # Search: opens (or first builds) the index, and follows database commits.
        config.include(".search")
        # Every URL, then the views that answer them (the editor's and the kiosk's with their own headers).
        config.include(".routes")
        config.include(".views.editor")
        config.include(".views.kiosk")
        config.scan(".views")
    # Cached answers and 304s before the router: no request object, transaction or session.
    return PageCache(config.make_wsgi_app())
