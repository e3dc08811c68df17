"""Error pages: JSON under /api/, an HTML page in the reader's language elsewhere. Never a bare 500."""
import json
import logging
from typing import NamedTuple

from pyramid.exceptions import BadCSRFToken, PredicateMismatch
from pyramid.httpexceptions import HTTPException, HTTPNotFound
from pyramid.response import Response
from pyramid.renderers import render_to_response
from pyramid.events import NewResponse, subscriber
from pyramid.view import exception_view_config, notfound_view_config
from sqlalchemy.exc import InterfaceError, OperationalError, TimeoutError as PoolTimeout

from ..i18n import is_kiosk
from .kiosk import start_path
from .params import BadParameter, _

log = logging.getLogger(__name__)

MESSAGES = {
    400: _("The request could not be understood."),
    403: _("You are not allowed to do this."),
    404: _("We could not find that page. The item, department or center may have a different code."),
    405: _("This address does not accept that kind of request."),
    413: _("The request is too large."),
    503: _("The service is busy or cannot reach its database just now. Please try again in a moment."),
    500: _("Something went wrong on our side. Please try again, or call the 12345 hotline."),
}
TITLES = {400: _("Bad request"), 403: _("Not allowed"), 404: _("Page not found"), 405: _("Method not allowed"),
          413: _("Too large"), 500: _("Sorry, there is a problem with the service"),
          503: _("Please try again in a moment")}


def wants_json(request) -> bool:
    if request.environ.get("PATH_INFO", "").startswith("/api/"):  # raw: it may not decode
        return True
    offers = request.accept.acceptable_offers(["text/html", "application/json"])
    return bool(offers) and offers[0][0] == "application/json"


#: Form fields an editor's resent form never carries back (the page would show them).
NOT_KEPT = frozenset({"password", "new_password", "current_password"})


class KeptField(NamedTuple):
    name: str
    value: str
    #: shown to copy; the rest (the CSRF token, a button's action, an id) is only sent again
    shown: bool


def kept_fields(request) -> list[KeptField]:
    """What an editor's form sent, to send again from the error page: nothing they wrote is
    lost to an outage. Files and passwords are left out."""
    try:
        fields = [(name, value) for name, value in request.POST.items() if isinstance(value, str) and name not in NOT_KEPT]
    except (UnicodeError, ValueError):
        return []
    return [KeptField(name, value, name != "csrf_token" and not (value.isascii() and " " not in value and len(value) <= 40))
            for name, value in fields]


def error_response(request, status: int, message, parameter=None):
    localizer = request.localizer
    text = localizer.translate(message)
    if wants_json(request):
        body = {"error": {"status": status, "message": text}}
        if parameter:
            body["error"]["parameter"] = parameter
        response = render_to_response("json", body, request=request)
    else:
        # The editor's and the kiosk's errors keep their own page frame. (The raw path: an
        # error view must not decode what may be undecodable.)
        path = request.environ.get("PATH_INFO", "")
        audience = "editor" if path.startswith("/editor") else "kiosk" if is_kiosk(request) else "public"
        values = {"status": status, "title": TITLES.get(status, TITLES[400]), "message": text}
        if audience == "kiosk":
            values["start"] = start_path(request)
        if audience == "editor":
            values["kept"] = kept_fields(request) if status == 503 and request.method == "POST" else []
        response = render_to_response(f"guide:templates/{audience}/error.pt", values, request=request)
    response.status_int = status
    return response


@subscriber(NewResponse)
def json_if_asked(event):
    """A form shown again with its errors (an editor's, a reader's feedback) is a page; a client
    that asked for JSON first gets the same status as a JSON error, as from every error page."""
    request, response = event.request, event.response
    if response.status_int >= 400 and response.content_type == "text/html" and wants_json(request):
        body = {"error": {"status": response.status_int,
                          "message": request.localizer.translate(MESSAGES.get(response.status_int, MESSAGES[400]))}}
        response.content_type, response.charset = "application/json", "UTF-8"
        response.text = json.dumps(body, ensure_ascii=False)


@notfound_view_config()
def not_found(exc, request):
    allowed = allowed_methods(request) if isinstance(exc, PredicateMismatch) else []
    if allowed and request.method not in allowed:
        # Our views differ only by request method, so a predicate mismatch is a wrong method:
        # OPTIONS is told which ones there are, any other 405 says so too.
        response = Response(status=204) if request.method == "OPTIONS" else error_response(request, 405, MESSAGES[405])
        response.headers["Allow"] = ", ".join(allowed + (["OPTIONS"] if "OPTIONS" not in allowed else []))
        return response
    return error_response(request, 404, MESSAGES[404])


def allowed_methods(request) -> list[str]:
    """The methods the matched route's views take ([] when none is matched, or one takes any)."""
    route = request.matched_route
    if route is None:
        return []
    known = request.registry.setdefault("guide.route_methods", {})  # the views do not change
    if route.name not in known:
        known[route.name] = _route_methods(request.registry, route.name)
    return list(known[route.name])


def _route_methods(registry, route_name: str) -> tuple[str, ...]:
    methods = set()
    for entry in registry.introspector.get_category("views") or []:
        view = entry["introspectable"]
        if view["route_name"] != route_name:
            continue
        taken = view["request_methods"]
        if taken is None:
            return ()  # a view that takes any method: a mismatch is not the method's
        methods.update([taken] if isinstance(taken, str) else taken)
    if "GET" in methods:
        methods.add("HEAD")  # Pyramid answers HEAD with the GET view
    return tuple(sorted(methods))


@exception_view_config(BadParameter)
def bad_parameter(exc, request):
    return error_response(request, 400, exc.message, exc.parameter)


@exception_view_config(BadCSRFToken)
def bad_csrf(exc, request):
    return error_response(request, 400, _("This form has expired or did not come from this site. Go back, reload the page and try again."))


@exception_view_config(UnicodeError)
def undecodable(exc, request):
    return error_response(request, 400, _("The address contains characters that are not valid UTF-8."))


@exception_view_config(HTTPException)
def http_error(exc, request):
    if isinstance(exc, HTTPNotFound):
        return not_found(exc, request)
    if exc.code < 400:
        return exc
    return error_response(request, exc.code, MESSAGES.get(exc.code, exc.title))


@exception_view_config(OperationalError)
@exception_view_config(InterfaceError)
@exception_view_config(PoolTimeout)
def database_unavailable(exc, request):
    # Busy (SQLite's write lock), not answering or not there (guide.models.timeouts): it
    # passes. One log line an outage, not a traceback per request.
    request.registry["database_outage"].failed(request.environ.get("PATH_INFO", ""), exc)
    response = error_response(request, 503, MESSAGES[503])
    response.headers["Retry-After"] = "5"
    return response


@exception_view_config(Exception)
def server_error(exc, request):
    log.exception("unhandled error on %r", request.path_qs)
    return error_response(request, 500, MESSAGES[500])
