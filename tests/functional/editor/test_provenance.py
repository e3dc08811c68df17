"""Provenance: an import that changes an item's facts flags every guide of the item with the
field-level change, listed on the dashboard until an editor confirms the guide or edits it."""
from pathlib import Path

from sqlalchemy import select

from guide.catalogue import provenance
from guide.catalogue.importer import apply_catalogue
from guide.catalogue.sources import read_source
from guide.catalogue.validation import validate
from guide.models import AuditEvent, Department

CATALOGUE = Path(__file__).resolve().parents[3] / "content" / "catalogue"


def import_with(dbsession, **changes):
    catalogue = validate(read_source(CATALOGUE), set(dbsession.scalars(select(Department.code))))
    for field, value in changes.items():
        catalogue.items["GAJ-0014"][field] = value
    return apply_catalogue(dbsession, catalogue)


def flags(dbsession) -> dict:
    return {(f.guide.item.code, f.guide.locale): f.changes for f in provenance.flagged(dbsession)}


def test_an_import_flags_the_guides_and_an_editor_confirms_one_and_edits_the_other(as_role, dbsession):
    app = as_role("editor")
    unchanged = import_with(dbsession)
    assert unchanged.changed == [] and unchanged.guides_flagged == 0  # the same catalogue flags nothing
    report = import_with(dbsession, promised_limit_days=3, conditions_zh="新的申请条件。")
    assert report.changed == ["GAJ-0014"] and report.guides_flagged == 2
    found = flags(dbsession)
    assert set(found) == {("GAJ-0014", "zh-Hans"), ("GAJ-0014", "en")}
    assert ["conditions_zh", found[("GAJ-0014", "zh-Hans")][1][1], "新的申请条件。"] in found[("GAJ-0014", "zh-Hans")]
    assert any(c[0] == "promised_limit_days" and c[2] == 3 for c in found[("GAJ-0014", "en")])

    page = app.get("/editor/")
    rows = page.html.select("#h-facts ~ div table tbody tr")
    assert len(rows) == 2 and "promised_limit_days" in rows[0].get_text()
    form = page.html.select_one("form[action='/editor/items/GAJ-0014/zh-hans/source-holds']")
    app.post(form["action"], {"csrf_token": form.select_one("input[name=csrf_token]")["value"]}, status=303)
    assert set(flags(dbsession)) == {("GAJ-0014", "en")}
    assert dbsession.scalar(select(AuditEvent.action).where(AuditEvent.action == "guide.source_confirmed"))

    # Editing the English guide (a saved draft) clears its flag too.
    guide = app.get("/editor/items/GAJ-0014/en")
    form = guide.forms["guide-form"]
    form["summary"] = form["summary"].value + " (checked)"
    form.submit("action", value="save", status=303)
    assert flags(dbsession) == {}
