"""Index documents built from the database: one per active item, every language in it."""
from __future__ import annotations

import logging
from collections import defaultdict
from typing import Iterator

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, joinedload, selectinload

from ..models import BestBet, GuideRevision, Item, Window
from ..places.acceptance import window_accepts
from ..workflow.service import EDITABLE_LOCALES, published_revisions


log = logging.getLogger(__name__)


def _centers_by_item(dbsession: Session, items: list[Item]) -> dict[int, set[str]]:
    windows = dbsession.scalars(select(Window).options(
        selectinload(Window.departments), selectinload(Window.extra_items), joinedload(Window.center))).all()
    centers: dict[int, set[str]] = defaultdict(set)
    for item in items:
        for window in windows:
            if window.center.code not in centers[item.id] and window_accepts(window, item):
                centers[item.id].add(window.center.code)
    return centers


def _best_bets_by_item(dbsession: Session, item_ids) -> dict[int, list[list]]:
    stmt = select(BestBet.item_id, BestBet.query, BestBet.rank)
    if item_ids is not None:
        stmt = stmt.where(BestBet.item_id.in_(item_ids))
    bets: dict[int, list[list]] = defaultdict(list)
    for item_id, query, rank in dbsession.execute(stmt):
        bets[item_id].append([query, rank])
    return bets


def item_documents(dbsession: Session, item_ids=None) -> Iterator[dict]:
    """Documents for the given item ids (all active items when None); inactive ones are skipped."""
    stmt = select(Item).where(Item.active).options(
        joinedload(Item.department), selectinload(Item.materials), selectinload(Item.topics)).order_by(Item.code)
    if item_ids is not None:
        stmt = stmt.where(Item.id.in_(item_ids))
    items = dbsession.scalars(stmt).all()
    centers = _centers_by_item(dbsession, items)
    ids = None if item_ids is None else [i.id for i in items]
    guides = published_revisions(dbsession, ids, EDITABLE_LOCALES)
    bets = _best_bets_by_item(dbsession, ids)
    for item in items:
        yield build_document(item, centers.get(item.id, set()), guides.get((item.id, "zh-Hans")),
                             guides.get((item.id, "en")), bets.get(item.id, []))


def documents_by_code(dbsession: Session, item_ids=None) -> tuple[dict[str, dict], set[int]]:
    """Index documents by code, and the ids of items whose document could not be built: those are
    logged and left out (they keep their old index entry), rather than holding back every other
    change. A database error is raised: the caller's transaction or journal keeps the work."""
    try:
        return {d["code"]: d for d in item_documents(dbsession, item_ids)}, set()
    except SQLAlchemyError:
        raise
    except Exception:
        log.exception("building index documents failed; building them one by one")
    ids = item_ids if item_ids is not None else dbsession.scalars(select(Item.id).where(Item.active)).all()
    documents, broken = {}, set()
    for item_id in ids:
        try:
            documents.update((d["code"], d) for d in item_documents(dbsession, [item_id]))
        except SQLAlchemyError:
            raise
        except Exception:
            log.exception("item %s cannot be indexed; it keeps its old index entry until it changes again", item_id)
            broken.add(item_id)
    return documents, broken


def build_document(item: Item, centers: set[str], guide_zh: GuideRevision | None, guide_en: GuideRevision | None,
                   best_bets: list[list]) -> dict:
    from .analysis import pinyin_keys

    dept = item.department
    materials_zh = "；".join(m.name_zh for m in item.materials)
    materials_en = "; ".join(m.name_en for m in item.materials)
    # The materials apart: a result found only there ranks after the others, and says so.
    text_zh = "\n".join(filter(None, [item.conditions_zh, item.result_zh, guide_zh and guide_zh.summary,
                                      guide_zh and guide_zh.body]))
    text_en = "\n".join(filter(None, [item.conditions_en, item.result_en, guide_en and guide_en.summary,
                                      guide_en and guide_en.body]))
    pinyin, initials = pinyin_keys(item.name_zh)
    audiences = ["individual", "enterprise"] if item.audience == "both" else [item.audience]
    return {
        "code": item.code,
        "name_zh": item.name_zh,
        "name_bigram": item.name_zh,
        "name_en": item.name_en,
        "pinyin": " ".join(sorted(pinyin)),
        "initials": " ".join(sorted(initials)),
        "text_zh": text_zh,
        "text_en": text_en,
        "materials_zh": materials_zh,
        "materials_en": materials_en,
        "spell_en": f"{item.name_en} {materials_en}",
        "meta": {
            "code": item.code, "name_zh": item.name_zh, "name_en": item.name_en,
            "department": dept.code, "department_zh": dept.name_zh, "department_en": dept.name_en,
            "type": item.item_type, "audience": audiences, "online": "yes" if item.applies_online else "no",
            "mode": item.cross_site_mode, "center": sorted(centers),
            "snippet_zh": f"{item.conditions_zh} {item.result_zh} {materials_zh}",
            "snippet_en": f"{item.conditions_en} {item.result_en} {materials_en}",
            # [normalized query, rank]: searches read best bets from here, not the database
            "best_bets": sorted(best_bets),
        },
    }
