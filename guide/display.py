"""The elder-friendly display (长者模式): larger text and targets, higher contrast, one column.

A reader chooses it with a link (`?display=elder`, and `?display=standard` to leave it) on any
public page: that sets or removes the `display` cookie and redirects to the same page without the
parameter, as the language switch does. No other answer sets the cookie. Pages differ by it, so
the page cache keys and tags them by the display too (guide.http_cache).
"""
from __future__ import annotations

from http.cookies import CookieError, SimpleCookie
from urllib.parse import urlencode

from pyramid.httpexceptions import HTTPSeeOther

from .i18n import LOCALES_BY_URL, query_params

DISPLAY_COOKIE = "display"
ELDER, STANDARD = "elder", "standard"
MODES = (STANDARD, ELDER)
COOKIE_MAX_AGE = 365 * 24 * 3600


def display_mode(environ) -> str:
    """The reader's display, from the cookie: "elder" or "standard" (also for a cookie header
    that does not parse)."""
    header = environ.get("HTTP_COOKIE")
    if not header or DISPLAY_COOKIE not in header:
        return STANDARD
    try:
        morsel = SimpleCookie(header).get(DISPLAY_COOKIE)
    except CookieError:
        return STANDARD
    return ELDER if morsel is not None and morsel.value == ELDER else STANDARD


def switch_url(request) -> str:
    """This page with the parameter that chooses the other display."""
    other = STANDARD if request.display_mode == ELDER else ELDER
    try:
        here = request.path_url
    except UnicodeError:  # an error page for a path that does not decode: choose on the home page
        return request.route_url("public.home", lang=request.guide_locale.url, _query={DISPLAY_COOKIE: other})
    query = [(k, v) for k, v in query_params(request).items() if k != DISPLAY_COOKIE]
    return here + "?" + urlencode(query + [(DISPLAY_COOKIE, other)])


def _chosen(request) -> str | None:
    if request.method != "GET":
        return None
    chosen = query_params(request).get(DISPLAY_COOKIE)
    segments = request.environ.get("PATH_INFO", "").split("/")
    if chosen not in MODES or len(segments) < 3 or segments[1] not in LOCALES_BY_URL:
        return None
    try:
        request.path  # a path that does not decode is the error page's to answer
    except UnicodeError:
        return None
    return chosen


def display_choice_tween_factory(handler, registry):
    def tween(request):
        chosen = _chosen(request)
        if chosen is None:
            return handler(request)
        query = [(k, v) for k, v in query_params(request).items() if k != DISPLAY_COOKIE]
        response = HTTPSeeOther(location=request.path_url + ("?" + urlencode(query) if query else ""))
        if chosen == ELDER:
            response.set_cookie(DISPLAY_COOKIE, ELDER, max_age=COOKIE_MAX_AGE, samesite="Lax", httponly=True,
                                secure=request.scheme == "https")
        else:
            response.delete_cookie(DISPLAY_COOKIE)
        return response

    return tween


def includeme(config):
    config.add_request_method(lambda request: display_mode(request.environ), "display_mode", reify=True)
    config.add_tween("guide.display.display_choice_tween_factory")
