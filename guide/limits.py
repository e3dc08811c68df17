"""A size limit on every request body, enforced before anything reads the body: bodies within
it are small enough to keep in memory (no temporary file), and a larger one is never read."""
from pyramid.httpexceptions import HTTPRequestEntityTooLarge
from pyramid.request import Request
from pyramid.tweens import MAIN

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


def body_limit_tween_factory(handler, registry):
    def tween(request):
        if _too_large(request):
            raise HTTPRequestEntityTooLarge()
        return handler(request)

    return tween


def includeme(config):
    limit = _limit(config.registry)
    config.set_request_factory(type("GuideRequest", (Request,), {"request_body_tempfile_limit": limit}))
    # Under the exception views, so the refusal is a page (or JSON) like any other error.
    config.add_tween("guide.limits.body_limit_tween_factory", over=MAIN)
