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


def test_a_busy_database_gets_a_503_page_and_pages_that_only_read_still_work(live, tmp_path):
    if live.db.engine.dialect.name != "sqlite":
        pytest.skip("the whole-database write lock is SQLite's")
    from webtest import TestApp

    from guide import main
    from guide.models import get_engine

    # The same database, with writers that give up after half a second instead of 15.
    engine = get_engine({"sqlalchemy.url": str(live.db.engine.url)}, connect_args={"timeout": 0.5})
    app = TestApp(main({}, dbengine=engine, **{
        "sqlalchemy.url": "sqlite://", "guide.search.backend": "guide.search.null.NullSearch",
        "guide.search.index_dir": str(tmp_path / "busy-index"), "guide.clock": live.clock,
        "guide.secret": "a test secret that is long enough to sign sessions"}))
    login(app, "test-editor")
    form = app.get(GUIDE).forms["guide-form"]
    holder = live.db.engine.raw_connection()
    try:
        holder.execute("BEGIN IMMEDIATE")  # another writer, in the middle of something long
        assert app.get("/editor/").status_int == 200  # reading needs no write lock
        assert app.get("/zh-hans/items/GAJ-0001").status_int == 200
        form["body"] = "写不进去的正文"
        busy = form.submit("action", value="save", headers={"Accept-Language": "en"}, status=503)
        # A page, not a bare error (who is signed in could not be looked up: it says nothing of it).
        assert busy.headers["Retry-After"] == "5" and "try again" in busy.html.select_one("main").text
        # Nothing the editor wrote is lost: the page holds their text, to copy or send again.
        kept = busy.forms["kept-form"]
        assert kept["body"].value == "写不进去的正文" and kept["action"].value == "save"
        assert busy.html.select_one("#kept-form textarea[name=body]").text == "写不进去的正文"
        assert kept.action == GUIDE and kept["csrf_token"].value == form["csrf_token"].value
    finally:
        holder.rollback()
        holder.close()
    try:
        kept.submit(status=303)  # and once it is free, sending it again saves it
    finally:
        engine.dispose()
    assert "写不进去的正文" in app.get(GUIDE).forms["guide-form"]["body"].value
