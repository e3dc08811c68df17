"""A reader's feedback on a guide page (guide.feedback): no account, no cookie, no CSRF token
(the page is the same for everyone and cached); the Origin is checked where the browser sends it
over HTTPS, and each address may send a few times in ten minutes."""
from pyramid.csrf import check_csrf_origin
from pyramid.httpexceptions import HTTPForbidden, HTTPSeeOther
from pyramid.renderers import render_to_response
from pyramid.view import view_config

from ...feedback import check_text
from ...i18n import _
from ...models import Feedback
from ..editor.common import client_address
from .items import item_guide


def _again(context, request, error, text: str, status: int):
    """The guide page again, with the message and what was typed (nothing is lost)."""
    data = item_guide(context, request)
    data["feedback"] = {"error": error, "text": text if isinstance(text, str) else "", "thanks": False}
    request.response.status_int = status
    return render_to_response("guide:templates/public/item.pt", data, request=request, response=request.response)


@view_config(route_name="public.feedback", request_method="POST", require_csrf=False)
def feedback(context, request):
    if not check_csrf_origin(request, raises=False):
        raise HTTPForbidden()
    post = request.POST
    useful = {"yes": True, "no": False}.get(post.get("useful"))
    text = None
    if useful is None:
        text, error = check_text(post.get("text"))
        if error is not None:
            return _again(context, request, error, post.get("text", ""), 400)
    if not request.registry["feedback_throttle"].allow(client_address(request), request.now):
        return _again(context, request, _("You have sent several messages in a short time: please try again in a few "
                                          "minutes."), post.get("text", ""), 429)
    request.dbsession.add(Feedback(item=context.item, locale=request.guide_locale.tag, useful=useful, text=text,
                                   created_at=request.now))
    return HTTPSeeOther(request.route_url("public.item", lang=request.guide_locale.url, code=context.item.code,
                                          _query={"feedback": "thanks"}, _anchor="feedback"))
