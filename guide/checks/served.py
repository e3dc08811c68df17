"""What the site serves, read once for all the rules: the database after loading, plus the rule
tables and lists kept in content/ (checks, glossary, the most used items)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..models import Department, Item, ServiceCenter, Window
from ..workflow.service import EDITABLE_LOCALES, published_revisions


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
        rules=_rows(content / "checks" / "rules.csv"),
        glossary=[row for row in _rows(content / "glossary" / "terms.csv") if row.get("avoid")],
        traditional=_rows(content / "glossary" / "traditional.csv"),
        most_used=[row["code"] for row in _rows(content / "catalogue" / "most_used.csv")],
    )
