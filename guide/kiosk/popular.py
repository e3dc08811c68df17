"""Load each hall's popular items from content/kiosk/popular.csv (all or nothing)."""
from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ..content_version import bump
from ..models import Item, ServiceCenter
from ..models.centers import center_popular_items
from ..places.loader import ContentInvalid


def load_popular(dbsession: Session, path: Path) -> int:
    """Replace every hall's list with the file's; raises ContentInvalid before anything is
    written. A missing file leaves the lists as they are."""
    if not path.exists():
        return 0
    centers = dict(dbsession.execute(select(ServiceCenter.code, ServiceCenter.id)).all())
    items = dict(dbsession.execute(select(Item.code, Item.id)).all())
    errors, rows, seen = [], [], set()
    with path.open(newline="", encoding="utf-8-sig") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            center, item = (row.get("center") or "").strip(), (row.get("item") or "").strip()
            label = f"{path.name} row {line}"
            if center not in centers:
                errors.append(f"{label}: unknown center '{center}'")
            elif item not in items:
                errors.append(f"{label}: unknown item '{item}'")
            elif (center, item) in seen:
                errors.append(f"{label}: {item} is listed twice for {center}")
            else:
                seen.add((center, item))
                rows.append({"center_id": centers[center], "item_id": items[item], "position": len(rows)})
    if errors:
        raise ContentInvalid(errors)
    current = [tuple(r) for r in dbsession.execute(
        select(center_popular_items.c.center_id, center_popular_items.c.item_id, center_popular_items.c.position)
        .order_by(center_popular_items.c.position))]
    if current != [(r["center_id"], r["item_id"], r["position"]) for r in rows]:  # write only a change
        dbsession.execute(delete(center_popular_items))
        if rows:
            dbsession.execute(insert(center_popular_items), rows)
        bump(dbsession)  # Core statements: no flush sees them
    return len(rows)
