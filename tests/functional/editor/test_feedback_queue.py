"""Editors see what readers said about the guide pages (guide.views.editor.feedback)."""

PAGE = "/en/items/GAJ-0014"


def test_editors_see_the_counts_and_the_reports(as_role, dbsession, fresh_throttle):
    app = as_role("editor")
    app.post(f"{PAGE}/feedback", {"useful": "no"}, status=303)
    app.post(f"{PAGE}/feedback", {"text": "测试：地址写错了"}, status=303)
    page = app.get("/editor/feedback").html
    row = next(tr for tr in page.select("tbody tr") if "GAJ-0014" in tr.get_text())
    cells = [td.get_text(strip=True) for td in row.select("td")]
    assert int(cells[2]) >= 1 and int(cells[3]) >= 1
    assert "测试：地址写错了" in page.select_one("ol.reports").get_text()
