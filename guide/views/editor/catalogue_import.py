"""The catalogue import in the browser, for administrators: send the files, see what a dry run
would add, change (field by field) and deactivate, then confirm. The same reader, limits and
importer as `guide import-catalogue`, all or nothing; the confirmation applies the very bytes the
dry run checked (catalogue/uploads.py)."""
from __future__ import annotations

from pyramid.httpexceptions import HTTPSeeOther
from pyramid.view import view_config

from ...audit import record
from ...catalogue.importer import MAX_ERRORS_SHOWN, CatalogueInvalid, dry_run, import_catalogue
from ...catalogue.sources import MAX_SOURCE_BYTES, SourceError
from ...catalogue.uploads import UploadRefused, as_source, find, keep, pack
from ...i18n import _
from .common import actor, flash
from .forms import uploaded

RENDERER = "guide:templates/editor/catalogue_import.pt"
#: the longest before or after value shown of a changed field (materials can be long)
SHOWN_CHARS = 300


def _short(value) -> str:
    text = " ".join(str(value if value is not None else "").split())
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS - 1] + "…"


def _changes(report) -> list[tuple[str, list[tuple[str, str, str]]]]:
    return [(code, [(name, _short(before), _short(after)) for name, before, after in report.changes.get(code, [])])
            for code in report.changed]


def _counts(report) -> dict:
    return {"added": len(report.added), "changed": len(report.changed), "removed": len(report.removed),
            "unchanged": report.unchanged, "flagged": report.guides_flagged}


def _page(request, **data) -> dict:
    request.response.status_int = 400 if data.get("errors") else 200
    return {"errors": {}, "report": None, "token": None, "row_errors": [], "error_count": 0,
            "max_mb": MAX_SOURCE_BYTES // 1024 // 1024, **data}


def _refused(request, error, **data) -> dict:
    return _page(request, errors={"files": error}, **data)


def _read(path, importing):
    """(the report, None) or (None, the page's data about what is wrong)."""
    try:
        return importing(path), None
    except CatalogueInvalid as e:
        return None, {"error": _("The catalogue has errors, so nothing can be imported. Correct them and send it again."),
                      "row_errors": [str(error) for error in e.errors[:MAX_ERRORS_SHOWN]],
                      "error_count": len(e.errors)}
    except SourceError as e:
        return None, {"error": _("The file cannot be read: ${why}", mapping={"why": str(e)})}


@view_config(route_name="editor.catalogue_import", request_method="GET", permission="admin", renderer=RENDERER)
def catalogue_import(request):
    return _page(request)


@view_config(route_name="editor.catalogue_import", request_method="POST", permission="admin", renderer=RENDERER)
def import_step(request):
    if request.POST.get("step") == "apply":
        return _apply(request)
    sent = [uploaded(f, MAX_SOURCE_BYTES) for f in request.POST.getall("files") if hasattr(f, "file")]
    try:
        name, data = pack(sent)
    except UploadRefused as e:
        return _refused(request, e.message)
    with as_source(name, data) as path:
        report, wrong = _read(path, lambda p: dry_run(request.dbsession, p))
    if report is None:
        error = wrong.pop("error")
        return _refused(request, error, **wrong)
    upload = keep(request.dbsession, name, data, request.user, request.now)
    return _page(request, report=report, token=upload.id, changes=_changes(report), counts=_counts(report))


def _apply(request):
    db = request.dbsession
    upload = find(db, request.POST.get("token"), request.user, request.now)
    if upload is None:
        return _refused(request, _("That upload is no longer kept (uploads are kept for a day). Send the files again."))
    with as_source(upload.name, upload.data) as path:
        report, wrong = _read(path, lambda p: import_catalogue(db, p))
    if report is None:  # the database changed since the dry run (a department removed...)
        error = wrong.pop("error")
        return _refused(request, error, **wrong)
    db.delete(upload)
    record(db, "catalogue.import", actor(request), request.now, subject=upload.name, detail=report.summary())
    flash(request, _("The catalogue is imported: ${added} added, ${changed} changed, ${removed} deactivated, "
                     "${unchanged} unchanged; guides flagged for review: ${flagged}.", mapping=_counts(report)))
    return HTTPSeeOther(request.route_url("editor.catalogue_import"))
