"""The audit log: who did what, when and from where; filters; append-only in the app and in
the database."""
import datetime as dt
import re

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from guide.models import AuditEvent
from guide.models.audit import AppendOnly

from .conftest import login
from .test_guide_form import submit


def rows(page):
    return [r.get_text(" ", strip=True) for r in page.html.select("table.audit tbody tr")]


def test_the_log_records_and_filters_what_editors_do(doomed_app, users, clock):
    app = doomed_app
    app.extra_environ["REMOTE_ADDR"] = "192.0.2.44"
    clock.set(dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.timezone.utc))  # 10:00 in China
    login(app, users["editor"].username)
    submit(app, body="审计测试正文", note="审计说明")
    clock.advance(days=1)
    login(app, users["publisher"].username)
    form = app.get("/editor/items/GAJ-0048/zh-hans").forms["guide-form"]
    form["note"], form["publish_at"] = "定时", "2026-12-05T09:30"
    form.submit("action", value="schedule", status=303)
    login(app, users["admin"].username)
    users_form = app.get("/editor/users/test-editor").forms[1]
    users_form["role"] = "publisher"
    users_form.submit("action", value="role", status=303)

    page = app.get("/editor/audit", {"lang": "en"})
    assert "192.0.2.44" in page.text
    by_editor = rows(app.get("/editor/audit", {"user": "test-editor"}))
    # the draft follows the revision the content files published
    assert any("Saved a draft" in r and re.search(r"GAJ-0048 zh-Hans #\d+", r) and "审计说明" in r for r in by_editor)
    assert any("Signed in" in r for r in by_editor)
    by_item = rows(app.get("/editor/audit", {"item": "gaj-0048"}))
    assert all("GAJ-0048" in r for r in by_item)
    assert "Scheduled a publication" in by_item[0] and "for 5 Dec 2026, 09:30" in by_item[0]
    assert "Saved a draft" in by_item[1] and "content files" in by_item[-1]
    first_day = rows(app.get("/editor/audit", {"from": "2026-12-01", "to": "2026-12-01", "user": "test-editor"}))
    assert first_day == by_editor
    assert rows(app.get("/editor/audit", {"from": "2026-12-02", "user": "test-editor"})) == []
    role_change = rows(app.get("/editor/audit", {"user": "test-admin"}))[0]
    assert "Changed a role" in role_change and "test-editor" in role_change and "Editor → Publisher" in role_change
    for bad in ({"from": "yesterday"}, {"to": "2026-13-01"}, {"page": "0"}, {"user": "x" * 81}):
        app.get("/editor/audit", bad, status=400)


def test_audit_events_cannot_be_changed_or_deleted(dbsession, database):
    event = dbsession.scalar(select(AuditEvent).limit(1))
    assert event is not None  # loading the content recorded events
    event.detail = "rewritten"
    with pytest.raises(AppendOnly):
        dbsession.flush()
    dbsession.rollback()
    with pytest.raises(AppendOnly):
        dbsession.delete(dbsession.scalar(select(AuditEvent).limit(1)))
        dbsession.flush()


@pytest.mark.parametrize("statement", ["UPDATE audit_events SET detail = 'x'", "DELETE FROM audit_events"])
def test_the_database_refuses_too(database, statement):
    with database.engine.connect() as connection:
        with pytest.raises(DBAPIError, match="append-only"):
            connection.execute(text(statement))
        connection.rollback()


def test_the_date_filter_counts_days_in_china_time(doomed_app, users, clock):
    app = doomed_app
    # 23:30 in China on 1 December is 15:30 UTC the same day; 07:30 on 2 December is 23:30 UTC
    # on 1 December: both belong to the China days they happened on.
    clock.set(dt.datetime(2026, 12, 1, 15, 30, tzinfo=dt.timezone.utc))
    login(app, users["editor"].username)
    clock.set(dt.datetime(2026, 12, 1, 23, 30, tzinfo=dt.timezone.utc))
    login(app, users["publisher"].username)
    clock.set(dt.datetime(2026, 12, 2, 1, 0, tzinfo=dt.timezone.utc))
    login(app, users["admin"].username)

    def who(day):
        found = app.get("/editor/audit", {"from": day, "to": day, "lang": "en"})
        return {r.select("td")[1].text for r in found.html.select("table.audit tbody tr")
                if "Signed in" in r.text}

    assert who("2026-12-01") == {"test-editor"}
    assert who("2026-12-02") == {"test-publisher", "test-admin"}
