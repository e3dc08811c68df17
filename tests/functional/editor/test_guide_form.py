"""The guide form: drafts beside the live page, submit → review → publish, sending back,
archiving, the edit conflict, bad input, and Markdown that must never carry a script."""
import re

import pytest
from sqlalchemy import func, select

from guide.models import GuideRevision

from .conftest import login

GUIDE = "/editor/items/GAJ-0048/zh-hans"
PUBLIC = "/zh-hans/items/GAJ-0048"


def guide_text(app, path=PUBLIC) -> str:
    """The guide's summary (the page's lead) and its text."""
    return " ".join(el.get_text(" ", strip=True) for el in app.get(path).html.select("h1 ~ .lead, .guide-text"))


def submit(app, path=GUIDE, action="save", status=303, **fields):
    """The guide form as loaded, with these fields changed, sent with this action (whether or
    not the form shows its button: the server must check)."""
    form = app.get(path).forms["guide-form"]
    values = {name: field.value for name, field in form.field_order if name != "action" and field.value is not None}
    values.update(fields, action=action)
    return app.post(path, values, status=status)


def flash(page) -> str:
    return page.html.select_one(".flash").get_text(" ", strip=True)


def revisions(dbsession) -> int:
    return dbsession.scalar(select(func.count(GuideRevision.id)))


def test_a_draft_never_changes_the_public_page_until_published(doomed_app, users, dbsession):
    app = doomed_app
    before = guide_text(app)
    login(app, users["editor"].username)
    page = submit(app, summary="草稿里的新摘要", note="改写摘要").follow()
    assert "revision 2" in flash(page).lower()
    assert guide_text(app) == before
    assert page.forms["guide-form"]["summary"].value == "草稿里的新摘要"  # the editor works on the draft

    page = submit(app, action="submit").follow()
    assert "waiting for review" in flash(page).lower()
    assert guide_text(app) == before
    # Submitting again is refused with a message; nothing is written.
    count = revisions(dbsession)
    page = submit(app, action="submit", status=400)
    assert "already waiting for review" in page.text and revisions(dbsession) == count

    login(app, users["publisher"].username)
    dashboard = app.get("/editor/")
    assert "GAJ-0048" in dashboard.html.select_one("#h-review").find_parent("section").text
    page = submit(app, action="publish", status=400)  # a change note is required
    assert "change note is required" in page.text
    page = submit(app, action="publish", note="摘要更清楚", major="on").follow()
    assert "published" in flash(page).lower()
    assert guide_text(app).startswith("草稿里的新摘要")
    latest = dbsession.scalar(select(GuideRevision).order_by(GuideRevision.id.desc()).limit(1))
    assert (latest.state, latest.change_note, latest.major, latest.publisher.username) == (
        "published", "摘要更清楚", True, users["publisher"].username)
    assert latest.author.username == users["editor"].username


def test_a_publisher_sends_a_draft_back_with_a_comment(doomed_app, users):
    app = doomed_app
    login(app, users["editor"].username)
    submit(app, action="submit", body="需要改进的正文")
    login(app, users["publisher"].username)
    page = submit(app, action="send_back", status=400)
    assert "Say what needs to change" in page.text
    submit(app, action="send_back", note="请补充办理时限")
    login(app, users["editor"].username)
    page = app.get(GUIDE)
    assert "请补充办理时限" in page.html.select_one(".notice").text
    assert "需要改进的正文" in page.forms["guide-form"]["body"].value
    dashboard = app.get("/editor/")
    assert "GAJ-0048" in dashboard.html.select_one("#h-mine").find_parent("section").text


def test_publishing_directly_and_archiving(doomed_app, users):
    app = doomed_app
    login(app, users["publisher"].username)
    submit(app, action="publish", body="直接发布的正文", note="直接发布")
    assert "直接发布的正文" in guide_text(app)
    submit(app, action="archive")
    assert app.get(PUBLIC).html.select_one(".guide-text") is None
    # Traditional Chinese readers follow the Simplified guide.
    assert app.get("/zh-hant/items/GAJ-0048").html.select_one(".guide-text") is None
    page = submit(app, action="archive", status=400)
    assert "nothing to archive" in page.text.lower()


