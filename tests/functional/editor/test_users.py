"""Accounts, on the admin pages and with `guide users`: the same rules, each change audited."""
import io

import pytest
from sqlalchemy import select

from guide.accounts.passwords import verify
from guide.models import AuditEvent, User
from guide.scripts.cli import main as guide_command

from .conftest import login


def admin_form(app, path, index=0):
    return app.get(path).forms[index]


def test_an_admin_adds_a_user_who_can_then_sign_in(doomed_app, users, dbsession):
    app = doomed_app
    login(app, users["admin"].username)
    form = app.get("/editor/users").forms[1]
    form["username"], form["role"], form["password"] = "New.Editor", "publisher", "a long enough secret"
    page = form.submit(status=303).follow()
    assert page.html.h1.text == "new.editor"
    added = dbsession.scalar(select(User).where(User.username == "new.editor"))
    assert added.role == "publisher" and verify(added.password_hash, "a long enough secret")
    assert added.password_hash.startswith("$argon2id$")
    login(app, "new.editor", "a long enough secret")
    assert app.get("/editor/").status_int == 200


@pytest.mark.parametrize("name,password,problem", [
    ("x", "a long enough secret", "2 to 40 characters"),
    ("has space", "a long enough secret", "2 to 40 characters"),
    ("test-editor", "a long enough secret", "already a user"),
    ("fine-name", "short", "at least 12 characters"),
    ("fine-name", " " * 20, "only spaces"),
])
def test_bad_new_users_are_refused_with_the_reason(doomed_app, users, dbsession, name, password, problem):
    login(doomed_app, users["admin"].username)
    count = len(dbsession.scalars(select(User)).all())
    form = doomed_app.get("/editor/users").forms[1]
    form["username"], form["password"] = name, password
    page = form.submit(status=400)
    assert problem in page.html.select_one(".error-summary").text
    assert len(dbsession.scalars(select(User)).all()) == count


def test_role_disable_enable_and_password_on_the_web(doomed_app, users, dbsession):
    app = doomed_app
    login(app, users["admin"].username)
    path = "/editor/users/test-editor"
    form = app.get(path).forms[1]
    form["role"] = "publisher"
    form.submit("action", value="role", status=303)
    assert users["editor"].role == "publisher"
    app.get(path).forms[2].submit("action", value="password", status=400)  # empty: refused
    form = app.get(path).forms[2]
    form["password"] = "another long secret"
    form.submit("action", value="password", status=303)
    assert verify(users["editor"].password_hash, "another long secret")
    app.get(path).forms[3].submit("action", value="disable", status=303)
    assert not users["editor"].active
    app.get(path).forms[3].submit("action", value="enable", status=303)
    assert users["editor"].active
    own = app.get("/editor/users/test-admin").forms[3]
    assert "cannot disable your own" in own.submit("action", value="disable", status=400).text
    actions = dbsession.scalars(select(AuditEvent.action).where(AuditEvent.subject == "test-editor")
                                .order_by(AuditEvent.id)).all()
    assert actions == ["user.role", "user.password", "user.disable", "user.enable"]


def test_an_editor_changes_their_own_language_and_password(doomed_app, users):
    app = doomed_app
    login(app, users["editor"].username)
    form = app.get("/editor/preferences").forms[1]
    form["locale"] = "zh-Hant"
    page = form.submit("action", value="locale", status=303).follow()
    assert page.html.html["lang"] == "zh-Hant" and page.html.h1.text == "個人設定"
    form = page.forms[2]
    form["current_password"], form["new_password"] = "wrong", "a brand new password"
    assert form.submit("action", value="password", status=400).html.select_one(".error-summary")
    assert verify(users["editor"].password_hash, "correct horse battery")
    form["current_password"] = "correct horse battery"
    form.submit("action", value="password", status=303)
    assert app.get("/editor/").status_int == 200  # this session goes on
    assert verify(users["editor"].password_hash, "a brand new password")


def test_the_users_command(scratch, monkeypatch, capsys):
    db = ["--database-url", scratch.url]

    def run(*args, stdin=""):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = guide_command(["users", *args, *db])
        captured = capsys.readouterr()
        return code, captured.out + captured.err

    assert run("add", "Chief", "--role", "admin", stdin="a long enough secret\nignored second line\n")[0] == 0
    assert run("add", "chief", stdin="a long enough secret\n") == (1, "guide: There is already a user 'chief'.\n")
    code, out = run("add", "shorty", stdin="too short\n")
    assert code == 1 and "at least 12 characters" in out
    assert run("add", "writer", stdin="another good secret\n")[0] == 0
    assert run("set-role", "writer", "publisher") == (0, "writer is now publisher\n")
    assert run("set-role", "writer", "emperor")[0] == 1
    assert run("disable", "writer") == (0, "writer is disabled\n")
    assert run("enable", "writer") == (0, "writer is enabled\n")
    assert run("reset-password", "writer", stdin="a fresh good secret\n")[0] == 0
    assert run("disable", "nobody")[0] == 1
    code, out = run("list")
    assert code == 0 and out.splitlines() == ["chief\tadmin\tactive\tlast login never",
                                              "writer\tpublisher\tactive\tlast login never"]
    with scratch.transaction() as s:
        user = s.scalar(select(User).where(User.username == "writer"))
        assert verify(user.password_hash, "a fresh good secret")
        events = s.execute(select(AuditEvent.action, AuditEvent.address).order_by(AuditEvent.id)).all()
    assert [a for a, _ in events] == ["user.add", "user.add", "user.role", "user.disable", "user.enable",
                                      "user.password"]
    assert {address for _, address in events} == {"cli"}
