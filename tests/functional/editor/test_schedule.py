"""Scheduled publishing: `guide publish-due` with the clock moved (no sleeping), the next
editor request, cancelling, and a time in the past."""
import datetime as dt

from sqlalchemy import select

from guide.hours.status import TZ
from guide.models import AuditEvent
from guide.scripts.cli import main as guide_command

from .conftest import login

GUIDE = "/editor/items/GAJ-0001/zh-hans"
PUBLIC = "/zh-hans/items/GAJ-0001"


def china(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=TZ)


def schedule(app, at: str, body: str, status: int = 303):
    form = app.get(GUIDE).forms["guide-form"]
    form["body"], form["note"], form["publish_at"] = body, "定时更新", at
    return form.submit("action", value="schedule", status=status)


def public_text(app) -> str:
    return app.get(PUBLIC).html.select_one(".guide-text").get_text(" ", strip=True)


def publish_due(live, capsys) -> str:
    assert guide_command(["publish-due", "--database-url", live.db.url], clock=live.clock) == 0
    return capsys.readouterr().out


def test_a_scheduled_revision_goes_live_when_publish_due_runs_after_its_time(live, capsys):
    app = live.app()
    live.clock.set(china("2026-12-01T09:00"))
    login(app, "test-publisher")
    page = schedule(app, "2026-12-01T10:00", "十点上线的正文").follow()
    assert "scheduled" in page.html.select_one(".flash").text
    status = page.html.select_one(".guide-status").get_text(" ", strip=True)
    assert "Scheduled" in status and "10:00" in status
    assert page.forms["guide-form"]["publish_at"].value == "2026-12-01T10:00"
    scheduled = app.get("/editor/").html.select_one("#h-scheduled").find_parent("section")
    assert "GAJ-0001" in scheduled.text and "10:00" in scheduled.text  # listed with its date

    assert "0 scheduled revision(s) published" in publish_due(live, capsys)  # not yet
    assert "旧的正文" in public_text(app)
    live.clock.set(china("2026-12-01T10:00:30"))
    out = publish_due(live, capsys)
    assert "published GAJ-0001 zh-Hans revision 2" in out and "1 scheduled" in out
    assert "十点上线的正文" in public_text(app)
    assert "0 scheduled revision(s) published" in publish_due(live, capsys)  # idempotent
    with live.db.transaction() as s:
        event = s.scalar(select(AuditEvent).where(AuditEvent.action == "guide.publish"))
        assert (event.actor_name, event.revision) == ("scheduler", 2)


def test_the_next_editor_request_publishes_what_is_due(live):
    app = live.app()
    live.clock.set(china("2026-12-01T09:00"))
    login(app, "test-publisher")
    schedule(app, "2026-12-01T09:30", "九点半的正文")
    live.clock.advance(minutes=31)
    assert "旧的正文" in public_text(app)  # public pages do not publish
    app.get("/editor/")
    assert "九点半的正文" in public_text(app)


def test_a_cancelled_schedule_does_not_go_live(live, capsys):
    app = live.app()
    live.clock.set(china("2026-12-01T09:00"))
    login(app, "test-publisher")
    schedule(app, "2026-12-01T11:00", "不会上线的正文")
    page = app.get(GUIDE).forms["guide-form"].submit("action", value="cancel_schedule", status=303).follow()
    assert "Waiting for review" in page.html.select_one(".guide-status").text
    live.clock.set(china("2026-12-02T09:00"))
    assert "0 scheduled" in publish_due(live, capsys)
    assert "旧的正文" in public_text(app)


def test_a_time_in_the_past_is_refused(live):
    app = live.app()
    live.clock.set(china("2026-12-01T09:00"))
    login(app, "test-publisher")
    page = schedule(app, "2026-12-01T08:59", "过去的时间", status=400)
    assert "in the past" in page.html.select_one(".error-summary").text
    assert page.forms["guide-form"]["body"].value.strip() == "过去的时间"
    page = schedule(app, "", "没有时间", status=400)
    assert "date and time to publish" in page.text


def test_only_a_publisher_changes_a_scheduled_guide(live, capsys):
    app = live.app()
    live.clock.set(china("2026-12-01T09:00"))
    login(app, "test-publisher")
    schedule(app, "2026-12-01T10:00", "定好的正文")
    login(app, "test-editor")
    page = app.get(GUIDE)
    assert [b["value"] for b in page.html.select("#guide-form button[name=action]")] == ["preview"]
    form = page.forms["guide-form"]
    form["body"] = "编辑想改"
    refused = app.post(GUIDE, {**dict(form.submit_fields()), "action": "save"}, status=400)
    assert "only a publisher can change it" in refused.text
    assert refused.forms["guide-form"]["body"].value.strip() == "编辑想改"  # kept
    restore = app.get(f"{GUIDE}/revisions/1").forms["restore-form"]
    assert "only a publisher" in restore.submit(status=400).text
    login(app, "test-publisher")
    page = app.get(GUIDE)
    assert "archive" not in [b["value"] for b in page.html.select("#guide-form button[name=action]")]
    form = page.forms["guide-form"]
    assert "cancel the schedule before archiving" in app.post(
        GUIDE, {**dict(form.submit_fields()), "action": "archive"}, status=400).text
    form["body"] = "审核发布员改了"
    form.submit("action", value="save", status=303)  # a publisher may: the schedule is dropped, and logged
    live.clock.set(china("2026-12-01T11:00"))
    assert "0 scheduled" in publish_due(live, capsys)
    with live.db.transaction() as s:
        actions = s.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions[-2:] == ["guide.save", "guide.cancel_schedule"]
