"""The Huizhou service guide: a Pyramid application."""
from pyramid.config import Configurator


def main(global_config, **settings):
    """The WSGI app. Includes are ordered: each may rely on the ones above it."""
    with Configurator(settings=settings) as config:
        # Templates (.pt) and services found with request.find_service.
        config.include("pyramid_chameleon")
        config.include("pyramid_services")
        # Database session per request, inside pyramid_tm's transaction (with retries).
        config.include(".models")
        # Locale negotiation, compiled gettext catalogues, template helpers.
        config.include(".i18n")
        # Security headers on every response.
        config.include(".headers")
        # Services behind interfaces.
        config.include(".catalogue.service")
        config.include(".places.service")
        # The holiday calendar, per request.
        config.include(".hours")
        # Search: opens (or first builds) the index, and follows database commits.
        config.include(".search")
        # Every URL, then the views that answer them.
        config.include(".routes")
        config.scan(".views")
    return config.make_wsgi_app()
