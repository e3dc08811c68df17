"""Apply a validated catalogue to the database: all or nothing, with a diff of what changed.

Editorial guides hang off items and are never written here. An item the new catalogue no
longer lists is deactivated, not deleted, so its guides survive a mistaken import.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..models import Department, Item, ItemTopic, Material
from ..search.sync import changes_discarded
from ..translations import Ledger, snapshot
from .provenance import fact_changes, flag_guides, materials_text
from .sources import read_source
from .validation import Catalogue, RowError, validate

ITEM_FIELDS = (
    "name_zh", "name_en", "item_type", "level", "audience", "cross_site_mode", "legal_limit_days",
    "promised_limit_days", "fee_yuan", "fee_note_zh", "fee_note_en", "visits", "online_depth",
    "online_url", "conditions_zh", "conditions_en", "result_zh", "result_en", "legal_basis_zh",
    "legal_basis_en", "phone", "service",
)
MATERIAL_FIELDS = ("seq", "name_zh", "name_en", "originals", "copies", "requirement", "blank_form",
                   "note_zh", "note_en")
DEPARTMENT_FIELDS = ("name_zh", "name_en", "kind", "phone")

Progress = Callable[[str, int, int], None]
#: an import with errors lists the first of them (the command and the browser alike), then their number
MAX_ERRORS_SHOWN = 200


class CatalogueInvalid(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} error(s) in the catalogue; nothing was imported")
        self.errors = errors


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    departments_added: int = 0
    departments_changed: int = 0
    #: guides flagged because their item's facts changed
    guides_flagged: int = 0
    #: code -> [[field, before, after]] of each changed item's facts (provenance.py)
    changes: dict[str, list[list]] = field(default_factory=dict)

    def summary(self) -> str:
        return (f"items: {len(self.added)} added, {len(self.changed)} changed, "
                f"{len(self.removed)} removed, {self.unchanged} unchanged; departments: "
                f"{self.departments_added} added, {self.departments_changed} changed; "
                f"guides flagged for review: {self.guides_flagged}")


def _no_progress(phase: str, done: int, total: int) -> None:
    pass


def _material_rows(item: Item) -> list[tuple]:
    return [tuple(getattr(m, f) for f in MATERIAL_FIELDS) for m in item.materials]


def _sync_materials(item: Item, materials: list[tuple], ledger: Ledger) -> None:
    # Update rows in place by position: replacing the list would insert the new rows before
    # the old ones are deleted and trip the (item, seq) unique constraint.
    by_seq = {m.seq: m for m in item.materials}
    wanted = [dict(zip(MATERIAL_FIELDS, m)) for m in materials]
    for values in wanted:
        material = by_seq.pop(values["seq"], None)
        before = None
        if material is None:
            material = Material(**values)
            item.materials.append(material)
        else:
            before = snapshot(material, "material")
            for f, v in values.items():
                setattr(material, f, v)
        ledger.record("material", f"{item.code}#{material.seq}", before, material)
    for material in by_seq.values():
        item.materials.remove(material)


def _apply_departments(dbsession: Session, catalogue: Catalogue, report: ImportReport,
                       ledger: Ledger) -> dict[str, Department]:
    existing = {d.code: d for d in dbsession.scalars(select(Department))}
    for code, record in catalogue.departments.items():
        department = existing.get(code)
        before = snapshot(department, "department") if department is not None else None
        if department is None:
            department = Department(code=code)
            dbsession.add(department)
            existing[code] = department
            report.departments_added += 1
        elif all(getattr(department, f) == record[f] for f in DEPARTMENT_FIELDS):
            continue
        else:
            report.departments_changed += 1
        for f in DEPARTMENT_FIELDS:
            setattr(department, f, record[f])
        ledger.record("department", code, before, department)
    return existing


def _facts(item: Item) -> dict:
    """What an item's guides rest on: its fields, department and materials (provenance.py)."""
    department = item.department.code if item.department else None
    return {**{f: getattr(item, f) for f in ITEM_FIELDS}, "department": department,
            "materials": materials_text(item.materials)}


def apply_catalogue(dbsession: Session, catalogue: Catalogue, progress: Progress = _no_progress) -> ImportReport:
    """Write a validated catalogue into the session's transaction; the caller commits or aborts.
    The guides of items whose facts changed are flagged for their editors (provenance.py)."""
    report = ImportReport()
    now = dt.datetime.now(dt.timezone.utc)
    ledger = Ledger(dbsession)
    departments = _apply_departments(dbsession, catalogue, report, ledger)
    existing = {
        i.code: i
        for i in dbsession.scalars(select(Item).options(selectinload(Item.materials), selectinload(Item.topics)))
    }
    total = len(catalogue.items)
    for done, (code, record) in enumerate(catalogue.items.items(), start=1):
        if done % 200 == 0 or done == total:
            progress("import", done, total)
        item = existing.get(code)
        materials = [tuple(m[f] for f in MATERIAL_FIELDS) for m in catalogue.materials[code]]
        department = departments[record["department"]]
        if item is None:
            item = Item(code=code)
            dbsession.add(item)
            report.added.append(code)
        elif (item.active and item.department is department
              and all(getattr(item, f) == record[f] for f in ITEM_FIELDS)
              and _material_rows(item) == materials and item.topic_codes == record["topics"]):
            report.unchanged += 1
            continue
        else:
            report.changed.append(code)
        before = snapshot(item, "item") if code in existing else None
        facts = _facts(item) if code in existing else None
        for f in ITEM_FIELDS:
            setattr(item, f, record[f])
        ledger.record("item", code, before, item)
        item.department = department
        item.active = True
        if _material_rows(item) != materials:
            _sync_materials(item, materials, ledger)
        if item.topic_codes != record["topics"]:
            item.topics = [ItemTopic(topic=t) for t in record["topics"]]
        if facts is not None:
            changes = fact_changes(facts, _facts(item))
            if changes:
                report.changes[code] = changes
                report.guides_flagged += flag_guides(dbsession, item, changes, now)
    for code, item in existing.items():
        if code not in catalogue.items and item.active:
            item.active = False
            report.removed.append(code)
    dbsession.flush()
    return report


def import_catalogue(dbsession: Session, path: str | Path, progress: Progress = _no_progress) -> ImportReport:
    """Read, validate and apply; raises CatalogueInvalid (with every error) before writing anything."""
    tables = read_source(path)
    progress("read", sum(len(t.rows) for t in tables.values()), 0)
    known = set(dbsession.scalars(select(Department.code)))
    catalogue = validate(tables, known)
    if catalogue.errors:
        raise CatalogueInvalid(catalogue.errors)
    return apply_catalogue(dbsession, catalogue, progress)


def dry_run(dbsession: Session, path: str | Path, progress: Progress = _no_progress) -> ImportReport:
    """What importing would do, worked out in a savepoint of the caller's transaction that is
    then rolled back: nothing of it is written, nor noted for the search."""
    with changes_discarded(dbsession):
        savepoint = dbsession.begin_nested()
        try:
            return import_catalogue(dbsession, path, progress)
        finally:
            savepoint.rollback()
