"""The index follows commits, survives rebuilds and crashes, and never loses an update."""
import gc
import logging
import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from guide.catalogue.importer import import_catalogue
from guide.models import Item, get_session_factory
from guide.search import make_search_service
from guide.search.null import NullSearch
from guide.search.results import SearchRequest
from guide.search.whoosh_backend import CURRENT, FORMAT_FILE, INDEX_FORMAT, WhooshSearch

SMALL = Path(__file__).resolve().parents[2] / "fixtures" / "catalogue-small"


def codes(service, text):
    return [h.code for h in service.search(SearchRequest(text=text)).hits]


@pytest.fixture
def search(scratch, tmp_path):
    """A Whoosh index on the scratch database, following its commits like the app's."""
    with scratch.transaction() as s:
        import_catalogue(s, SMALL)
    service = make_search_service({"guide.search.index_dir": str(tmp_path / "index")}, scratch.session_factory)
    service.ensure_index()
    return service


def rename(scratch, code, name):
    with scratch.transaction() as s:
        s.scalar(select(Item).where(Item.code == code)).name_zh = name


def test_commits_reach_the_index_and_rollbacks_do_not(scratch, search):
    assert codes(search, "护照") == ["GAJ-0001"]
    rename(scratch, "GAJ-0001", "往来港澳通行证签发")
    assert codes(search, "港澳") == ["GAJ-0001"] and codes(search, "普通") == []

    with pytest.raises(RuntimeError):
        with scratch.transaction() as s:
            s.scalar(select(Item).where(Item.code == "MZJ-0001")).name_zh = "不会出现的名字"
            s.flush()
            raise RuntimeError("abort")
    assert codes(search, "不会出现") == []


def test_a_removed_item_leaves_the_index(scratch, search, tmp_path):
    assert codes(search, "结婚") == ["MZJ-0001"]
    with scratch.transaction() as s:
        s.scalar(select(Item).where(Item.code == "MZJ-0001")).active = False
    assert codes(search, "结婚") == []


def test_searchers_in_other_threads_see_new_commits(scratch, search):
    seen = []
    worker = threading.Thread(target=lambda: seen.append(codes(search, "护照")))
    worker.start(), worker.join()
    rename(scratch, "GAJ-0001", "护照换发新名")
    worker = threading.Thread(target=lambda: seen.append(codes(search, "换发新名")))
    worker.start(), worker.join()
    assert seen == [["GAJ-0001"], ["GAJ-0001"]]


def test_searches_are_answered_during_a_rebuild(search):
    answers, done = [], threading.Event()
    old = search.current_generation()

    def rebuild():
        search.rebuild()
        done.set()

    worker = threading.Thread(target=rebuild)
    worker.start()
    while not done.is_set():
        answers.append(codes(search, "护照"))
    worker.join()
    assert answers and all(a == ["GAJ-0001"] for a in answers)
    assert search.current_generation() != old
    assert codes(search, "护照") == ["GAJ-0001"]


def test_a_crash_mid_rebuild_leaves_the_old_index_serving(search, tmp_path):
    live = search.current_generation()
    broken = WhooshSearch({"guide.search.index_dir": str(search.root)},
                          get_session_factory(create_engine(f"sqlite:///{tmp_path / 'empty.sqlite'}")))
    with pytest.raises(Exception):
        broken.rebuild()  # no tables: fails while reading the items
    assert search.current_generation() == live
    assert sorted(p.name for p in search.root.glob("gen-*")) == [live]
    assert codes(search, "护照") == ["GAJ-0001"]


# Whoosh leaves the damaged table-of-contents file open when it fails to read it.
@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_missing_or_damaged_index_is_rebuilt_at_start(scratch, search):
    generation = search.root / search.current_generation()
    for f in generation.iterdir():
        f.write_bytes(b"garbage")
    fresh = make_search_service({"guide.search.index_dir": str(search.root)}, scratch.session_factory)
    fresh.ensure_index()
    assert codes(fresh, "护照") == ["GAJ-0001"]
    gc.collect()  # the leaked file's warning belongs to this test, not the next
    (search.root / CURRENT).unlink()
    fresh = make_search_service({"guide.search.index_dir": str(search.root)}, scratch.session_factory)
    fresh.ensure_index()
    assert codes(fresh, "护照") == ["GAJ-0001"]


