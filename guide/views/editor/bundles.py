"""One-step bundles, for publishers: the list, adding one, and per bundle changing or removing it.
A change is on the public pages at once. The rules are guide.bundles.check, as for
content/bundles/bundles.yaml."""
from __future__ import annotations

from pyramid.httpexceptions import HTTPSeeOther
from pyramid.view import view_config
from sqlalchemy import func, select

from ...audit import record
from ...bundles import LIMITS, apply, check, load_bundles
from ...i18n import _
from ...models import Bundle
from ...notices import codes
from .common import actor, flash
from .forms import FormErrors, text

FIELDS = {"slug": 80, "items": 2_000, "title_zh": LIMITS["title"] * 2, "title_en": LIMITS["title"] * 2,
          "summary_zh": LIMITS["summary"] * 2, "summary_en": LIMITS["summary"] * 2, "terms_zh": 4_000,
          "terms_en": 4_000}


def _read(request, slug: str | None = None):
    """(the bundle's fields or None, {field: message}, what was typed) from the posted form."""
    errors = FormErrors()
    typed = {name: text(request.POST, name, limit, errors) for name, limit in FIELDS.items()}
    if slug is not None:
        typed["slug"] = slug  # a bundle's address does not change
    if errors:
        return None, errors, typed
    fields, problems = check(request.dbsession, slug=typed["slug"].strip(), codes=codes(typed["items"]),
                             title_zh=typed["title_zh"], title_en=typed["title_en"], summary_zh=typed["summary_zh"],
                             summary_en=typed["summary_en"], terms_zh=typed["terms_zh"].splitlines(),
                             terms_en=typed["terms_en"].splitlines())
    if fields and slug is None and request.dbsession.scalar(select(Bundle.id).where(Bundle.slug == fields["slug"])):
        problems["slug"] = _("Another bundle has this address.")
    return (None if problems else fields), problems, typed


def _typed_from(bundle: Bundle) -> dict:
    return {"slug": bundle.slug, "items": " ".join(i.code for i in bundle.items), "title_zh": bundle.title_zh,
            "title_en": bundle.title_en, "summary_zh": bundle.summary_zh, "summary_en": bundle.summary_en,
            "terms_zh": bundle.terms_zh, "terms_en": bundle.terms_en}


def _page(request, **data) -> dict:
    request.response.status_int = 400 if data.get("errors") else 200
    return {"errors": {}, "typed": {}, **data}


@view_config(route_name="editor.bundles", request_method="GET", permission="publish",
             renderer="guide:templates/editor/bundles.pt")
def bundles(request):
    return _page(request, bundles=load_bundles(request.dbsession))


@view_config(route_name="editor.bundles", request_method="POST", permission="publish",
             renderer="guide:templates/editor/bundles.pt")
def add_bundle(request):
    fields, errors, typed = _read(request)
    if fields is None:
        return _page(request, bundles=load_bundles(request.dbsession), errors=errors, typed=typed)
    last = request.dbsession.scalar(select(func.max(Bundle.position))) or 0
    bundle = apply(Bundle(slug=fields["slug"], position=last + 1), fields, request.now)
    request.dbsession.add(bundle)
    record(request.dbsession, "bundle.add", actor(request), request.now, subject=f"bundle {bundle.slug}")
    flash(request, _("The bundle is added."))
    return HTTPSeeOther(request.route_url("editor.bundle", slug=bundle.slug))


@view_config(route_name="editor.bundle", request_method="GET", permission="publish",
             renderer="guide:templates/editor/bundle.pt")
def bundle(context, request):
    return _page(request, bundle=context.bundle, typed=_typed_from(context.bundle))


@view_config(route_name="editor.bundle", request_method="POST", permission="publish",
             renderer="guide:templates/editor/bundle.pt")
def change_bundle(context, request):
    bundle, action = context.bundle, request.POST.get("action")
    subject = f"bundle {bundle.slug}"
    if action == "remove":
        record(request.dbsession, "bundle.remove", actor(request), request.now, subject=subject)
        request.dbsession.delete(bundle)
        flash(request, _("The bundle is removed."))
        return HTTPSeeOther(request.route_url("editor.bundles"))
    if action != "save":
        return _page(request, bundle=bundle, typed=_typed_from(bundle),
                     errors={"form": _("Choose one of the form's buttons.")})
    fields, errors, typed = _read(request, slug=bundle.slug)
    if fields is None:
        return _page(request, bundle=bundle, errors=errors, typed=typed)
    apply(bundle, fields, request.now)
    record(request.dbsession, "bundle.change", actor(request), request.now, subject=subject)
    flash(request, _("The bundle is saved."))
    return HTTPSeeOther(request.route_url("editor.bundle", slug=bundle.slug))
