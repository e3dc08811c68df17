"""When the database refuses a write, the editor still gets a page in the editor's frame and
language (500), never a bare error, and nothing is half-written."""
import pytest
from sqlalchemy import func, select, text

from guide.models import GuideRevision

from .conftest import login

GUIDE = "/editor/items/GAJ-0001/zh-hans"


def refuse_revisions(db, deferred: bool) -> None:
    """A trigger that refuses new revisions, at the insert or (PostgreSQL) at the commit."""
    with db.engine.begin() as c:
        if db.engine.dialect.name == "sqlite":
            c.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON guide_revisions "
                           "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"))
            return
        c.execute(text("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
                       "$$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$"))
        timing = "DEFERRABLE INITIALLY DEFERRED" if deferred else ""
        c.execute(text(f"CREATE CONSTRAINT TRIGGER refuse AFTER INSERT ON guide_revisions {timing} "
                       "FOR EACH ROW EXECUTE FUNCTION refuse()"))


@pytest.mark.parametrize("deferred", [False, True], ids=["at-the-insert", "at-the-commit"])
def test_a_refused_write_gets_the_editors_error_page(live, deferred, caplog):
    if deferred and live.db.engine.dialect.name == "sqlite":
        pytest.skip("SQLite has no deferred triggers")
    app = live.app()
    login(app, "test-editor")
    form = app.get(GUIDE).forms["guide-form"]
    refuse_revisions(live.db, deferred)
    form["body"] = "不会保存的正文"
    page = form.submit("action", value="save", status=500)
    assert page.html.html["lang"] == "en"  # the editor's own language, from before the failure
    assert "test-editor" in page.html.select_one("header").text
    assert "Something went wrong" in page.html.select_one("main").text
    with live.db.transaction() as s:
        assert s.scalar(select(func.count(GuideRevision.id))) == 1
