"""Editorial guides: the plain-language layer of one item in one locale, as numbered revisions.

A Guide row is the (item, locale) pair; its text lives in GuideRevision rows. The guide points
at its published revision (what readers see) and at its current draft (what editors work on),
so a draft never changes the public page until it is published. Only guide.workflow changes
states and pointers.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .catalogue import Item
from .meta import Base, UTCDateTime
from .users import User


class Guide(Base):
    __tablename__ = "guides"
    __table_args__ = (UniqueConstraint("item_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    #: a tag from guide.i18n.KNOWN_LOCALES, e.g. "zh-Hans"
    locale: Mapped[str] = mapped_column(String(20))
    #: the revision readers see; None when nothing is published (or it was archived)
    published_revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("guide_revisions.id", use_alter=True, ondelete="SET NULL"))
    #: the revision editors work on (state draft, review or scheduled); None when there is none
    draft_revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("guide_revisions.id", use_alter=True, ondelete="SET NULL"))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    #: when an editor last changed it on the web; content files never replace such a guide
    #: (unless `load-content --overwrite`)
    edited_on_web_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    item: Mapped[Item] = relationship()
    # post_update: a guide and its first revision point at each other, so one is written after.
    published_revision: Mapped[GuideRevision | None] = relationship(
        foreign_keys=[published_revision_id], post_update=True)
    draft_revision: Mapped[GuideRevision | None] = relationship(foreign_keys=[draft_revision_id], post_update=True)
    revisions: Mapped[list[GuideRevision]] = relationship(
        back_populates="guide", foreign_keys="GuideRevision.guide_id", order_by="GuideRevision.number",
        cascade="all, delete-orphan", passive_deletes=True)


class GuideRevision(Base):
    """One saved text of a guide. Text never changes once written; state and dates do."""

    __tablename__ = "guide_revisions"
    __table_args__ = (
        UniqueConstraint("guide_id", "number"),
        # publish-due looks for scheduled revisions whose time has come.
        Index("ix_guide_revisions_state_publish_at", "state", "publish_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    guide_id: Mapped[int] = mapped_column(ForeignKey("guides.id", ondelete="CASCADE"), index=True)
    #: 1, 2, 3 ... within the guide
    number: Mapped[int]
    #: one of guide.workflow.states.REVISION_STATES
    state: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(Text, default="")
    #: Markdown; rendered and sanitised on display
    body: Mapped[str] = mapped_column(Text, default="")
    #: None for text loaded from content/guides/ (or migrated from before revisions existed)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    #: the author's note on saving
    note: Mapped[str | None] = mapped_column(Text)
    #: for a translation: the number of the source-language revision it was made from
    source_revision: Mapped[int | None]
    #: the revision whose text this one restored
    restored_from: Mapped[int | None]
    #: what changed, for readers and the history: required to publish
    change_note: Mapped[str | None] = mapped_column(Text)
    #: a change readers should hear about (listed in a public feed)
    major: Mapped[bool] = mapped_column(default=False)
    #: when a scheduled revision goes live
    publish_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    #: who published or scheduled it (None: content files, or the scheduler acting on a schedule)
    publisher_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: a publisher's comment when sending the draft back
    review_comment: Mapped[str | None] = mapped_column(Text)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    guide: Mapped[Guide] = relationship(back_populates="revisions", foreign_keys=[guide_id])
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    publisher: Mapped[User | None] = relationship(foreign_keys=[publisher_id])
    reviewer: Mapped[User | None] = relationship(foreign_keys=[reviewer_id])


class GuideSourceChange(Base):
    """An import changed the facts of a guide's item (guide.catalogue.provenance): the guide is
    listed for editors until one confirms it still holds or edits it."""

    __tablename__ = "guide_source_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    guide_id: Mapped[int] = mapped_column(ForeignKey("guides.id", ondelete="CASCADE"), index=True)
    #: JSON: [[field, before, after], ...]
    changes: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    guide: Mapped[Guide] = relationship()
