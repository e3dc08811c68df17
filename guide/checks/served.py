"""What the site serves, read once for all the rules: the database after loading, plus the rule
tables and lists kept in content/ (checks, glossary, the most used items)."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..models import Department, Item, ServiceCenter, Window
from ..workflow.service import EDITABLE_LOCALES, published_revisions
from .findings import SEVERITIES

#: what a row of content/checks/rules.csv may say
RULE_FIELDS = ("materials", "required_materials", "result", "conditions")
RULE_MUSTS = ("include", "exclude")


class RulesInvalid(Exception):
    """content/checks/rules.csv has rows the checks cannot apply; each problem names its row."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class Served:
    items: list[Item]
    windows: list[Window]
    centers: list[ServiceCenter]
    departments: list[Department]
    #: {(item id, locale): published GuideRevision}
    guides: dict
    #: content/checks/rules.csv rows
    rules: list[dict]
    #: content/glossary/terms.csv rows with something to avoid
    glossary: list[dict]
    #: content/glossary/traditional.csv rows
    traditional: list[dict]
    #: codes of content/catalogue/most_used.csv
    most_used: list[str]


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def rule_rows(path: Path) -> list[dict]:
    """The rule table, every row checked: a misspelt severity or field must not make a rule
    that silently never fires."""
    rows, problems, seen = _rows(path), [], set()
    for n, row in enumerate(rows, start=2):
        where = f"{path.name} row {n}"
        if not row.get("id") or row["id"] in seen:
            problems.append(f"{where}: id {row.get('id')!r} is missing or used twice")
        seen.add(row.get("id"))
        for column, allowed in (("severity", SEVERITIES), ("field", RULE_FIELDS), ("must", RULE_MUSTS)):
            if row.get(column) not in allowed:
                problems.append(f"{where}: {column} {row.get(column)!r} is not one of {', '.join(allowed)}")
        for column in ("item_name", "unless_name", "pattern"):
            try:
                re.compile(row.get(column) or "")
            except re.error as e:
                problems.append(f"{where}: {column} is not a regular expression ({e})")
        if not row.get("item_name") or not row.get("pattern") or not row.get("message"):
            problems.append(f"{where}: item_name, pattern and message are required")
    if problems:
        raise RulesInvalid(problems)
    return rows


def load_served(dbsession: Session, content_dir: str | Path) -> Served:
    content = Path(content_dir)
    items = dbsession.scalars(select(Item).where(Item.active).order_by(Item.code).options(
        selectinload(Item.department), selectinload(Item.materials))).all()
    windows = dbsession.scalars(select(Window).options(
        selectinload(Window.departments), selectinload(Window.extra_items), selectinload(Window.center))).all()
    return Served(
        items=items,
        windows=windows,
        centers=dbsession.scalars(select(ServiceCenter)).all(),
        departments=dbsession.scalars(select(Department)).all(),
        guides=published_revisions(dbsession, None, EDITABLE_LOCALES),
        rules=rule_rows(content / "checks" / "rules.csv"),
        glossary=[row for row in _rows(content / "glossary" / "terms.csv") if row.get("avoid")],
        traditional=_rows(content / "glossary" / "traditional.csv"),
        most_used=[row["code"] for row in _rows(content / "catalogue" / "most_used.csv")],
    )
