"""The states a guide revision passes through and the actions that move it: one table, read
both by the guide form (which buttons to show) and by the workflow service (what to refuse).

draft → review → published (or scheduled → published), a draft can be sent back, and a
published guide archived. A new save supersedes the draft before it; a new publication the
revision published before it. Which role has a permission is guide.security's table.
"""
from __future__ import annotations

from dataclasses import dataclass

DRAFT, REVIEW, SCHEDULED = "draft", "review", "scheduled"
PUBLISHED, SUPERSEDED, ARCHIVED = "published", "superseded", "archived"
REVISION_STATES = (DRAFT, REVIEW, SCHEDULED, PUBLISHED, SUPERSEDED, ARCHIVED)
#: the states of the revision a guide's draft pointer holds
WORKING_STATES = (DRAFT, REVIEW, SCHEDULED)
#: None: the guide has no draft
ANY_DRAFT = frozenset({None, *WORKING_STATES})


@dataclass(frozen=True)
class Action:
    name: str
    #: the permission (guide.security.PERMISSIONS) it needs
    permission: str
    #: it saves the form's text as a new revision first, when the text changed
    saves_text: bool
    #: the states the guide's draft may be in (after changed text is saved, a draft)
    draft_states: frozenset = ANY_DRAFT
    #: it needs a published revision
    needs_published: bool = False
    #: it needs a note: the change note to publish, or the comment sending a draft back
    needs_note: bool = False

    def allows(self, draft_state: str | None, has_published: bool) -> bool:
        return draft_state in self.draft_states and (has_published or not self.needs_published)


ACTIONS = {action.name: action for action in (
    Action("preview", "edit", saves_text=False),
    Action("save", "edit", saves_text=True),
    Action("submit", "edit", saves_text=True, draft_states=frozenset({DRAFT})),
    Action("send_back", "publish", saves_text=False, draft_states=frozenset({REVIEW}), needs_note=True),
    Action("publish", "publish", saves_text=True, draft_states=frozenset(WORKING_STATES), needs_note=True),
    Action("schedule", "publish", saves_text=True, draft_states=frozenset(WORKING_STATES), needs_note=True),
    Action("cancel_schedule", "publish", saves_text=False, draft_states=frozenset({SCHEDULED})),
    # Not while a publication is scheduled: it would bring the guide back.
    Action("archive", "publish", saves_text=False, draft_states=frozenset({None, DRAFT, REVIEW}),
           needs_published=True),
)}

def draft_after(action: Action, draft_state: str | None, changed: bool) -> str | None:
    """The draft's state once the action has saved the form's text (if it changed)."""
    return DRAFT if changed and action.saves_text else draft_state


def offered(action_name: str, draft_state: str | None, has_published: bool, may_change_schedule: bool) -> bool:
    """Whether the guide form shows this action's button: the action is allowed as the guide
    stands, or once the text is changed (as the service decides, with draft_after, when it is
    pressed)."""
    action = ACTIONS[action_name]
    if action.saves_text and draft_state == SCHEDULED and not may_change_schedule:
        return False  # any change would drop a publisher's schedule
    return action.allows(draft_state, has_published) or (
        action.saves_text and action.allows(draft_after(action, draft_state, changed=True), has_published))
