"""Editors attach a blank form and a filled-in sample to a material; the guide page and the
printed checklist link them; they download as attachments of the type read from their content,
never run in the site's origin. Anything else is a 400 that stores nothing."""
import io
import zipfile

import pytest
from sqlalchemy import func, select

from guide.models import AuditEvent, MaterialForm

PAGE = "/editor/items/GAJ-0014/forms"
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


def office(part: str, macros: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<document/>")
        if macros:
            archive.writestr(part.split("/")[0] + "/vbaProject.bin", b"\x00" * 10)
    return out.getvalue()


@pytest.fixture
def editor(as_role):
    return as_role("editor")


def attach(app, name: str, data: bytes, kind="blank", seq=1, status=303):
    page = app.get(PAGE)
    csrf = page.html.select_one("form[enctype] input[name=csrf_token]")["value"]
    return app.post(PAGE, {"csrf_token": csrf, "material": str(seq), "kind": kind, "action": "attach"},
                    upload_files=[(f"file-{seq}", name, data)], status=status)


def count(dbsession):
    return dbsession.scalar(select(func.count()).select_from(MaterialForm))


def test_a_form_attached_is_linked_and_downloads_as_an_attachment(editor, dbsession):
    attach(editor, "C:\\Users\\me\\申请表 \"final\".PDF", PDF)
    form = dbsession.scalar(select(MaterialForm))
    assert (form.kind, form.media_type, form.filename, form.size) == ("blank", "application/pdf", "申请表 final.pdf", len(PDF))
    page = editor.get("/en/items/GAJ-0014")
    link = page.html.select_one("ol.checklist li a[download]")
    assert link.text == "Blank form" and "PDF" in link.parent.text
    download = editor.get(link["href"])
    assert download.body == PDF and download.content_type == "application/pdf"
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert "filename*=UTF-8''%E7%94%B3%E8%AF%B7%E8%A1%A8%20final.pdf" in download.headers["Content-Disposition"]
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download.headers["Content-Security-Policy"]
    editor.get(link["href"], headers={"If-None-Match": download.headers["ETag"]}, status=304)
    printed = editor.get("/zh-hans/items/GAJ-0014/print")
    assert printed.html.select_one(".cl-materials a")["href"] == link["href"]
    # Attached again: replaced, one file per kind.
    attach(editor, "form.png", PNG)
    assert count(dbsession) == 1 and dbsession.scalar(select(MaterialForm.media_type)) == "image/png"
    attach(editor, "sample.docx", office("word/document.xml"), kind="sample")
    assert count(dbsession) == 2
    actions = dbsession.scalars(select(AuditEvent.action).where(AuditEvent.action.like("form.%"))).all()
    assert actions == ["form.attach"] * 3


def test_a_form_is_removed(editor, dbsession):
    attach(editor, "form.xlsx", office("xl/workbook.xml"))
    form = editor.get(PAGE).html.select_one("form.inline-form")
    fields = {i["name"]: i["value"] for i in form.select("input")}
    assert (fields["material"], fields["kind"]) == ("1", "blank")
    editor.post(PAGE, {**fields, "action": form.button["value"]}, status=303)
    assert count(dbsession) == 0
    assert not editor.get("/en/items/GAJ-0014").html.select("ol.checklist a[download]")


@pytest.mark.parametrize("name, data, message", [
    ("form.pdf", b"<html><script>alert(1)</script></html>", "read from the file's content"),
    ("form.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "read from the file's content"),
    ("macro.docx", office("word/document.xml", macros=True), "without macros"),
    ("notoffice.docx", office("content.xml"), "read from the file's content"),
    ("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "over the limit"),
    ("empty.pdf", b"", "Choose a file"),
])
def test_a_file_that_is_not_an_accepted_form_is_refused(editor, dbsession, name, data, message):
    page = attach(editor, name, data, status=400)
    assert message in page.html.select_one("#file-1-error").text
    assert page.html.select_one("#file-1")["aria-invalid"] == "true"
    assert count(dbsession) == 0


def test_a_damaged_form_or_an_unknown_material_is_a_400(editor, dbsession):
    csrf = editor.get(PAGE).html.select_one("input[name=csrf_token]")["value"]
    for fields in ({"material": "99", "kind": "blank", "action": "attach"},
                   {"material": "1", "kind": "evil", "action": "attach"},
                   {"material": "x" * 20, "kind": "blank", "action": "remove"}):
        page = editor.post(PAGE, {"csrf_token": csrf, **fields}, status=400)
        assert page.html.select_one(".error-summary") is not None
    assert count(dbsession) == 0


def test_an_unknown_form_is_a_404(testapp):
    testapp.get("/forms/999999/x.pdf", status=404)
    testapp.get("/forms/abc/x.pdf", status=404)
