"""Catalogue validation without a database: every error, with its file, row and column."""
from pathlib import Path

import pytest

from guide.catalogue.sources import SourceError, read_source
from guide.catalogue.validation import validate

SMALL = Path(__file__).resolve().parents[2] / "fixtures" / "catalogue-small"


@pytest.fixture
def tables():
    return read_source(SMALL)


def rows(tables, name):
    return {row["code" if name != "materials" else "item_code"] + (row.get("seq", "")): row
            for _, row in tables[name].rows}


def errors_of(tables, known=frozenset()):
    return [(e.origin, e.row, e.column) for e in validate(tables, set(known)).errors]


def test_sample_fixture_is_valid(tables):
    catalogue = validate(tables, set())
    assert catalogue.errors == []
    assert set(catalogue.items) == {"GAJ-0001", "MZJ-0001", "MZJ-0002"}
    assert [m["seq"] for m in catalogue.materials["GAJ-0001"]] == [1, 2]
    assert catalogue.items["MZJ-0002"]["topics"] == ["family", "social"]


@pytest.mark.parametrize("column, value, message", [
    ("item_type", "permit", "is not one of"),
    ("legal_limit_days", "ten", "not a whole number"),
    ("fee_yuan", "-5", "amount in yuan"),
    ("fee_yuan", "1.234", "two decimal places"),
    ("visits", "3", "between 0 and 2"),
    ("online_url", "http://example.org/x", "https://"),
    ("code", "gaj 1", "not a valid item code"),
    ("name_zh", "", "a value is required"),
    ("topics", "business;space", "unknown topic"),
    ("name_en", "bad\x07bell", "control characters"),
])
def test_bad_cell_is_reported_with_file_row_and_column(tables, column, value, message):
    tables["items"].rows[0][1][column] = value
    # (A renamed code also leaves its materials pointing at an unknown item: told separately.)
    errors = [e for e in validate(tables, set()).errors if e.origin == "items.csv"]
    assert [(e.origin, e.row, e.column) for e in errors] == [("items.csv", "row 2", column)]
    assert message in errors[0].message
    assert str(errors[0]).startswith(f"items.csv, row 2, column {column}: ")


def test_every_error_is_reported_not_just_the_first(tables):
    tables["items"].rows[0][1]["audience"] = "aliens"
    tables["items"].rows[1][1]["department"] = "nowhere"
    tables["items"].rows[2][1]["promised_limit_days"] = "99"
    tables["materials"].rows[0][1]["requirement"] = "maybe"
    assert errors_of(tables) == [
        ("items.csv", "row 2", "audience"),
        ("items.csv", "row 3", "department"),
        ("items.csv", "row 4", "promised_limit_days"),
        ("materials.csv", "row 2", "requirement"),
    ]


def test_duplicate_codes_and_positions(tables):
    tables["items"].rows[1][1]["code"] = "GAJ-0001"
    tables["materials"].rows[1][1]["seq"] = "1"
    errors = errors_of(tables)
    assert ("items.csv", "row 3", "code") in errors
    assert ("materials.csv", "row 3", "seq") in errors


def test_department_known_from_the_database(tables):
    del tables["departments"]
    assert ("items.csv", "row 2", "department") in errors_of(tables)
    assert errors_of(tables, known={"gaj", "mzj"}) == []


def test_online_items_need_a_url_and_online_only_needs_depth_4(tables):
    tables["items"].rows[0][1]["online_url"] = ""
    tables["items"].rows[2][1]["online_depth"] = "3"
    assert errors_of(tables) == [("items.csv", "row 2", "online_url"), ("items.csv", "row 4", "online_depth")]


def test_an_item_needing_no_visit_is_online_only_and_the_reverse(tables):
    assert tables["items"].rows[2][1]["cross_site_mode"] == "online_only"
    tables["items"].rows[2][1]["visits"] = "1"
    tables["items"].rows[0][1]["visits"] = "0"
    assert errors_of(tables) == [("items.csv", "row 2", "visits"), ("items.csv", "row 4", "visits")]


def test_material_for_unknown_item_and_item_without_materials(tables):
    tables["materials"].rows[0][1]["item_code"] = "NOPE-1"
    tables["materials"].rows[1][1]["item_code"] = "NOPE-1"
    assert errors_of(tables) == [("materials.csv", "row 2", "item_code"), ("materials.csv", "row 3", "item_code")]
    tables = read_source(SMALL)
    tables["materials"].rows = [r for r in tables["materials"].rows if r[1]["item_code"] != "GAJ-0001"]
    catalogue = validate(tables, set())
    assert [e.column for e in catalogue.errors] == ["item_code"]
    assert "GAJ-0001 has 0 materials" in catalogue.errors[0].message


def test_missing_required_column_is_one_header_error(tables):
    tables["items"].columns.remove("phone")
    for _, row in tables["items"].rows:
        del row["phone"]
    assert errors_of(tables) == [("items.csv", "header", "phone")]


def test_unreadable_sources(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_source(tmp_path / "missing")
    with pytest.raises(SourceError, match="'items' table is missing"):
        read_source(tmp_path)
    broken = tmp_path / "c.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(SourceError, match="not valid UTF-8 JSON"):
        read_source(broken)
    fake = tmp_path / "c.xlsx"
    fake.write_bytes(b"PK not a zip")
    with pytest.raises(SourceError, match="not a readable XLSX"):
        read_source(fake)
    (tmp_path / "items.csv").write_bytes("code\n\xff\xfe".encode("latin-1"))
    (tmp_path / "materials.csv").write_text("item_code\n", encoding="utf-8")
    with pytest.raises(SourceError, match="not UTF-8"):
        read_source(tmp_path)
    with pytest.raises(SourceError, match="give a folder"):
        read_source(tmp_path / "materials.csv")
