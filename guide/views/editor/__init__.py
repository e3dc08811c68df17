"""The editor: accounts, the dashboard, the guide form and its workflow, history, users, audit.
Every route's permission is named in its view; who has it is guide.security's one table."""

from ...accounts.passwords import MIN_LENGTH
from ...i18n import LOCALES_BY_TAG
from ...security import EditorContext
from .common import local_time
from .forms import LIMITS


def includeme(config):
    # Editor pages hold unpublished text and personal data: never stored by a browser or proxy.
    config.add_subscriber(_no_store, "pyramid.events.NewResponse")
    config.add_subscriber(_template_globals, "pyramid.events.BeforeRender")


def _no_store(event):
    if _editor_page(event.request):
        event.response.cache_control = "no-store"


def _editor_page(request) -> bool:
    route = getattr(request, "matched_route", None)
    return route is not None and route.name.startswith("editor.")


def _template_globals(event):
    request = event.get("request")
    # Every page in the editor's frame, its error pages too (which may have no route or context).
    if request is None or not request.environ.get("PATH_INFO", "").startswith("/editor"):
        return
    if event.get("renderer_name") == "json":
        return
    context = getattr(request, "context", None) or EditorContext()
    event["can"] = lambda permission: request.has_permission(permission, context)
    event["local_time"] = lambda instant: local_time(request, instant)
    event["locales_by_tag"] = LOCALES_BY_TAG
    event["password_min"] = MIN_LENGTH
    event["limits"] = LIMITS
