"""What a request may carry, checked before any view: a body within the size limit (enforced
before anything reads it; bodies within it are kept in memory, no temporary file; the few paths
that take uploads have a larger limit of their own, and their bodies go to a temporary file), and
a path without control characters (no route takes them; PostgreSQL refuses NUL), a Host
header the site answers to (it is reflected into redirects and absolute links), and a form
body that can be read."""
import re
from email.message import Message
from urllib.parse import urlsplit

from pyramid.httpexceptions import HTTPBadRequest, HTTPRequestEntityTooLarge
from pyramid.request import Request
from pyramid.tweens import MAIN

from .catalogue.sources import MAX_SOURCE_BYTES
from .forms import MAX_FORM_BYTES
from .i18n import _
from .views.params import CONTROL, BadParameter

#: the default limit: the editor's largest form (a 50,000-character guide) is a fraction of it
MAX_BODY_BYTES = 1024 * 1024
#: paths that take uploads: their files' limit, and room for the form around them
UPLOAD_LIMITS = [(re.compile(r"/editor/catalogue-import"), MAX_SOURCE_BYTES + MAX_BODY_BYTES),
                 (re.compile(r"/editor/items/[^/]+/forms"), MAX_FORM_BYTES + MAX_BODY_BYTES)]


#: the methods our routes take (a GET may write too: an editor's page publishes what is due)
RETRIED = frozenset({"GET", "HEAD", "POST"})


#: The request line and headers together (waitress's max_request_header_size, default 256 KB):
#: room for a long search address and an editor's cookies, not for a flood.
MAX_HEADER_BYTES = 32 * 1024


def server_limits() -> dict[str, int]:
    """What waitress itself is told (production.ini and development.ini say the same; `guide demo`
    passes these): it refuses more before the app sees a byte."""
    return {"max_request_body_size": largest_body(), "max_request_header_size": MAX_HEADER_BYTES}


def largest_body() -> int:
    """What the server itself may accept (waitress's max_request_body_size): the largest upload
    route's limit. Anything larger is refused before the app sees a byte of it."""
    return max(limit for _pattern, limit in UPLOAD_LIMITS)


def _limit(registry) -> int:
    return int(registry.settings.get("guide.max_body_bytes", MAX_BODY_BYTES))


def _too_large(request) -> bool:
    path = request.environ.get("PATH_INFO", "")
    limit = next((n for pattern, n in UPLOAD_LIMITS if pattern.fullmatch(path)), None) or _limit(request.registry)
    return (request.content_length or 0) > limit


def retry_attempts(request):
    """pyramid_retry's activate hook. To retry, pyramid_retry first reads the whole body (into a
    temporary file past the in-memory limit), so a body is read for it only where a route takes
    one: a method no route takes (PUT, DELETE, TRACE...) gets one attempt, its 405 reading
    nothing, and so does a body over the in-memory limit (refused, or an upload)."""
    if request.method not in RETRIED or (request.content_length or 0) > _limit(request.registry):
        return 1
    return None


def _close_body(request) -> None:
    # An upload over the in-memory limit is copied to a temporary file when its form is read
    # (webob): closed with the request, not left for the collector.
    request.body_file_raw.close()


class TrustedHosts:
    """The host names the site answers to: `guide.trusted_hosts` (space-separated) and the public
    base URL's. Any, when neither is set (a developer's machine)."""

    def __init__(self, settings):
        base = settings.get("guide.base_url")
        self.names = frozenset(settings.get("guide.trusted_hosts", "").lower().split())
        if base:
            self.names |= {urlsplit(base).hostname}
        #: the Host a refused request is answered under, so its error page repeats nothing of it
        self.canonical = urlsplit(base).netloc if base else min(self.names, default=None)

    def refuse(self, request) -> bool:
        """Whether the request's Host is not one of them; if so, it is replaced by the site's own."""
        if not self.names or _host_name(request) in self.names:
            return False
        request.environ["HTTP_HOST"] = self.canonical
        return True


#: A Host header: a name or an IP address (IPv6 in brackets), and perhaps a port. Nothing else
#: (no user@, no path) can name a trusted host.
HOST = re.compile(r"(?P<name>[a-z0-9.-]+|\[(?P<ipv6>[0-9a-f:.]+)\])(?::[0-9]{1,5})?", re.IGNORECASE)


def _host_name(request) -> str | None:
    match = HOST.fullmatch(request.environ.get("HTTP_HOST") or request.environ.get("SERVER_NAME", ""))
    return (match["ipv6"] or match["name"]).lower() if match else None


#: The form bodies webob reads (its own test: the type exactly, without parameters).
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
#: A multipart boundary as the standard library's parser accepts one.
BOUNDARY = re.compile(r"[ -~]{0,200}[!-~]")


def _unreadable_form(request) -> bool:
    """A form webob would fail on when a view (or the CSRF check) reads it: in a charset other
    than UTF-8, or multipart without a valid boundary."""
    if request.content_type not in FORM_TYPES:
        return False
    if request.charset != "UTF-8":
        return True
    if request.content_type == "multipart/form-data":
        header = Message()
        header["Content-Type"] = request.environ.get("CONTENT_TYPE", "")
        boundary = header.get_param("boundary")
        return not isinstance(boundary, str) or not BOUNDARY.fullmatch(boundary)
    return False


def limits_tween_factory(handler, registry):
    hosts = TrustedHosts(registry.settings)

    def tween(request):
        if hosts.refuse(request):
            raise BadParameter(_("This site does not answer to that host name."), "Host")
        if _too_large(request):
            raise HTTPRequestEntityTooLarge()
        if (request.content_length or 0) > _limit(request.registry):
            request.add_finished_callback(_close_body)
        if CONTROL.search(request.environ.get("PATH_INFO", "")):
            raise BadParameter(_("The address contains characters that are not allowed."))
        if _unreadable_form(request):
            raise HTTPBadRequest()
        # Whole answers only (the largest is a 10 MB form): a range webob cannot satisfy would
        # be its own 416, outside our error pages.
        request.environ.pop("HTTP_RANGE", None)
        return handler(request)

    return tween


def includeme(config):
    limit = _limit(config.registry)
    config.set_request_factory(type("GuideRequest", (Request,), {"request_body_tempfile_limit": limit}))
    # Under the exception views, so the refusal is a page (or JSON) like any other error.
    config.add_tween("guide.limits.limits_tween_factory", over=MAIN)