def test_a_state_action_refuses_unsaved_changes_and_keeps_them(doomed_app, users):
    app = doomed_app
    login(app, users["publisher"].username)
    page = submit(app, action="archive", status=400, body="我改了但没保存")
    assert "save it first" in page.text
    assert page.forms["guide-form"]["body"].value.strip() == "我改了但没保存"
    assert app.get(PUBLIC).html.select_one(".guide-text") is not None


def test_preview_renders_without_writing(doomed_app, users, dbsession):
    app = doomed_app
    login(app, users["editor"].username)
    count = revisions(dbsession)
    page = submit(app, action="preview", status=200, body="## 预览标题\n\n1. 第一步\n2. 第二步")
    preview = page.html.select_one("section.preview")
    assert preview.select_one("h2 + .guide-text h2").text == "预览标题"
    assert len(preview.select("ol li")) == 2
    assert page.forms["guide-form"]["body"].value.startswith("## 预览标题")
    assert revisions(dbsession) == count


XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "<javascript:alert(1)>",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=https://example.org></iframe>",
    '[x](https://example.org "title" onmouseover="alert(1)")',
    "<svg/onload=alert(1)>",
    "![x](https://example.org/x.png)<style>body{display:none}</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
]


def assert_harmless(fragment) -> None:
    """No element that runs or loads anything, no handler or style attribute, no link that is
    not http(s), mailto or tel. (Markup shown as text is harmless: it is escaped.)"""
    assert fragment is not None
    for tag in [fragment, *fragment.find_all(True)]:
        assert tag.name not in ("script", "iframe", "svg", "style", "img", "object", "embed", "form"), tag
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on") and name.lower() != "style", tag
            if name.lower() in ("href", "src", "action"):
                assert re.match(r"(https?|mailto|tel):|#|/", value.strip(), re.I), tag


@pytest.mark.parametrize("payload", XSS)
def test_markdown_never_carries_a_script(doomed_app, users, payload):
    app = doomed_app
    login(app, users["publisher"].username)
    page = submit(app, action="preview", status=200, summary=payload, body=f"正文\n\n{payload}\n")
    assert_harmless(page.html.select_one("section.preview .guide-text"))
    submit(app, action="publish", summary=payload, body=f"正文\n\n{payload}\n", note="安全测试")
    public = app.get(PUBLIC)
    assert_harmless(public.html.select_one(".guide-text"))
    assert_harmless(app.get("/zh-hant/items/GAJ-0048").html.select_one(".guide-text"))
    history = app.get(f"{GUIDE}/revisions").html.select("table.history th a")
    newest = history[0]["href"]
    assert_harmless(app.get(newest).html.select_one(".guide-text"))
    # Everywhere else the editor shows it: beside the English form, converted, in a conflict.
    assert_harmless(app.get("/editor/items/GAJ-0048/en").html.select_one(".editor-aside .guide-text"))
    for fragment in app.get("/editor/items/GAJ-0048/zh-hant").html.select(".guide-text"):
        assert_harmless(fragment)
    conflict = submit(app, action="save", status=409, base_revision="1", body=f"冲突\n\n{payload}")
    for fragment in conflict.html.select(".diff, .editor-aside .guide-text"):
        assert_harmless(fragment)


def test_an_edit_conflict_overwrites_nothing_and_keeps_both_texts(doomed_app, wsgi_app, users, dbsession, tm):
    from webtest import TestApp

    first = doomed_app
    second = TestApp(wsgi_app, extra_environ=dict(first.extra_environ))
    login(first, users["editor"].username)
    login(second, users["publisher"].username)
    mine = first.get(GUIDE).forms["guide-form"]
    theirs = second.get(GUIDE).forms["guide-form"]
    theirs["body"] = "他们先保存的正文"
    theirs.submit("action", value="save", status=303)
    count = revisions(dbsession)

    mine["body"] = "我的正文，晚了一步"
    page = mine.submit("action", value="save", status=409)
    assert revisions(dbsession) == count  # nothing written
    assert "Someone else changed this guide" in page.text
    assert "他们先保存的正文" in page.html.select_one(".editor-aside").text
    form = page.forms["guide-form"]
    assert form["body"].value.strip() == "我的正文，晚了一步"
    assert form["base_revision"].value == "2"  # the form now knows their revision
    assert page.html.select(".diff ins") and page.html.select(".diff del")
    # Saving again is a choice made knowingly, and it works.
    page = form.submit("action", value="save", status=303).follow()
    assert page.forms["guide-form"]["body"].value.strip() == "我的正文，晚了一步"


