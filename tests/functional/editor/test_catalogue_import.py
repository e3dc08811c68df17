"""Administrators import the catalogue in the browser: a dry run lists what would be added,
changed field by field and deactivated, and writes nothing; the confirmation applies those very
bytes, all or nothing, audited. Files are recognised by their content; bad files are a 400 that
keeps nothing."""
import csv
import io
import json

import openpyxl
import pytest
from sqlalchemy import func, select

from guide.models import AuditEvent, CatalogueUpload, Item

from .conftest import SMALL, login

PAGE = "/editor/catalogue-import"


def tables(change_name=True, add=True, drop=True) -> dict[str, str]:
    """The small catalogue's CSV files, with GAJ-0001 renamed, MZJ-0099 added, MZJ-0002 dropped."""
    out = {}
    for name in ("departments", "items", "materials"):
        rows = list(csv.DictReader(io.StringIO((SMALL / f"{name}.csv").read_text(encoding="utf-8"))))
        key = "code" if name == "items" else "item_code" if name == "materials" else None
        if key and drop:
            rows = [r for r in rows if r[key] != "MZJ-0002"]
        if name == "items":
            if change_name:
                for r in rows:
                    if r["code"] == "GAJ-0001":
                        r["name_en"] = "Passport issuance (renamed)"
            if add:
                rows.append({**rows[-1], "code": "MZJ-0099", "name_zh": "测试新增事项", "name_en": "A new test item"})
        if name == "materials" and add:
            rows.append({**rows[-1], "item_code": "MZJ-0099"})
        text = io.StringIO()
        writer = csv.DictWriter(text, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
        out[f"{name}.csv"] = text.getvalue()
    return out


def send(app, files: list[tuple[str, bytes]], status=None):
    page = app.get(PAGE)
    token = page.html.select_one("form[enctype] input[name=csrf_token]")["value"]
    return app.post(PAGE, {"csrf_token": token, "step": "check"},
                    upload_files=[("files", name, data) for name, data in files], status=status)


def csv_files(**kw) -> list[tuple[str, bytes]]:
    return [(name, text.encode()) for name, text in tables(**kw).items()]


@pytest.fixture
def admin(live):
    app = live.app()
    login(app, "test-admin")
    return app


def state(live):
    with live.db.transaction() as s:
        items = {i.code: (i.name_en, i.active) for i in s.scalars(select(Item))}
        uploads = s.scalar(select(func.count()).select_from(CatalogueUpload))
        imports = s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "catalogue.import"))
    return items, uploads, imports


def test_a_dry_run_lists_the_changes_and_writes_nothing_then_the_confirmation_applies(live, admin):
    before, _uploads, _imports = state(live)
    page = send(admin, csv_files(), status=200)
    report = page.html.select_one(".change-preview")
    assert "MZJ-0099" in report.select_one(".code-list").text
    row = next(tr for tr in report.select("tbody tr") if tr.th.text == "GAJ-0001")
    assert row.select_one("code").text == "name_en"
    assert row.select_one("del").text == before["GAJ-0001"][0] and row.select_one("ins").text == "Passport issuance (renamed)"
    assert "MZJ-0002" in report.select(".code-list")[-1].text
    items, uploads, imports = state(live)
    assert items == before and uploads == 1 and imports == 0  # kept for the confirmation only

    token = report.select_one("input[name=token]")["value"]
    csrf = report.select_one("input[name=csrf_token]")["value"]
    done = admin.post(PAGE, {"csrf_token": csrf, "token": token, "step": "apply"}, status=303).follow()
    assert "1 added, 1 changed, 1 deactivated" in done.text
    items, uploads, imports = state(live)
    assert items["GAJ-0001"] == ("Passport issuance (renamed)", True)
    assert items["MZJ-0099"][1] is True and items["MZJ-0002"][1] is False
    assert uploads == 0 and imports == 1
    # Confirmed once: the same token again finds nothing.
    again = admin.post(PAGE, {"csrf_token": csrf, "token": token, "step": "apply"}, status=400)
    assert again.html.select_one(".error-summary") is not None


def test_a_workbook_and_a_json_file_are_known_by_their_content(live, admin, tmp_path):
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    data = {}
    for name, text in tables(add=False, drop=False).items():
        rows = list(csv.reader(io.StringIO(text)))
        sheet = workbook.create_sheet(name[:-4])
        for r in rows:
            sheet.append(r)
        data[name[:-4]] = [dict(zip(rows[0], r)) for r in rows[1:]]
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    for name, body in (("catalogue.dat", path.read_bytes()), ("export", json.dumps(data).encode())):
        page = send(admin, [(name, body)], status=200)
        assert page.html.select_one(".change-preview tbody th").text == "GAJ-0001"


@pytest.mark.parametrize("files, message", [
    ([("items.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64), ("materials.csv", b"item_code,seq\n")], "read from what the files hold"),
    ([("items.csv", tables()["items.csv"].encode())], "read from what the files hold"),  # materials.csv missing
    ([("notes.txt", b"a,b\n1,2\n"), ("materials.csv", b"item_code,seq\n")], "read from what the files hold"),
    ([("book.xlsx", b"PK\x03\x04 not really a zip")], "read from what the files hold"),
    ([("items.csv", b"code,name_zh\n" + b"x" * (20 * 1024 * 1024)), ("materials.csv", b"item_code\n")], "over the limit"),
    ([], "Choose the catalogue file"),
])
def test_files_that_are_not_a_catalogue_are_refused_and_nothing_is_kept(live, admin, files, message):
    before = state(live)
    page = send(admin, files, status=400)
    assert message in page.html.select_one("#files-error").text
    assert page.html.select_one("#files")["aria-invalid"] == "true"
    assert state(live) == before


def test_a_catalogue_with_errors_lists_them_and_keeps_nothing(live, admin):
    files = dict(tables())
    files["items.csv"] = files["items.csv"].replace("GAJ-0001,", "GAJ-0001-BAD CODE,", 1)
    before = state(live)
    page = send(admin, [(n, t.encode()) for n, t in files.items()], status=400)
    assert page.html.select(".row-errors li")
    assert state(live) == before


def test_an_upload_is_confirmed_only_by_whoever_sent_it(live, admin):
    page = send(admin, csv_files(), status=200)
    token = page.html.select_one("input[name=token]")["value"]
    other = live.app()
    with live.db.transaction() as s:
        from guide.models import User
        s.scalar(select(User).where(User.username == "test-publisher")).role = "admin"
    login(other, "test-publisher")
    csrf = other.get(PAGE).html.select_one("input[name=csrf_token]")["value"]
    other.post(PAGE, {"csrf_token": csrf, "token": token, "step": "apply"}, status=400)
    assert state(live)[0]["GAJ-0001"][0] != "Passport issuance (renamed)"


def test_a_body_over_the_upload_limit_is_refused_unread(live, admin):
    before = state(live)
    page = send(admin, [("items.csv", b"x" * (22 * 1024 * 1024))], status=413)
    assert "Content-Length" in page.headers
    assert state(live) == before
