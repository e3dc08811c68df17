"""Forms to download, for editors: per material of an item, attach or replace its blank form and
its filled-in sample, or remove one. The rules of a file are guide.forms.check."""
from __future__ import annotations

from pyramid.httpexceptions import HTTPSeeOther
from pyramid.view import view_config
from sqlalchemy import select

from ...audit import record
from ...forms import KINDS, MAX_FORM_BYTES, TYPES, FormRefused, attach, for_item
from ...i18n import _
from ...models import Material, MaterialForm
from .common import actor, flash
from .forms import uploaded

RENDERER = "guide:templates/editor/material_forms.pt"


def _page(request, item, **data) -> dict:
    request.response.status_int = 400 if data.get("errors") else 200
    return {"item": item, "forms": for_item(request.dbsession, item), "kinds": KINDS, "errors": {},
            "max_mb": MAX_FORM_BYTES // 1024 // 1024, "types": ", ".join(name for _ext, name in TYPES.values()),
            **data}


@view_config(route_name="editor.forms", request_method="GET", permission="edit", renderer=RENDERER)
def forms(context, request):
    return _page(request, context.item)


@view_config(route_name="editor.forms", request_method="POST", permission="edit", renderer=RENDERER)
def change_forms(context, request):
    item, post, db = context.item, request.POST, request.dbsession
    seq, kind, action = post.get("material", ""), post.get("kind"), post.get("action")
    material = db.scalar(select(Material).where(Material.item_id == item.id, Material.seq == int(seq))) \
        if isinstance(seq, str) and seq.isascii() and seq.isdigit() and len(seq) < 6 else None
    if material is None or kind not in KINDS or action not in ("attach", "remove"):
        return _page(request, item, errors={"form": _("The form is damaged: reload the page and try again.")})
    subject = f"{item.code} #{material.seq} {kind}"
    if action == "remove":
        form = db.scalar(select(MaterialForm).where(MaterialForm.material_id == material.id, MaterialForm.kind == kind))
        if form is not None:
            record(db, "form.remove", actor(request), request.now, item_code=item.code, subject=subject,
                   detail=form.filename)
            db.delete(form)
        flash(request, _("The file is removed."))
        return HTTPSeeOther(request.route_url("editor.forms", code=item.code))
    name, data = uploaded(post.get(f"file-{material.seq}"), MAX_FORM_BYTES)
    try:
        form = attach(db, material, kind, data, name, request.user, request.now)
    except FormRefused as e:
        return _page(request, item, errors={f"file-{material.seq}": e.message})
    record(db, "form.attach", actor(request), request.now, item_code=item.code, subject=subject, detail=form.filename)
    flash(request, _("The file is attached: ${name}", mapping={"name": form.filename}))
    return HTTPSeeOther(request.route_url("editor.forms", code=item.code))
