"""The dashboard and item search: what needs doing, in lists that say when they are cut."""
from guide.workflow import dashboard

from .conftest import login
from .test_guide_form import submit


def section(page, heading_id):
    return page.html.select_one(f"#{heading_id}").find_parent("section")


def test_lists_say_how_many_more_there_are(doomed_app, users, monkeypatch):
    app = doomed_app
    login(app, users["editor"].username)
    for code in ("GAJ-0048", "GAJ-0019"):
        submit(app, f"/editor/items/{code}/zh-hans", body=f"{code} 的新草稿")
    monkeypatch.setattr(dashboard, "LIMIT", 1)
    mine = section(app.get("/editor/"), "h-mine")
    assert len(mine.select("tbody tr")) == 1 and "… and 1 more." in mine.text
    assert "GAJ-0019" in mine.select_one("tbody tr").text  # newest first


def test_translations_behind_their_source(doomed_app, users):
    app = doomed_app
    login(app, users["publisher"].username)
    behind = section(app.get("/editor/"), "h-behind")
    assert "Every published Chinese guide has an up-to-date English translation." in behind.text
    submit(app, "/editor/items/GAJ-0048/zh-hans", action="publish", body="新的中文", note="更新")
    submit(app, "/editor/items/GAJ-0001/zh-hans", action="publish", body="第一份中文指南", note="新建")
    rows = section(app.get("/editor/"), "h-behind").select("tbody tr")
    assert [r.select_one(".meta").text for r in rows] == ["GAJ-0048", "GAJ-0001"]  # stale first
    assert "translated from revision 1" in rows[0].text and "not translated yet" in rows[1].text


def test_item_search_finds_by_code_name_and_pinyin(doomed_app, users):
    app = doomed_app
    login(app, users["editor"].username)
    for query in ("GAJ-0048", "gaj-0048", "出入境证件补发", "churujing"):
        rows = app.get("/editor/items", {"q": query}).html.select("tbody tr")
        assert rows and "GAJ-0048" in rows[0].text, query
    row = app.get("/editor/items", {"q": "GAJ-0048"}).html.select_one("tbody tr")
    assert [a.get_text(" ", strip=True).split(" (")[0] for a in row.select("td a")] == ["Published", "Published"]
    assert "Write a guide" in app.get("/editor/items", {"q": "GAJ-0001"}).html.select_one("tbody tr").text
    found = app.get("/editor/items", {"q": "zzzqqqxxx"}).html.select_one("[role=status]")
    assert found.get_text(" ", strip=True) == "Items found: 0"
