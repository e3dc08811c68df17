"""What a request may carry, checked before any view: a body within the size limit (enforced
before anything reads it; bodies within it are kept in memory, no temporary file), and a path
without control characters (no route takes them; PostgreSQL refuses NUL)."""
from pyramid.httpexceptions import HTTPRequestEntityTooLarge
from pyramid.request import Request
from pyramid.tweens import MAIN

from .i18n import _
from .views.params import CONTROL, BadParameter

#: the default limit: the editor's largest form (a 50,000-character guide) is a fraction of it
MAX_BODY_BYTES = 1024 * 1024


def _limit(registry) -> int:
    return int(registry.settings.get("guide.max_body_bytes", MAX_BODY_BYTES))


def _too_large(request) -> bool:
    return (request.content_length or 0) > _limit(request.registry)


def retry_attempts(request):
    """pyramid_retry's activate hook: a body over the limit gets one attempt, so pyramid_retry
    does not copy it to be able to retry (it reads the whole body to do that)."""
    return 1 if _too_large(request) else None


def limits_tween_factory(handler, registry):
    def tween(request):
        if _too_large(request):
            raise HTTPRequestEntityTooLarge()
        if CONTROL.search(request.environ.get("PATH_INFO", "")):
            raise BadParameter(_("The address contains characters that are not allowed."))
        return handler(request)

    return tween


def includeme(config):
    limit = _limit(config.registry)
    config.set_request_factory(type("GuideRequest", (Request,), {"request_body_tempfile_limit": limit}))
    # Under the exception views, so the refusal is a page (or JSON) like any other error.
    config.add_tween("guide.limits.limits_tween_factory", over=MAIN)
