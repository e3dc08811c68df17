"""What the editor's dashboard lists: drafts, reviews, schedules, recent publications and
translations behind their source. Queries only; the rules stay in service.py."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager, selectinload

from ..i18n import SOURCE_LOCALE
from ..models import Guide, GuideRevision, Item, User
from .service import is_stale, published_revisions
from .states import DRAFT, REVIEW, SCHEDULED

LIMIT = 50
#: how far back, and how many, "recently published" looks
RECENT, RECENT_LIMIT = dt.timedelta(days=30), 20


@dataclass(frozen=True)
class Entry:
    item: Item
    locale: str
    revision: GuideRevision


def _drafts(dbsession: Session, *conditions, order=None) -> list[Entry]:
    stmt = (select(GuideRevision).join(Guide, Guide.draft_revision_id == GuideRevision.id).join(Guide.item)
            .where(Item.active, *conditions)
            .options(contains_eager(GuideRevision.guide).contains_eager(Guide.item),
                     selectinload(GuideRevision.author))
            .order_by(order if order is not None else GuideRevision.created_at.desc()).limit(LIMIT))
    return [Entry(r.guide.item, r.guide.locale, r) for r in dbsession.scalars(stmt)]


def my_drafts(dbsession: Session, user: User) -> list[Entry]:
    return _drafts(dbsession, GuideRevision.state == DRAFT, GuideRevision.author_id == user.id)


def awaiting_review(dbsession: Session) -> list[Entry]:
    return _drafts(dbsession, GuideRevision.state == REVIEW, order=GuideRevision.created_at)


def scheduled(dbsession: Session) -> list[Entry]:
    return _drafts(dbsession, GuideRevision.state == SCHEDULED, order=GuideRevision.publish_at)


def recently_published(dbsession: Session, now: dt.datetime) -> list[Entry]:
    stmt = (select(GuideRevision).join(Guide, Guide.id == GuideRevision.guide_id).join(Guide.item)
            .where(Item.active, GuideRevision.published_at >= now - RECENT)
            .options(contains_eager(GuideRevision.guide).contains_eager(Guide.item),
                     selectinload(GuideRevision.publisher))
            .order_by(GuideRevision.published_at.desc(), GuideRevision.id.desc()).limit(RECENT_LIMIT))
    return [Entry(r.guide.item, r.guide.locale, r) for r in dbsession.scalars(stmt)]


@dataclass(frozen=True)
class Behind:
    item: Item
    #: the published translation, None when there is none yet
    translation: GuideRevision | None
    source: GuideRevision


def translations_behind(dbsession: Session, locale: str = "en") -> list[Behind]:
    """Published sources whose translation is missing or made from an older revision."""
    published = published_revisions(dbsession, locales=[SOURCE_LOCALE.tag, locale])
    items = {i.id: i for i in dbsession.scalars(select(Item).where(Item.active))}
    behind = []
    for (item_id, tag), source in published.items():
        if tag != SOURCE_LOCALE.tag or item_id not in items:
            continue
        translation = published.get((item_id, locale))
        if translation is None or is_stale(translation, source):
            behind.append(Behind(items[item_id], translation, source))
    # Stale translations first (readers see outdated text), then missing ones, by code.
    return sorted(behind, key=lambda b: (b.translation is None, b.item.code))
