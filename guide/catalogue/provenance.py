"""Provenance: when an import changes the facts of an item (its promised days, conditions,
materials...), every guide of the item, in every language, is flagged with what changed, field
by field, and listed for editors until one confirms the guide still holds or edits it."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from ..models import Guide, GuideSourceChange, Item


def _shown(value) -> str | int | None:
    return value if value is None or isinstance(value, (str, int)) else str(value)


def materials_text(materials) -> str:
    """The materials as one line: name and originals/copies each."""
    return "; ".join(f"{m.name_zh} ({m.originals}/{m.copies})" for m in materials)


def fact_changes(before: dict, after: dict) -> list[list]:
    """[[field, before, after]] of the facts that differ."""
    return [[name, _shown(before.get(name)), _shown(after.get(name))] for name in after
            if before.get(name) != after.get(name)]


def flag_guides(dbsession: Session, item: Item, changes: list[list], now: dt.datetime) -> int:
    """Flag every guide of the item; the number flagged."""
    guides = dbsession.scalars(select(Guide).where(Guide.item_id == item.id)).all() if item.id else []
    for guide in guides:
        dbsession.add(GuideSourceChange(guide=guide, changes=json.dumps(changes, ensure_ascii=False), created_at=now))
    return len(guides)


@dataclass
class Flagged:
    guide: Guide
    #: [[field, before, after]] of every import since the guide was last confirmed or edited
    changes: list[list]
    since: dt.datetime


def flagged(dbsession: Session) -> list[Flagged]:
    """The guides whose item's facts changed, oldest change first."""
    rows = dbsession.scalars(select(GuideSourceChange).options(
        selectinload(GuideSourceChange.guide).selectinload(Guide.item)).order_by(GuideSourceChange.id)).all()
    out: dict[int, Flagged] = {}
    for row in rows:
        entry = out.setdefault(row.guide_id, Flagged(row.guide, [], row.created_at))
        entry.changes += json.loads(row.changes)
    return list(out.values())


def clear(dbsession: Session, guide: Guide) -> int:
    """The guide holds, or was edited: its flags go. The number cleared."""
    return dbsession.execute(delete(GuideSourceChange).where(GuideSourceChange.guide_id == guide.id)).rowcount
