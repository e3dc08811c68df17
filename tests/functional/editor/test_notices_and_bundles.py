"""Publishers keep notices and one-step bundles on the web: add, change, remove; bad input is a 400
that keeps what was typed and writes nothing; every change is in the audit log."""
import pytest
from sqlalchemy import func, select

from guide.models import AuditEvent, Notice

FORM = {"severity": "warning", "text_zh": "测试大厅暂停办理", "text_en": "The test hall is closed",
        "starts_at": "2027-03-02T09:00", "ends_at": "2027-03-04T18:00", "items": "GAJ-0014, gaj-0048"}


def token(app, path="/editor/notices"):
    return app.get(path).html.select_one("form.editor-form input[name=csrf_token]")["value"]


def post(app, path, fields, status=None):
    return app.post(path, {**fields, "csrf_token": token(app, path)}, status=status)


def count(dbsession, model=Notice):
    return dbsession.scalar(select(func.count()).select_from(model))


@pytest.fixture
def publisher(as_role):
    return as_role("publisher")


def test_a_publisher_adds_changes_and_removes_a_notice(publisher, dbsession):
    before = count(dbsession)
    post(publisher, "/editor/notices", {**FORM, "centers": ["huicheng", "huiyang"]}, status=303)
    notice = dbsession.scalar(select(Notice).where(Notice.text_zh == FORM["text_zh"]))
    assert [c.code for c in notice.centers] == ["huicheng", "huiyang"]
    assert [i.code for i in notice.items] == ["GAJ-0014", "GAJ-0048"]
    page = publisher.get(f"/editor/notices/{notice.id}")
    assert page.html.select_one("#center-huicheng").has_attr("checked")
    post(publisher, f"/editor/notices/{notice.id}", {**FORM, "text_en": "Closed for a day", "action": "save"},
         status=303)
    dbsession.flush()
    assert notice.text_en == "Closed for a day" and notice.centers == []  # no center ticked this time
    post(publisher, f"/editor/notices/{notice.id}", {"action": "remove"}, status=303)
    assert count(dbsession) == before
    actions = dbsession.scalars(select(AuditEvent.action).where(AuditEvent.subject == f"notice {notice.id}")
                                .order_by(AuditEvent.id)).all()
    assert actions == ["notice.add", "notice.change", "notice.remove"]


@pytest.mark.parametrize("change, field", [
    ({"severity": "loud"}, "severity"),
    ({"text_en": ""}, "text_en"),
    ({"ends_at": "2027-03-01T09:00"}, "ends_at"),
    ({"starts_at": "yesterday"}, "starts_at"),
    ({"items": "GAJ-0014 NOPE-1"}, "items"),
    ({"centers": ["atlantis"]}, "centers"),
])
def test_bad_input_is_a_400_that_keeps_what_was_typed(publisher, dbsession, change, field):
    before = count(dbsession)
    page = post(publisher, "/editor/notices", {**FORM, **change}, status=400)
    assert page.html.select_one(".error-summary") is not None
    assert page.html.select_one(f"[href='#{field}']") is not None
    assert page.html.select_one("#text_zh").get_text() == FORM["text_zh"]
    assert count(dbsession) == before


def test_an_unknown_notice_is_a_404_for_publishers(publisher):
    publisher.get("/editor/notices/999999999", status=404)
    publisher.get("/editor/notices/abc", status=404)


def test_editors_may_not_manage_notices(as_role):
    as_role("editor").get("/editor/notices", status=403)


BUNDLE = {"slug": "test-life-event", "items": "GAJ-0014 GJJ-0006", "title_zh": "测试一件事", "title_en": "A test event",
          "summary_zh": "测试摘要", "summary_en": "A test summary", "terms_zh": "测试事件\n", "terms_en": "test event"}


def test_a_publisher_composes_a_bundle_and_it_is_public_at_once(publisher, doomed_app, dbsession):
    from guide.models import Bundle

    post(publisher, "/editor/bundles", BUNDLE, status=303)
    bundle = dbsession.scalar(select(Bundle).where(Bundle.slug == "test-life-event"))
    assert [i.code for i in bundle.items] == ["GAJ-0014", "GJJ-0006"] and bundle.terms_zh == "测试事件"
    post(publisher, "/editor/bundles/test-life-event", {**BUNDLE, "items": "GJJ-0006 GAJ-0014 GAJ-0048",
                                                        "action": "save"}, status=303)
    dbsession.flush()
    assert [i.code for i in bundle.items] == ["GJJ-0006", "GAJ-0014", "GAJ-0048"]
    page = doomed_app.get("/en/bundles/test-life-event").html
    assert [a["href"] for a in page.select("ol.bundle-steps > li > a")] == [
        "/en/items/GJJ-0006", "/en/items/GAJ-0014", "/en/items/GAJ-0048"]
    post(publisher, "/editor/bundles", BUNDLE, status=400)  # the address is taken
    post(publisher, "/editor/bundles/test-life-event", {"action": "remove"}, status=303)
    assert dbsession.scalar(select(Bundle).where(Bundle.slug == "test-life-event")) is None
    actions = dbsession.scalars(select(AuditEvent.action).where(AuditEvent.subject == "bundle test-life-event")
                                .order_by(AuditEvent.id)).all()
    assert actions == ["bundle.add", "bundle.change", "bundle.remove"]


@pytest.mark.parametrize("change, field", [
    ({"slug": "Bad Slug"}, "slug"), ({"items": "GAJ-0014"}, "items"), ({"items": "GAJ-0014 NOPE-1"}, "items"),
    ({"title_en": ""}, "title_en"), ({"summary_zh": "长" * 1001}, "summary_zh")])
def test_a_bad_bundle_is_a_400_that_keeps_what_was_typed(publisher, dbsession, change, field):
    from guide.models import Bundle

    before = dbsession.scalar(select(func.count(Bundle.id)))
    page = post(publisher, "/editor/bundles", {**BUNDLE, **change}, status=400)
    assert page.html.select_one(f".error-summary [href='#{field}']") is not None
    assert page.html.select_one("#title_zh")["value"] == BUNDLE["title_zh"]
    assert dbsession.scalar(select(func.count(Bundle.id))) == before
