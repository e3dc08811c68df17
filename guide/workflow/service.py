"""The guide workflow: the one place that changes guide states and revision pointers, and the
one answer to "which revision is published".

Every change is checked completely before anything is written, so a refused action leaves the
database as it was, whatever the transaction does next.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, selectinload

from .. import audit
from ..audit import Actor
from ..i18n import SOURCE_LOCALE, _
from ..models import Guide, GuideRevision, Item
from .states import ACTIONS, ARCHIVED, DRAFT, PUBLISHED, REVIEW, SCHEDULED, SUPERSEDED, Action, draft_after

#: the locales editors write; Traditional Chinese is converted from the Simplified source
EDITABLE_LOCALES = (SOURCE_LOCALE.tag, "en")
#: the audit log's names for the parts of the system that act on guides
SCHEDULER, CONTENT_FILES = "scheduler", "content files"


class WorkflowError(Exception):
    """An action the rules refuse: `message` tells the editor why (a translation string)."""

    def __init__(self, message, field: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field


class Conflict(Exception):
    """The form was loaded from an older revision than the guide's newest: saving would
    overwrite someone's work."""

    def __init__(self, newest: GuideRevision):
        super().__init__(f"the guide is at revision {newest.number}")
        self.newest = newest


@dataclass(frozen=True)
class Submission:
    """What the guide form sent (checked for form and size by the view)."""

    summary: str
    body: str
    #: the number of the newest revision the form was loaded from (0: the guide had none)
    base_revision: int
    note: str | None = None
    major: bool = False
    #: UTC instant, for `schedule`
    publish_at: dt.datetime | None = None


@dataclass(frozen=True)
class Outcome:
    #: the revision the action created or moved, if any
    revision: GuideRevision | None
    #: what happened, for the editor (a translation string)
    message: object


def _refusal(action: str, draft_state: str | None):
    """Why the action is not possible with the guide's draft in this state."""
    if action == "submit":
        return (_("There is no draft to submit: change the text first.") if draft_state is None
                else _("This draft is already waiting for review."))
    if action in ("publish", "schedule"):
        return _("Nothing to publish: the text is the same as the published guide.")
    if action == "send_back":
        return _("Only a draft waiting for review can be sent back.")
    if action == "cancel_schedule":
        return _("This guide has no scheduled publication.")
    if draft_state == SCHEDULED:  # archive
        return _("A publication is scheduled: cancel the schedule before archiving.")
    return _("Nothing is published, so there is nothing to archive.")


def is_stale(translated_from: int | None, source_number: int | None) -> bool:
    """A translation made from (source revision `translated_from`) an older revision of its
    source (now at `source_number`; None: no published source)."""
    return source_number is not None and (translated_from or 0) < source_number


def published_revisions(dbsession: Session, item_ids=None, locales=None) -> dict[tuple[int, str], GuideRevision]:
    """{(item id, locale): the published revision}, for the given items (all when None)."""
    stmt = (select(Guide.item_id, Guide.locale, GuideRevision)
            .join(GuideRevision, GuideRevision.id == Guide.published_revision_id))
    if item_ids is not None:
        stmt = stmt.where(Guide.item_id.in_(item_ids))
    if locales is not None:
        stmt = stmt.where(Guide.locale.in_(locales))
    return {(item_id, locale): revision for item_id, locale, revision in dbsession.execute(stmt)}


