"""The elder-friendly display (长者模式): larger text and targets, higher contrast, one column.

A reader chooses it with a link (`?display=elder`, and `?display=standard` to leave it) on any
public page: that sets or removes the `display` cookie and redirects to the same page without the
parameter, as the language switch does. No other answer sets the cookie. Pages differ by it, so
the page cache keys and tags them by the display too (guide.http_cache).
"""
from __future__ import annotations

from urllib.parse import urlencode

from webob.cookies import RequestCookies

from .i18n import LOCALES_BY_URL, page_choice, query_params, remember_choice

DISPLAY_COOKIE = "display"
ELDER, STANDARD = "elder", "standard"
MODES = (STANDARD, ELDER)


def display_mode(environ) -> str:
    """The reader's display, from the cookie: "elder" or "standard". WebOb reads the header as
    browsers send it, past other sites' cookies that the standard library would stop at."""
    header = environ.get("HTTP_COOKIE")
    if not header or DISPLAY_COOKIE not in header:
        return STANDARD
    return ELDER if RequestCookies(environ).get(DISPLAY_COOKIE) == ELDER else STANDARD


def switch_url(request) -> str:
    """This page with the parameter that chooses the other display."""
    other = STANDARD if request.display_mode == ELDER else ELDER
    try:
        here = request.path_url
    except UnicodeError:  # an error page for a path that does not decode: choose on the home page
        return request.route_url("public.home", lang=request.guide_locale.url, _query={DISPLAY_COOKIE: other})
    query = [(k, v) for k, v in query_params(request).items() if k != DISPLAY_COOKIE]
    return here + "?" + urlencode(query + [(DISPLAY_COOKIE, other)])


def display_choice_tween_factory(handler, registry):
    def tween(request):
        chosen = page_choice(request, DISPLAY_COOKIE)
        if chosen not in MODES:
            return handler(request)
        return remember_choice(request, DISPLAY_COOKIE, ELDER if chosen == ELDER else None)

    return tween


def _vary_on_the_cookie(event):
    """Every answer under /{lang}/ depends on the display, errors too (the page cache says so
    for the pages it keeps)."""
    segments = event.request.environ.get("PATH_INFO", "").split("/")
    if len(segments) > 2 and segments[1] in LOCALES_BY_URL:
        event.response.vary = sorted(set(event.response.vary or ()) | {"Cookie"})


def includeme(config):
    config.add_request_method(lambda request: display_mode(request.environ), "display_mode", reify=True)
    config.add_tween("guide.display.display_choice_tween_factory")
    config.add_subscriber(_vary_on_the_cookie, "pyramid.events.NewResponse")
