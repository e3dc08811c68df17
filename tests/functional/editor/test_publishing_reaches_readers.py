"""A publish shows on the public page and in search, in this app and in another process on the
same database and index, without the editor waiting for the index."""
import json
from urllib.parse import quote

from sqlalchemy import func, select

from guide.models import SearchJournal
from tests.support import app_in_another_process, get, index_settled, poll

from .conftest import login

WHOOSH = "guide.search.whoosh_backend.WhooshSearch"


def found(app, query: str) -> list[str]:
    return [hit["code"] for hit in app.get("/api/v1/search", {"q": query}).json["results"]]


def test_a_publish_is_seen_by_another_process(live):
    first = live.app(WHOOSH)
    settings = {"sqlalchemy.url": live.db.url, "guide.search.index_dir": str(live.tmp_path / "index"),
                "guide.secret": "another process's secret, long enough to be used"}
    with app_in_another_process(settings) as other:
        search = f"{other}/api/v1/search?q={quote('喜马拉雅')}"
        assert json.loads(get(search)[1])["results"] == []
        login(first, "test-publisher")
        form = first.get("/editor/items/GAJ-0001/zh-hans").forms["guide-form"]
        form["body"], form["note"] = "携带喜马拉雅山区的边境通行证明。", "补充说明"
        form.submit("action", value="publish", status=303)

        # The page reads the database: the other process shows it at once.
        assert "喜马拉雅" in get(f"{other}/zh-hans/items/GAJ-0001")[1]
        # Search follows when an indexer has written the change (this process's, woken by the
        # commit, or the other's, polling the journal); the other process then reopens its
        # searcher. A generous deadline: the speed is measured in bench/publish.py.
        index_settled(first.app)
        assert found(first, "喜马拉雅") == ["GAJ-0001"]
        poll(lambda: [h["code"] for h in json.loads(get(search)[1])["results"]] == ["GAJ-0001"], 60,
             "the other process's search did not find the publish")
    with live.db.transaction() as s:
        assert s.scalar(select(func.count(SearchJournal.id))) == 0  # the journal is emptied as it is written
