"""A damaged index is never answered with an empty result or a 500: searches fall back to the
database while a rebuild repairs it, and /readyz says search is degraded meanwhile. The index is
a copy of one built once for the module; each test damages its own copy."""
import fcntl
import shutil
from contextlib import contextmanager

import pytest
from webtest import TestApp

from guide import main
from guide.search.integrity import MANIFEST
from guide.search.results import SearchRequest
from guide.search.whoosh_backend import CURRENT, REBUILDING, WhooshSearch

pytestmark = pytest.mark.slow  # each test rebuilds an index (about five seconds)


@pytest.fixture(scope="module")
def built(database, tmp_path_factory):
    folder = tmp_path_factory.mktemp("built-index")
    WhooshSearch({"guide.search.index_dir": str(folder)}, database.session_factory).ensure_index()
    return folder


@pytest.fixture
def copy(built, tmp_path):
    folder = tmp_path / "index"
    shutil.copytree(built, folder)
    return folder


def _segment(folder):
    generation = (folder / CURRENT).read_text().strip()
    return max((folder / generation).glob("*.seg"), key=lambda p: p.stat().st_size)


def _truncate(folder):
    segment = _segment(folder)
    with segment.open("r+b") as f:
        f.truncate(segment.stat().st_size // 2)


def _flip(folder):
    segment = _segment(folder)
    with segment.open("r+b") as f:
        f.seek(segment.stat().st_size // 3)
        chunk = f.read(64)
        f.seek(segment.stat().st_size // 3)
        f.write(bytes(b ^ 0xFF for b in chunk))


@contextmanager
def _rebuilding(folder):
    """Hold the rebuild lock as another process's rebuild would."""
    with (folder / REBUILDING).open("a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        yield


def _passport(service):
    return service.search(SearchRequest("护照", per_page=5))


def test_a_sound_copy_is_used_as_it_is(database, copy):
    service = WhooshSearch({"guide.search.index_dir": str(copy)}, database.session_factory)
    service.ensure_index(background=True)
    assert service.repair_thread is None and service.health() == "ok"
    assert not _passport(service).degraded


def test_a_missing_current_is_answered_from_the_database_then_repaired(database, copy):
    service = WhooshSearch({"guide.search.index_dir": str(copy)}, database.session_factory)
    service.ensure_index(background=True)
    before = _passport(service)
    assert not before.degraded and before.hits[0].name_zh == "普通护照签发"
    with _rebuilding(copy):  # the repair waits: the fallback is what answers
        (copy / CURRENT).unlink()
        during = _passport(service)
        assert during.degraded and during.total > 0 and all("护照" in h.name_zh for h in during.hits)
        assert service.health() == "degraded" and service.state() is None
        suggested = service.suggest("护照", "zh-Hans")
        assert suggested and all("护照" in name for _code, name in suggested)
    service.repair_thread.join(120)
    after = _passport(service)
    assert not after.degraded and [h.code for h in after.hits] == [h.code for h in before.hits]
    assert service.health() == "ok" and (copy / CURRENT).exists()


@pytest.mark.parametrize("damage", [_truncate, _flip], ids=["truncated", "flipped"])
def test_a_damaged_segment_found_at_start_is_answered_from_the_database_then_repaired(
        database, app_settings, copy, damage):
    damage(copy)
    with _rebuilding(copy):
        # main() finds the damage and starts a repair, which waits for this lock: meanwhile
        app = TestApp(main({}, dbengine=database.engine, **{**app_settings, "guide.search.index_dir": str(copy)}))
        service = app.app.registry["search"]
        assert app.get("/readyz").json == {"database": "ok", "search": "degraded"}
        answer = app.get("/api/v1/search", {"q": "护照"}).json
        assert answer["degraded"] is True and answer["total"] > 0
        page = app.get("/en/search", {"q": "passport"})
        assert "being repaired" in page.text and page.html.select(".results li")
    service.repair_thread.join(120)
    assert app.get("/readyz").json == {"database": "ok", "search": "ok"}
    answer = app.get("/api/v1/search", {"q": "护照"}).json
    assert answer["degraded"] is False and answer["results"][0]["code"] == "GAJ-0014"
    generation = (copy / CURRENT).read_text().strip()
    assert (copy / generation / MANIFEST).exists()


def test_a_killed_rebuild_leaves_nothing_taken_for_a_generation(database, copy):
    stray = copy / "gen-9999999999999999999"  # newer than any real one, and never finished
    stray.mkdir()
    (stray / "_MAIN_1.toc").write_bytes(b"half")
    service = WhooshSearch({"guide.search.index_dir": str(copy)}, database.session_factory)
    service.ensure_index(background=True)
    assert service.health() == "ok" and not _passport(service).degraded
    service.rebuild()
    assert not stray.exists()


def test_readyz_on_the_running_app(testapp):
    assert testapp.get("/readyz").json == {"database": "ok", "search": "ok"}
