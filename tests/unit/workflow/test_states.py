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
    # Submit again once the text is changed (the changed text is a new draft).
    ("review", False, True, {"preview", "save", "submit", "send_back", "publish", "schedule"}),
    ("review", True, True, {"preview", "save", "submit", "send_back", "publish", "schedule", "archive"}),
    ("scheduled", True, True, {"preview", "save", "submit", "publish", "schedule", "cancel_schedule"}),
    # An editor may not change a scheduled draft: that would drop the publisher's schedule.
    ("scheduled", True, False, {"preview", "cancel_schedule"}),
])
def test_offered(draft_state, has_published, may_change_schedule, expected):
    assert {a for a in ACTIONS if offered(a, draft_state, has_published, may_change_schedule)} == expected


def test_every_action_needs_a_declared_permission():
    assert {action.permission for action in ACTIONS.values()} <= set(PERMISSIONS)


@pytest.mark.parametrize("draft_state", [None, "draft", "review", "scheduled"])
@pytest.mark.parametrize("has_published", [True, False])
def test_a_button_is_shown_when_the_service_would_take_it(draft_state, has_published):
    """The form's rule and the service's rule agree: shown ⇔ allowed unchanged or changed."""
    from guide.workflow.states import draft_after

    for name, action in ACTIONS.items():
        takes = any(action.allows(draft_after(action, draft_state, changed), has_published) for changed in (False, True))
        assert offered(name, draft_state, has_published, may_change_schedule=True) == takes, name
