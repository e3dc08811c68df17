"""A hall's touch kiosk and wall board. Every response is for a shared screen: no cookies, no
caching, and no link that leads out of the kiosk (guide.i18n.kiosk_locale, kiosk_response)."""
from __future__ import annotations

from dataclasses import dataclass

from pyramid.events import BeforeRender, NewResponse
from pyramid.exceptions import ConfigurationError

from ...i18n import KNOWN_LOCALES, is_kiosk, query_params
from ...places.loader import CENTER_CODE
from ...resources import KioskResource

#: Seconds without a touch before the countdown, and the countdown's length (settings
#: guide.kiosk.idle_seconds and guide.kiosk.countdown_seconds; browser tests shorten them).
IDLE_SECONDS, COUNTDOWN_SECONDS = 90, 10


@dataclass(frozen=True)
class KioskFrame:
    """What every kiosk screen's frame shows and its script needs."""

    center: object
    #: where idle returns: the hall's start, which opens its default language
    home: str
    #: the screen that start opens: idle there has nothing to reset
    rest: str
    idle_seconds: int
    countdown_seconds: int
    #: [(KnownLocale, path)]: this screen in each language, one touch away
    languages: list


def kiosk_response(event):
    """The next citizen must find nothing of the last one's: not in a cookie (none is set, and
    tests check that), nor in the browser's cache or back-forward cache."""
    if is_kiosk(event.request):
        event.response.cache_control = "no-store"


def kiosk_frame(event):
    request = event.get("request")
    context = getattr(request, "context", None)
    if isinstance(context, KioskResource):
        settings = request.registry.settings
        code = context.center.code
        event["kiosk"] = KioskFrame(context.center, request.route_path("kiosk.start", center=code),
                                    request.route_path("kiosk.home", center=code, lang=context.default_locale.url),
                                    settings["guide.kiosk.idle_seconds"], settings["guide.kiosk.countdown_seconds"],
                                    _languages(request))


def _languages(request) -> list:
    if "lang" not in (request.matchdict or {}):
        return []
    # What was typed stays typed in another language.
    return [(loc, request.current_route_path(lang=loc.url, _query=query_params(request))) for loc in KNOWN_LOCALES]


def start_path(request) -> str | None:
    """A kiosk's start, from the raw path of a request that failed (an error page links there)."""
    segments = request.environ.get("PATH_INFO", "").split("/")
    if len(segments) > 2 and CENTER_CODE.fullmatch(segments[2]):
        return request.route_path("kiosk.start", center=segments[2])
    return None


def _seconds(settings, name: str, default: int) -> int:
    try:
        value = int(settings.get(name, default))
    except ValueError:
        value = 0
    if value < 1:
        raise ConfigurationError(f"{name} must be a whole number of seconds, 1 or more")
    return value


def includeme(config):
    settings = config.registry.settings
    settings["guide.kiosk.idle_seconds"] = _seconds(settings, "guide.kiosk.idle_seconds", IDLE_SECONDS)
    settings["guide.kiosk.countdown_seconds"] = _seconds(settings, "guide.kiosk.countdown_seconds", COUNTDOWN_SECONDS)
    config.add_subscriber(kiosk_response, NewResponse)
    config.add_subscriber(kiosk_frame, BeforeRender)
