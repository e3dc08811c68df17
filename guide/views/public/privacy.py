from pyramid.view import view_config

from ...i18n import CHOICE_MAX_AGE


@view_config(route_name="public.privacy", request_method="GET", renderer="guide:templates/public/privacy.pt")
def privacy(request):
    return {"cookie_days": CHOICE_MAX_AGE // (24 * 3600)}
