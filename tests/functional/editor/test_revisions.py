"""History: numbered revisions with author, time and note; a readable diff between any two
(by character for Chinese, by word for English); an old revision restored as a new draft."""
from .conftest import login
from .test_guide_form import submit

GUIDE = "/editor/items/GAJ-0048/zh-hans"
ENGLISH = "/editor/items/GAJ-0048/en"


def test_history_lists_every_revision_with_author_time_and_note(doomed_app, users):
    app = doomed_app
    login(app, users["editor"].username)
    submit(app, body="第二版正文", note="第二版的说明")
    login(app, users["publisher"].username)
    submit(app, action="publish", body="第三版正文", note="第三版发布")
    rows = app.get(f"{GUIDE}/revisions").html.select("table.history tbody tr")
    assert [r.th.text for r in rows] == ["3", "2", "1"]
    assert "test-publisher" in rows[0].text and "第三版发布" in rows[0].text and "Published" in rows[0].text
    assert "test-editor" in rows[1].text and "第二版的说明" in rows[1].text and "Replaced" in rows[1].text
    assert "content files" in rows[2].text


def test_a_chinese_diff_is_by_character(doomed_app, users):
    app = doomed_app
    login(app, users["editor"].username)
    before = app.get(GUIDE).forms["guide-form"]["body"].value
    changed = before.replace("居民身份证", "居民身份证原件", 1)
    assert changed != before
    submit(app, body=changed)
    page = app.get(f"{GUIDE}/diff", {"from": 1, "to": 2})
    assert [i.get_text().replace("[added:]", "") for i in page.html.select(".diff ins")] == ["原件"]
    assert not page.html.select(".diff del")


def test_an_english_diff_is_by_word(doomed_app, users):
    app = doomed_app
    login(app, users["editor"].username)
    before = app.get(ENGLISH).forms["guide-form"]["body"].value
    assert "resident identity card" in before
    submit(app, ENGLISH, body=before.replace("resident identity card", "resident ID card", 1))
    page = app.get(f"{ENGLISH}/diff", {"from": 1, "to": 2})
    assert [d.get_text().replace("[removed:]", "") for d in page.html.select(".diff del")] == ["identity"]
    assert [i.get_text().replace("[added:]", "") for i in page.html.select(".diff ins")] == ["ID"]


def test_diff_of_bad_revision_numbers_is_a_400(doomed_app, users):
    app = doomed_app
    login(app, users["editor"].username)
    for query in ({"from": "x"}, {"from": 0}, {"to": 99}, {"from": "1" * 30}):
        assert app.get(f"{GUIDE}/diff", query, status=400).html.select_one(".lead")
    assert "same text" in app.get(f"{GUIDE}/diff", {"from": 1, "to": 1}).text
    app.get(f"{GUIDE}/revisions/99", status=404)
    app.get(f"{GUIDE}/revisions/abc", status=404)


def test_restoring_an_old_revision_makes_a_new_draft(doomed_app, users):
    app = doomed_app
    login(app, users["publisher"].username)
    original = app.get(GUIDE).forms["guide-form"]["body"].value
    submit(app, action="publish", body="被替换的正文", note="替换")
    page = app.get(f"{GUIDE}/revisions/1")
    assert "本人带上居民身份证" in original and "本人带上居民身份证" in page.html.select_one(".guide-text").get_text()
    page = page.forms["restore-form"].submit(status=303).follow()
    assert "revision 1 is restored as a new draft, revision 3" in page.html.select_one(".flash").text.lower()
    assert page.forms["guide-form"]["body"].value == original
    assert "被替换的正文" in app.get("/zh-hans/items/GAJ-0048").text  # a draft: not yet public
    history = app.get(f"{GUIDE}/revisions").html.select("table.history tbody tr")
    assert "restored from revision 1" in history[0].text


def test_restoring_from_a_stale_page_is_a_conflict(doomed_app, users):
    app = doomed_app
    login(app, users["publisher"].username)
    stale = app.get(f"{GUIDE}/revisions/1").forms["restore-form"]
    submit(app, body="别人刚保存的")
    page = stale.submit(status=409)
    assert "Someone else changed this guide" in page.text
    assert page.forms["guide-form"]["base_revision"].value == "2"


def test_a_restored_translation_stays_behind_its_source(doomed_app, users):
    app = doomed_app
    login(app, users["publisher"].username)
    submit(app, ENGLISH, action="publish", body="English made from Chinese revision 1", note="first")
    submit(app, action="publish", body="新的中文正文", note="中文更新")  # the source moves to revision 2
    submit(app, ENGLISH, action="publish", body="English made from Chinese revision 2", note="second")
    assert app.get(ENGLISH).html.select_one(".notice.warning") is None
    restore = app.get(f"{ENGLISH}/revisions/2").forms["restore-form"]
    restore.submit(status=303)
    submit(app, ENGLISH, action="publish", note="back to the old text")
    # The old text was made from Chinese revision 1: still behind revision 2.
    assert "now at revision 2" in app.get(ENGLISH).html.select_one(".notice.warning").text
