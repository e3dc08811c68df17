"""Which buttons the guide form offers in each state (the service checks again, from the same
table)."""
import pytest

from guide.security import PERMISSIONS
from guide.workflow.states import ACTIONS, offered

EVERY = set(ACTIONS)


@pytest.mark.parametrize("draft_state,has_published,may_change_schedule,expected", [
    (None, True, True, EVERY - {"send_back", "cancel_schedule"}),
    (None, False, True, {"preview", "save", "submit", "publish", "schedule"}),
    ("draft", True, True, {"preview", "save", "submit", "publish", "schedule", "archive"}),
    ("review", False, True, {"preview", "save", "send_back", "publish", "schedule"}),
    ("review", True, True, {"preview", "save", "send_back", "publish", "schedule", "archive"}),
    ("scheduled", True, True, {"preview", "save", "publish", "schedule", "cancel_schedule"}),
    # An editor may not change a scheduled draft: that would drop the publisher's schedule.
    ("scheduled", True, False, {"preview", "cancel_schedule"}),
])
def test_offered(draft_state, has_published, may_change_schedule, expected):
    assert {a for a in ACTIONS if offered(a, draft_state, has_published, may_change_schedule)} == expected


def test_every_action_needs_a_declared_permission():
    assert {action.permission for action in ACTIONS.values()} <= set(PERMISSIONS)