class GuideWorkflow:
    def __init__(self, dbsession: Session, now: dt.datetime):
        self.db = dbsession
        self.now = now

    # -- reading ----------------------------------------------------------------------------

    def find(self, item: Item, locale: str, lock: bool = False) -> Guide | None:
        stmt = select(Guide).where(Guide.item_id == item.id, Guide.locale == locale)
        if lock:
            # Writers of one guide take turns (PostgreSQL; SQLite has one writer anyway), and
            # see what the one before them committed.
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return self.db.scalar(stmt)

    def newest_number(self, guide: Guide | None) -> int:
        if guide is None:
            return 0
        return self.db.scalar(select(func.coalesce(func.max(GuideRevision.number), 0))
                              .where(GuideRevision.guide_id == guide.id))

    def newest(self, guide: Guide) -> GuideRevision | None:
        return self.db.scalar(select(GuideRevision).where(GuideRevision.guide_id == guide.id)
                              .order_by(GuideRevision.number.desc()).limit(1))

    def revision(self, guide: Guide, number: int) -> GuideRevision | None:
        return self.db.scalar(select(GuideRevision).where(GuideRevision.guide_id == guide.id,
                                                          GuideRevision.number == number))

    def history(self, guide: Guide) -> list[GuideRevision]:
        return list(self.db.scalars(
            select(GuideRevision).where(GuideRevision.guide_id == guide.id).order_by(GuideRevision.number.desc())
            .options(selectinload(GuideRevision.author), selectinload(GuideRevision.publisher))))

    @staticmethod
    def working(guide: Guide | None) -> GuideRevision | None:
        """The text an editor starts from: the draft, else the published revision."""
        if guide is None:
            return None
        return guide.draft_revision or guide.published_revision

    def source_number(self, item: Item) -> int | None:
        """The number of the published source-language revision a translation would follow."""
        source = published_revisions(self.db, [item.id], [SOURCE_LOCALE.tag]).get((item.id, SOURCE_LOCALE.tag))
        return source.number if source else None

    # -- the guide form ---------------------------------------------------------------------

    def apply(self, item: Item, locale: str, action_name: str, form: Submission, actor: Actor,
              may_change_schedule: bool = False) -> Outcome:
        """Carry out one of the guide form's actions (all but preview, which writes nothing).
        `may_change_schedule`: the actor may change a scheduled draft (a publisher)."""
        if locale not in EDITABLE_LOCALES:
            raise WorkflowError(_("Traditional Chinese is converted from the Simplified text and cannot be edited."))
        action = ACTIONS[action_name]
        guide = self.find(item, locale, lock=True)
        newest = self.newest_number(guide)
        if form.base_revision != newest:
            if guide is None:
                raise WorkflowError(_("This form is out of date: reload the page and try again."))
            raise Conflict(self.newest(guide))
        working = self.working(guide)
        before = (working.summary, working.body) if working else ("", "")
        changed = (form.summary, form.body) != before
        draft = guide.draft_revision if guide else None
        self._check(action, form, guide, draft, changed, may_change_schedule)

        # Changed text replaces a scheduled draft: its schedule goes, and the log says so.
        dropped = draft.number if changed and action.saves_text and draft and draft.state == SCHEDULED else None
        if changed and action.saves_text:
            guide = guide or self._create(item, locale)
            draft = self._save(guide, newest + 1, form.summary, form.body, form.note, actor)
        if dropped:
            self._record("guide.cancel_schedule", actor, item, locale, dropped, None)
        if action.name == "save":
            if not changed:
                return Outcome(working, _("Nothing to save: the text has not changed."))
            guide.updated_at = guide.edited_on_web_at = self.now
            return Outcome(draft, _("Saved as revision ${n}.", mapping={"n": draft.number}))

        target, detail = draft, None
        if action.name == "submit":
            draft.state = REVIEW
            message = _("Revision ${n} is waiting for review.", mapping={"n": draft.number})
        elif action.name == "send_back":
            draft.state, draft.review_comment, draft.reviewer = DRAFT, form.note, actor.user
            detail = form.note
            message = _("Revision ${n} was sent back to its author.", mapping={"n": draft.number})
        elif action.name == "publish":
            self._publish(guide, draft, form.note, form.major, actor.user)
            detail = form.note
            message = _("Revision ${n} is published.", mapping={"n": draft.number})
        elif action.name == "schedule":
            draft.state, draft.publish_at = SCHEDULED, form.publish_at
            draft.change_note, draft.major, draft.publisher = form.note, form.major, actor.user
            detail = form.publish_at.isoformat()
            message = _("Revision ${n} is scheduled.", mapping={"n": draft.number})
        elif action.name == "cancel_schedule":
            draft.state, draft.publish_at = REVIEW, None
            message = _("The schedule of revision ${n} is cancelled: it is waiting for review again.",
                        mapping={"n": draft.number})
        else:  # archive
            target = guide.published_revision
            target.state = ARCHIVED
            guide.published_revision = None
            message = _("The guide is archived: readers no longer see it.")
        guide.updated_at = guide.edited_on_web_at = self.now
        self._record(f"guide.{action.name}", actor, item, locale, target.number, detail)
        return Outcome(target, message)

    def _check(self, action: Action, form: Submission, guide: Guide | None, draft: GuideRevision | None,
               changed: bool, may_change_schedule: bool) -> None:
        """Refuse what the rules (states.ACTIONS) do not allow, before anything is written."""
        if changed and not action.saves_text:
            raise WorkflowError(_("You changed the text: save it first, or reload the page to undo your changes."))
        if action.needs_note and not form.note:
            message = (_("Say what needs to change before sending the draft back.") if action.name == "send_back"
                       else _("A change note is required to publish."))
            raise WorkflowError(message, "note")
        if changed and action.saves_text:
            if not (form.summary.strip() or form.body.strip()):
                raise WorkflowError(_("Write a summary or some text first."), "body")
            if draft is not None and draft.state == SCHEDULED and not may_change_schedule:
                raise WorkflowError(_("This guide is scheduled to be published: only a publisher can change it now."))
        state = draft_after(action, draft.state if draft else None, changed)
        if not action.allows(state, guide is not None and guide.published_revision is not None):
            raise WorkflowError(_refusal(action.name, state))
        if action.name == "schedule":
            if form.publish_at is None:
                raise WorkflowError(_("Give the date and time to publish at."), "publish_at")
            if form.publish_at <= self.now:
                raise WorkflowError(_("The publication time is in the past: choose a later time."), "publish_at")

    def restore(self, item: Item, locale: str, number: int, base_revision: int, actor: Actor,
                may_change_schedule: bool = False) -> GuideRevision:
        """An old revision's text as a new draft (the history keeps everything in between)."""
        guide = self.find(item, locale, lock=True)
        old = self.revision(guide, number) if guide else None
        if old is None:
            raise WorkflowError(_("There is no revision ${n}.", mapping={"n": number}))
        if base_revision != self.newest_number(guide):
            raise Conflict(self.newest(guide))
        draft = guide.draft_revision
        scheduled = draft.number if draft is not None and draft.state == SCHEDULED else None
        if scheduled and not may_change_schedule:
            raise WorkflowError(_("This guide is scheduled to be published: only a publisher can change it now."))
        restored = self._save(guide, base_revision + 1, old.summary, old.body, None, actor,
                              source_revision=old.source_revision, restored_from=old.number)
        if scheduled:
            self._record("guide.cancel_schedule", actor, item, locale, scheduled, None)
        guide.updated_at = guide.edited_on_web_at = self.now
        self._record("guide.restore", actor, item, locale, restored.number, str(old.number))
        return restored

    # -- scheduled publishing ---------------------------------------------------------------

    def _due(self):
        return (GuideRevision.state == SCHEDULED, GuideRevision.publish_at <= self.now)

    def anything_due(self) -> bool:
        return self.db.scalar(select(GuideRevision.id).where(*self._due()).limit(1)) is not None

    def publish_due(self) -> list[GuideRevision]:
        """Publish every scheduled revision whose time has come. Safe to run at any moment,
        as often as wanted, from any number of processes: a revision is published once."""
        due = self.db.execute(
            select(GuideRevision.id, GuideRevision.guide_id).where(*self._due())
            # A fixed order: two runners lock the guides in the same order, never in a cycle.
            .order_by(GuideRevision.publish_at, GuideRevision.id)).all()
        published = []
        for revision_id, guide_id in due:
            guide = self.db.scalar(select(Guide).where(Guide.id == guide_id).with_for_update()
                                   .execution_options(populate_existing=True))
            revision = self.db.scalar(select(GuideRevision).where(GuideRevision.id == revision_id)
                                      .execution_options(populate_existing=True))
            # Another process may have published it, or an editor replaced it, meanwhile.
            if revision.state != SCHEDULED or guide.draft_revision_id != revision.id:
                continue
            scheduled_for = revision.publish_at
            self._publish(guide, revision, revision.change_note, revision.major, revision.publisher)
            guide.updated_at = self.now
            self._record("guide.publish", Actor.system(SCHEDULER), guide.item, guide.locale, revision.number,
                         scheduled_for.isoformat())
            published.append(revision)
        return published

    # -- content files ----------------------------------------------------------------------

    def load(self, item: Item, locale: str, summary: str, body: str, state: str, source_revision: int | None,
             number: int | None, overwrite: bool, publish_at: dt.datetime | None = None,
             draft_follows: bool = False) -> str:
        """A guide from content/guides/: "added", "changed", "unchanged", or "kept" when the
        guide was edited on the web since (content files never replace that, unless overwrite).
        `number` is the revision the file declares (the source's); it may skip numbers.
        `draft_follows`: this is the published revision of a guide whose draft a second file
        holds (loaded next): it is compared with the published revision, not the draft."""
        guide = self.find(item, locale, lock=True)
        newest = self.newest(guide) if guide else None
        if newest is not None:
            if guide.edited_on_web_at is not None and not overwrite:
                return "kept"
            if draft_follows:
                current, current_state = guide.published_revision, PUBLISHED
            else:
                current, current_state = self.working(guide) or newest, guide_state(guide)
            if (current is not None and current_state == state
                    and (current.summary, current.body, current.source_revision) == (summary, body, source_revision)
                    and (state != SCHEDULED or current.publish_at == publish_at)
                    and (number is None or number <= newest.number)):
                return "unchanged"
        guide = guide or self._create(item, locale)
        next_number = max(newest.number + 1 if newest else 1, number or 0)
        revision = self._save(guide, next_number, summary, body, None, None, source_revision=source_revision)
        if state == PUBLISHED:
            self._publish(guide, revision, None, False, None)
        elif state == ARCHIVED:
            revision.state = ARCHIVED
            guide.draft_revision = None
            if guide.published_revision is not None:
                guide.published_revision.state = SUPERSEDED
                guide.published_revision = None
        else:
            revision.state = state
            revision.publish_at = publish_at if state == SCHEDULED else None
        guide.updated_at, guide.edited_on_web_at = self.now, None  # the files are its source again
        self._record("guide.load", Actor.system(CONTENT_FILES), item, locale, revision.number, state)
        return "changed" if newest else "added"

    # -- writing ----------------------------------------------------------------------------

    def _create(self, item: Item, locale: str) -> Guide:
        # Two first saves of one guide at once: one creates the row, both then lock it and the
        # second finds a revision it did not expect (a conflict), instead of a duplicate row.
        insert = (postgresql.insert if self.db.get_bind().dialect.name == "postgresql" else sqlite.insert)(Guide)
        self.db.execute(insert.values(item_id=item.id, locale=locale, updated_at=self.now)
                        .on_conflict_do_nothing())
        guide = self.find(item, locale, lock=True)
        if self.newest_number(guide):
            raise Conflict(self.newest(guide))
        return guide

    def _save(self, guide: Guide, number: int, summary: str, body: str, note: str | None, actor: Actor | None,
              source_revision: int | None = None, restored_from: int | None = None) -> GuideRevision:
        """A new draft revision, superseding the draft before it."""
        if guide.locale != SOURCE_LOCALE.tag and source_revision is None:
            source_revision = self.source_number(guide.item)
        old = guide.draft_revision
        if old is not None:
            old.state, old.publish_at = SUPERSEDED, None
        revision = GuideRevision(guide=guide, number=number, state=DRAFT, summary=summary, body=body,
                                 author=actor.user if actor else None, created_at=self.now, note=note or None,
                                 source_revision=source_revision, restored_from=restored_from)
        self.db.add(revision)
        guide.draft_revision = revision
        if actor is not None:
            self._record("guide.save", actor, guide.item, guide.locale, number, note)
        return revision

    def _publish(self, guide: Guide, revision: GuideRevision, change_note: str | None, major: bool, publisher) -> None:
        previous = guide.published_revision
        if previous is not None and previous is not revision:
            previous.state = SUPERSEDED
        revision.state, revision.published_at, revision.publish_at = PUBLISHED, self.now, None
        revision.change_note, revision.major, revision.publisher = change_note, major, publisher
        guide.published_revision = revision
        if guide.draft_revision is revision:
            guide.draft_revision = None

    def _record(self, action: str, actor: Actor, item: Item, locale: str, number: int, detail: str | None) -> None:
        audit.record(self.db, action, actor, self.now, item_code=item.code, locale=locale, revision=number,
                     detail=detail)


def guide_state(guide: Guide | None) -> str | None:
    """One word for where a guide stands: its draft's state (draft, review, scheduled) while it
    has one, else published or archived; None when there is no guide. (A guide row is made with
    its first revision, so one with neither pointer was archived.)"""
    if guide is None:
        return None
    if guide.draft_revision is not None:
        return guide.draft_revision.state
    return PUBLISHED if guide.published_revision is not None else ARCHIVED
