"""Which buttons the guide form offers in each state (the service checks again)."""
import pytest

from guide.security import PERMISSIONS
from guide.workflow.states import ACTIONS, offered


@pytest.mark.parametrize("draft_state,has_published,expected", [
    (None, True, {"preview", "save", "submit", "send_back", "publish", "schedule", "archive"} - {"send_back"}),
    (None, False, {"preview", "save", "submit", "publish", "schedule"}),
    ("draft", True, {"preview", "save", "submit", "publish", "schedule", "archive"}),
    ("review", False, {"preview", "save", "send_back", "publish", "schedule"}),
    ("scheduled", True, {"preview", "save", "publish", "schedule", "cancel_schedule", "archive"}),
])
def test_offered(draft_state, has_published, expected):
    assert {a for a in ACTIONS if offered(a, draft_state, has_published)} == expected


def test_every_action_needs_a_declared_permission():
    assert {action.permission for action in ACTIONS.values()} <= set(PERMISSIONS)
