"""The states a guide revision passes through and the actions that move it: one table each.

draft → review → published (or scheduled → published), a draft can be sent back, and a
published guide archived. A new save supersedes the draft before it; a new publication the
revision published before it. Which role may take an action is guide.security's table.
"""
from __future__ import annotations

from dataclasses import dataclass

DRAFT, REVIEW, SCHEDULED = "draft", "review", "scheduled"
PUBLISHED, SUPERSEDED, ARCHIVED = "published", "superseded", "archived"
REVISION_STATES = (DRAFT, REVIEW, SCHEDULED, PUBLISHED, SUPERSEDED, ARCHIVED)
#: the states of the revision a guide's draft pointer holds
WORKING_STATES = (DRAFT, REVIEW, SCHEDULED)


@dataclass(frozen=True)
class Action:
    name: str
    #: the permission (guide.security.PERMISSIONS) it needs
    permission: str
    #: it saves the form's text as a new revision first, when the text changed
    saves_text: bool
    #: it needs a note: the change note to publish, or the comment sending a draft back
    needs_note: bool = False


ACTIONS = {action.name: action for action in (
    Action("preview", "edit", saves_text=False),
    Action("save", "edit", saves_text=True),
    Action("submit", "edit", saves_text=True),
    Action("send_back", "publish", saves_text=False, needs_note=True),
    Action("publish", "publish", saves_text=True, needs_note=True),
    Action("schedule", "publish", saves_text=True, needs_note=True),
    Action("cancel_schedule", "publish", saves_text=False),
    Action("archive", "publish", saves_text=False),
)}


def offered(action: str, draft_state: str | None, has_published: bool) -> bool:
    """Whether the guide form shows this action's button, given the guide's state (the
    service checks again: a button shown is not a promise)."""
    if action == "submit":
        return draft_state not in (REVIEW, SCHEDULED)
    if action == "send_back":
        return draft_state == REVIEW
    if action == "cancel_schedule":
        return draft_state == SCHEDULED
    if action == "archive":
        return has_published
    return True