def test_bad_input_is_a_400_that_keeps_the_text(doomed_app, users, dbsession):
    app = doomed_app
    login(app, users["publisher"].username)
    count = revisions(dbsession)
    page = submit(app, action="save", status=400, summary="太长" * 600, body="保留我写的正文")
    assert "too long" in page.text and "保留我写的正文" in page.forms["guide-form"]["body"].value
    assert page.html.select_one("#summary")["aria-invalid"] == "true"
    form = app.get(GUIDE).forms["guide-form"]
    token, base = form["csrf_token"].value, form["base_revision"].value
    for values in ({"action": "fly"}, {"action": "save", "base_revision": "x"},
                   {"action": "save", "base_revision": "-1"}, {"action": "schedule", "publish_at": "tomorrow"},
                   {"action": "schedule", "publish_at": "9999-12-31T23:59"}, {"action": "save", "body": "x" * 50_001}):
        fields = {"csrf_token": token, "base_revision": base, "summary": "s", "body": "b", **values}
        response = app.post(GUIDE, fields, status=400)
        assert response.html.select_one(".error-summary"), values
    empty = {"csrf_token": token, "base_revision": base, "summary": " ", "body": "\n", "action": "save"}
    assert "Write a summary" in app.post(GUIDE, empty, status=400).text
    assert revisions(dbsession) == count


def test_traditional_chinese_is_shown_converted_and_read_only(doomed_app, users):
    app = doomed_app
    login(app, users["editor"].username)
    page = app.get("/editor/items/GAJ-0048/zh-hant")
    assert page.html.select_one(".guide-text").get("lang") == "zh-Hant"
    assert not page.html.select("textarea")
    assert "護照" in page.html.select_one(".guide-text").text
    token = app.get("/editor/preferences").html.select_one("input[name=csrf_token]")["value"]
    app.post("/editor/items/GAJ-0048/zh-hant", {"csrf_token": token, "action": "save", "base_revision": "0",
                                                "summary": "x", "body": "y"}, status=400)


def test_the_english_form_shows_its_chinese_source(doomed_app, users):
    app = doomed_app
    login(app, users["publisher"].username)
    page = app.get("/editor/items/GAJ-0048/en")
    source = page.html.select_one(".editor-aside .guide-text[lang=zh-Hans]")
    assert source is not None and "护照" in source.text
    assert page.forms["guide-form"]["summary"].value  # the published English guide
    assert page.html.select_one(".notice.warning") is None  # up to date
    # A new Chinese revision puts the English one behind, with a note on its form.
    submit(app, action="publish", note="更新", body="新的中文正文")
    page = app.get("/editor/items/GAJ-0048/en")
    assert "now at revision 2" in page.html.select_one(".notice.warning").text
    assert "GAJ-0048" in app.get("/editor/").html.select_one("#h-behind").find_parent("section").text
    assert "may be out of date" in app.get("/en/items/GAJ-0048").text
    # Saving the translation records that it follows revision 2.
    submit(app, "/editor/items/GAJ-0048/en", action="publish", note="Updated", body="New English text")
    assert app.get("/editor/items/GAJ-0048/en").html.select_one(".notice.warning") is None


def test_a_new_guide_for_an_item_without_one(doomed_app, users):
    app = doomed_app
    login(app, users["editor"].username)
    path = "/editor/items/GAJ-0001/en"
    form = app.get(path).forms["guide-form"]
    assert form["base_revision"].value == "0" and form["body"].value == ""
    page = submit(app, path, summary="Apply for an ordinary passport.", body="## Steps\n\n1. Apply.").follow()
    assert "revision 1" in flash(page).lower()
    assert app.get("/en/items/GAJ-0001").html.select_one(".guide-text") is None  # a draft only
