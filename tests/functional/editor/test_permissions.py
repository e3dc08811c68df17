"""Who may do what in the editor beyond the route table (tests/functional/test_access.py has
every route and method against one matrix, and CSRF on each): the guide form's actions per role,
and the token on each of them.

The expectations are written out here, not read from guide.security: this is the
specification the app's one declaration must meet."""
import pytest

from ..test_access import GUIDE, ROLES, allowed, counts
from .conftest import login

#: the guide form's actions -> the least role allowed
ACTIONS = {"preview": "editor", "save": "editor", "submit": "editor", "send_back": "publisher",
           "publish": "publisher", "schedule": "publisher", "cancel_schedule": "publisher", "archive": "publisher"}


@pytest.mark.parametrize("role", ROLES)
def test_guide_actions_by_role(doomed_app, users, role):
    app = doomed_app
    login(app, users[role].username)
    page = app.get(GUIDE)
    form = page.forms["guide-form"]
    shown = {button["value"] for button in page.html.select("#guide-form button[name=action]")}
    for action, least in ACTIONS.items():
        may = allowed(least, role)
        # Buttons a role may not use are not shown (some are shown only in a state: archive
        # needs a published guide, which GAJ-0048 has).
        if action in ("preview", "save", "submit", "publish", "schedule", "archive"):
            assert (action in shown) == may, action
        values = {"csrf_token": form["csrf_token"].value, "base_revision": form["base_revision"].value,
                  "summary": form["summary"].value, "body": form["body"].value, "action": action}
        response = app.post(GUIDE, values, expect_errors=True)
        if may:
            assert response.status_int != 403, action
        else:
            assert response.status_int == 403, action


@pytest.mark.parametrize("token", [None, "not-the-token"])
def test_every_guide_action_needs_the_token(doomed_app, users, dbsession, token):
    """Each button of the guide form, as an admin (who may use them all), with a changed text: 400
    without the session's token, and nothing changes."""
    app = doomed_app
    login(app, users["admin"].username)
    form = app.get(GUIDE).forms["guide-form"]
    before = counts(dbsession)
    for action in ACTIONS:
        values = {"summary": "改了", "body": "改了", "base_revision": form["base_revision"].value, "note": "x",
                  "publish_at": "2030-01-02T09:00", "action": action}
        if token:
            values["csrf_token"] = token
        response = app.post(GUIDE, values, expect_errors=True)
        assert response.status_int == 400, action
        assert "did not come from this site" in response.text, action
    assert counts(dbsession) == before
    assert app.get("/editor/").status_int == 200  # still signed in
