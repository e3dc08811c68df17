"""A publish shows on the public page and in search, in this app instance and in another one
on the same database and index (a second process), without the editor waiting for the index."""
from sqlalchemy import func, select

from guide.models import SearchJournal
from tests.support import index_settled

from .conftest import login

WHOOSH = "guide.search.whoosh_backend.WhooshSearch"


def found(app, query: str) -> list[str]:
    return [hit["code"] for hit in app.get("/api/v1/search", {"q": query}).json["results"]]


def test_a_publish_is_seen_by_a_second_app_instance(live):
    first, second = live.app(WHOOSH), live.app(WHOOSH)
    assert found(second, "喜马拉雅") == []
    login(first, "test-publisher")
    form = first.get("/editor/items/GAJ-0001/zh-hans").forms["guide-form"]
    form["body"], form["note"] = "携带喜马拉雅山区的边境通行证明。", "补充说明"
    form.submit("action", value="publish", status=303)

    # The page reads the database: at once, in either instance.
    assert "喜马拉雅" in second.get("/zh-hans/items/GAJ-0001").text
    # Search follows once the publishing instance's background indexer has written the change;
    # the other instance's searcher sees the new index state on its next search.
    index_settled(first.app)
    assert found(first, "喜马拉雅") == ["GAJ-0001"]
    assert found(second, "喜马拉雅") == ["GAJ-0001"]
    with live.db.transaction() as s:
        assert s.scalar(select(func.count(SearchJournal.id))) == 0  # the journal is emptied as it is written
