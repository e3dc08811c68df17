"""What the editor's dashboard lists: drafts, reviews, schedules, recent publications and
translations behind their source. Queries only; the rules stay in service.py and states.py."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, contains_eager, selectinload

from ..i18n import SOURCE_LOCALE
from ..models import Guide, GuideRevision, Item
from .service import is_stale
from .states import DRAFT, REVIEW, SCHEDULED

#: entries a list shows; it says how many more there are
LIMIT = 50
#: how far back "recently published" looks
RECENT = dt.timedelta(days=30)


@dataclass(frozen=True)
class Entry:
    item: Item
    locale: str
    revision: GuideRevision


@dataclass
class Listing:
    total: int
    entries: list = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.total - len(self.entries)


def _revisions(dbsession: Session, pointer, conditions, order, limit: int | None) -> Listing:
    base = (select(GuideRevision).join(Guide, pointer == GuideRevision.id).join(Guide.item)
            .where(Item.active, *conditions))
    total = dbsession.scalar(select(func.count()).select_from(base.subquery()))
    stmt = (base.options(contains_eager(GuideRevision.guide).contains_eager(Guide.item),
                         selectinload(GuideRevision.author), selectinload(GuideRevision.publisher))
            .order_by(*order).limit(limit))
    return Listing(total, [Entry(r.guide.item, r.guide.locale, r) for r in dbsession.scalars(stmt)])


def my_drafts(dbsession: Session, user_id: int) -> Listing:
    return _revisions(dbsession, Guide.draft_revision_id, [GuideRevision.state == DRAFT,
                                                           GuideRevision.author_id == user_id],
                      [GuideRevision.created_at.desc()], LIMIT)


def awaiting_review(dbsession: Session) -> Listing:
    return _revisions(dbsession, Guide.draft_revision_id, [GuideRevision.state == REVIEW],
                      [GuideRevision.created_at], LIMIT)


def scheduled(dbsession: Session) -> Listing:
    """Every scheduled publication: none may go out unseen."""
    return _revisions(dbsession, Guide.draft_revision_id, [GuideRevision.state == SCHEDULED],
                      [GuideRevision.publish_at], None)


def recently_published(dbsession: Session, now: dt.datetime) -> Listing:
    return _revisions(dbsession, Guide.published_revision_id, [GuideRevision.published_at >= now - RECENT],
                      [GuideRevision.published_at.desc(), GuideRevision.id.desc()], LIMIT)


@dataclass(frozen=True)
class Behind:
    item: Item
    #: the published source revision's number
    source: int
    #: the source revision the published translation was made from; None: not translated yet
    translated_from: int | None


def translations_behind(dbsession: Session, locale: str = "en") -> Listing:
    """Published sources whose translation is missing or made from an older revision, stale
    ones first. Reads numbers only, not the texts."""
    published = dbsession.execute(
        select(Guide.item_id, Item.code, Guide.locale, GuideRevision.number, GuideRevision.source_revision)
        .join(GuideRevision, GuideRevision.id == Guide.published_revision_id).join(Guide.item)
        .where(Item.active, Guide.locale.in_([SOURCE_LOCALE.tag, locale]))).all()
    sources = {(item_id, code): number for item_id, code, tag, number, _ in published if tag == SOURCE_LOCALE.tag}
    translations = {item_id: made_from or 0 for item_id, _, tag, _, made_from in published if tag == locale}
    behind = sorted(((translations.get(item_id) is None, code, item_id, number)
                     for (item_id, code), number in sources.items()
                     if item_id not in translations or is_stale(translations[item_id], number)))
    shown = behind[:LIMIT]
    items = {i.id: i for i in dbsession.scalars(select(Item).where(Item.id.in_([b[2] for b in shown])))}
    return Listing(len(behind), [Behind(items[item_id], number, translations.get(item_id))
                                 for _missing, _code, item_id, number in shown])
