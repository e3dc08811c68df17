"""A size limit on every request body. Bodies within it are small enough to keep in memory, so
WebOb makes no temporary file for them."""
from pyramid.httpexceptions import HTTPRequestEntityTooLarge
from pyramid.request import Request
from pyramid.tweens import MAIN

#: the default limit: the editor's largest form (a 50,000-character guide) is a fraction of it
MAX_BODY_BYTES = 1024 * 1024


class BodyTooLarge(HTTPRequestEntityTooLarge):
    pass


def body_limit_tween_factory(handler, registry):
    limit = int(registry.settings.get("guide.max_body_bytes", MAX_BODY_BYTES))

    def tween(request):
        # Refused before the body is read (a POST to any page would otherwise be parsed).
        if (request.content_length or 0) > limit:
            raise BodyTooLarge()
        return handler(request)

    return tween


def includeme(config):
    limit = int(config.get_settings().get("guide.max_body_bytes", MAX_BODY_BYTES))
    config.set_request_factory(type("GuideRequest", (Request,), {"request_body_tempfile_limit": limit}))
    # Under the exception views, so the refusal is a page (or JSON) like any other error.
    config.add_tween("guide.limits.body_limit_tween_factory", over=MAIN)