def test_a_locked_index_keeps_the_update_for_later(scratch, search, caplog):
    search.lock_timeout = 0.2
    writer = search._index(search.current_generation()).writer()
    try:
        with caplog.at_level(logging.ERROR, logger="guide.search.whoosh_backend"):
            rename(scratch, "GAJ-0001", "锁住时改的名字")
        assert "locked" in caplog.text
    finally:
        writer.cancel()
    assert codes(search, "锁住") == []
    rename(scratch, "MZJ-0001", "内地居民结婚登记（改）")  # the next update carries the pending one
    assert codes(search, "锁住") == ["GAJ-0001"]


def test_the_backend_is_chosen_by_a_setting(scratch, tmp_path):
    service = make_search_service({"guide.search.backend": "guide.search.null.NullSearch",
                                   "guide.search.index_dir": str(tmp_path)}, scratch.session_factory)
    assert isinstance(service, NullSearch)
    with scratch.transaction() as s:
        import_catalogue(s, SMALL)
    assert len(service.indexed) == 3
    assert service.search(SearchRequest(text="护照")).total == 0


def test_an_index_of_an_older_schema_is_rebuilt_at_start(scratch, search):
    from whoosh import index
    from whoosh.fields import ID, Schema

    old = search.root / "gen-1"
    old.mkdir()
    index.create_in(str(old), Schema(code=ID(stored=True, unique=True)))
    (search.root / CURRENT).write_text("gen-1", encoding="utf-8")
    fresh = make_search_service({"guide.search.index_dir": str(search.root)}, scratch.session_factory)
    fresh.ensure_index()
    assert fresh.current_generation() != "gen-1"
    assert codes(fresh, "护照") == ["GAJ-0001"]


def test_an_index_of_an_older_format_is_rebuilt_at_start(scratch, search):
    # Same schema, documents of an earlier format (here: stored without best bets).
    live = search.current_generation()
    (search.root / live / FORMAT_FILE).unlink()
    fresh = make_search_service({"guide.search.index_dir": str(search.root)}, scratch.session_factory)
    fresh.ensure_index()
    assert fresh.current_generation() != live
    assert (search.root / fresh.current_generation() / FORMAT_FILE).read_text() == INDEX_FORMAT


def test_changes_wait_for_a_running_rebuild_and_a_dead_one_blocks_nothing(scratch, search):
    import fcntl
    import os

    from guide.models import SearchJournal
    from guide.search.whoosh_backend import REBUILDING

    # Another process rebuilding holds the lock: updates leave their rows for it.
    fd = os.open(search.root / REBUILDING, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        rename(scratch, "GAJ-0001", "重建期间改的名字")
        with scratch.transaction() as s:
            assert s.scalar(select(SearchJournal.id)) is not None  # kept for the rebuild
    finally:
        os.close(fd)  # the rebuilding process ends (or dies): the lock goes with it
    # The file left behind holds no lock: the next update goes ahead.
    assert (search.root / REBUILDING).exists()
    assert search.index_pending() == 1
    assert codes(search, "重建期间") == ["GAJ-0001"]


def test_an_item_that_cannot_be_indexed_holds_back_no_other(scratch, search, monkeypatch, caplog):
    from guide.search import documents

    real = documents.item_documents
    with scratch.transaction() as s:
        broken = s.scalar(select(Item.id).where(Item.code == "MZJ-0001"))

    def failing_for_one(dbsession, item_ids=None):
        if item_ids is not None and broken in item_ids:
            raise ValueError("a document that cannot be built")  # a fault, injected for this test
        return real(dbsession, item_ids)

    monkeypatch.setattr(documents, "item_documents", failing_for_one)
    with scratch.transaction() as s:
        s.scalar(select(Item).where(Item.code == "GAJ-0001")).name_zh = "护照新名字"
        s.scalar(select(Item).where(Item.code == "MZJ-0001")).name_zh = "喀斯特地貌登记"
    assert codes(search, "护照新名字") == ["GAJ-0001"]
    assert codes(search, "结婚") == ["MZJ-0001"]  # its old entry stays
    assert codes(search, "喀斯特地貌") == []  # its new name is not in the index
    assert "cannot be indexed" in caplog.text
