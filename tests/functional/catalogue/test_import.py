"""Importing a catalogue into a real, empty database: all or nothing, with a diff on re-import."""
import csv
import datetime as dt
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from guide.catalogue.importer import CatalogueInvalid, import_catalogue
from guide.catalogue.sources import TABLES
from guide.models import Department, Item, Material
from guide.scripts.cli import main as guide_command
from guide.workflow.service import GuideWorkflow, published_revisions

SMALL = Path(__file__).resolve().parents[2] / "fixtures" / "catalogue-small"


def copy_small(tmp_path) -> Path:
    folder = tmp_path / "catalogue"
    shutil.copytree(SMALL, folder)
    return folder


def rewrite(folder: Path, table: str, change) -> None:
    path = folder / f"{table}.csv"
    with path.open(encoding="utf-8") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    rows = change(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def counts(db):
    with db.transaction() as s:
        return (s.scalar(select(func.count(Item.id)).where(Item.active)),
                s.scalar(select(func.count(Material.id))),
                s.scalar(select(func.count(Department.id))))


def test_import_then_reimport_reports_the_diff(scratch, tmp_path):
    folder = copy_small(tmp_path)
    with scratch.transaction() as s:
        report = import_catalogue(s, folder)
    assert sorted(report.added) == ["GAJ-0001", "MZJ-0001", "MZJ-0002"]
    assert report.departments_added == 2
    assert counts(scratch) == (3, 6, 2)

    with scratch.transaction() as s:
        report = import_catalogue(s, folder)
    assert (report.added, report.changed, report.removed, report.unchanged) == ([], [], [], 3)

    # An editor's guide must survive a re-import that changes and even drops its item.
    with scratch.transaction() as s:
        item = s.scalar(select(Item).where(Item.code == "MZJ-0002"))
        GuideWorkflow(s, dt.datetime.now(dt.timezone.utc)).load(item, "zh-Hans", "编辑写的", "正文\n", "published",
                                                               None, None, overwrite=False)

    def change(rows):
        rows = [r for r in rows if r["code"] != "MZJ-0002"]
        rows[0]["promised_limit_days"] = "5"
        return rows

    rewrite(folder, "items", change)
    rewrite(folder, "materials", lambda rows: [r for r in rows if r["item_code"] != "MZJ-0002"])
    with scratch.transaction() as s:
        report = import_catalogue(s, folder)
    assert (report.added, report.changed, report.removed, report.unchanged) == ([], ["GAJ-0001"], ["MZJ-0002"], 1)
    with scratch.transaction() as s:
        dropped = s.scalar(select(Item).where(Item.code == "MZJ-0002"))
        assert dropped.active is False
        assert published_revisions(s, [dropped.id])[(dropped.id, "zh-Hans")].summary == "编辑写的"
        assert s.scalar(select(Item.promised_limit_days).where(Item.code == "GAJ-0001")) == 5


def test_changed_materials_count_as_a_change(scratch, tmp_path):
    folder = copy_small(tmp_path)
    with scratch.transaction() as s:
        import_catalogue(s, folder)

    def change(rows):
        rows[0]["copies"] = "2"
        return rows

    rewrite(folder, "materials", change)
    with scratch.transaction() as s:
        report = import_catalogue(s, folder)
    assert report.changed == ["GAJ-0001"]
    with scratch.transaction() as s:
        item = s.scalar(select(Item).where(Item.code == "GAJ-0001"))
        assert [m.copies for m in item.materials] == [2, 0]


def test_a_bad_row_imports_nothing(scratch, tmp_path):
    folder = copy_small(tmp_path)
    with scratch.transaction() as s:
        import_catalogue(s, folder)

    def change(rows):
        rows[0]["name_zh"] = "改过的名字"
        rows[2]["visits"] = "9"
        return rows

    rewrite(folder, "items", change)
    with pytest.raises(CatalogueInvalid) as raised:
        with scratch.transaction() as s:
            import_catalogue(s, folder)
    assert [str(e) for e in raised.value.errors] == [
        "items.csv, row 4, column visits: 9 is not between 0 and 2"]
    with scratch.transaction() as s:
        assert s.scalar(select(Item.name_zh).where(Item.code == "GAJ-0001")) == "普通护照签发"


def small_as_records():
    records = {}
    for table in TABLES:
        with (SMALL / f"{table}.csv").open(encoding="utf-8") as f:
            records[table] = list(csv.DictReader(f))
    return records


def test_xlsx_and_json_import_the_same_catalogue(scratch, tmp_path):
    records = small_as_records()
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for table, rows in records.items():
        sheet = workbook.create_sheet(table)
        sheet.append(list(rows[0]))
        for row in rows:
            # Numbers as numbers, as a spreadsheet user would type them.
            sheet.append([int(v) if v.isdigit() else v for v in row.values()])
    workbook.save(tmp_path / "catalogue.xlsx")
    with scratch.transaction() as s:
        report = import_catalogue(s, tmp_path / "catalogue.xlsx")
    assert len(report.added) == 3

    (tmp_path / "catalogue.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    with scratch.transaction() as s:
        report = import_catalogue(s, tmp_path / "catalogue.json")
    assert (len(report.added), len(report.changed), report.unchanged) == (0, 0, 3)


def test_cli_reports_every_error_and_exit_code(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    assert guide_command(["init-db", "--database-url", db]) == 0
    folder = copy_small(tmp_path)

    def change(rows):
        rows[0]["department"] = "nowhere"
        rows[1]["fee_yuan"] = "free"
        return rows

    rewrite(folder, "items", change)
    assert guide_command(["import-catalogue", "--database-url", db, str(folder)]) == 1
    err = capsys.readouterr().err
    assert "items.csv, row 2, column department: unknown department 'nowhere'" in err
    assert "items.csv, row 3, column fee_yuan: 'free' is not an amount in yuan" in err
    assert "2 error(s); nothing was imported" in err

    assert guide_command(["import-catalogue", "--database-url", db, str(SMALL)]) == 0
    out = capsys.readouterr()
    assert "items: 3 added, 0 changed, 0 removed, 0 unchanged" in out.out
    assert "import: 3/3 items" in out.err
    assert guide_command(["import-catalogue", "--database-url", db, str(tmp_path / "nope.xlsx")]) == 1
    assert "no such file" in capsys.readouterr().err
