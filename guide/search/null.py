"""A search backend that finds nothing: for tests and for running without an index. It still
consumes the search journal, so the journal stays bounded."""
from sqlalchemy import delete, select
from zope.interface import implementer

from ..models import SearchJournal, writes
from .interfaces import ISearchService
from .query import Synonyms
from .results import SearchResults


@implementer(ISearchService)
class NullSearch:
    def __init__(self, settings=None, session_factory=None, versions=None):
        self.session_factory = session_factory
        #: the item ids the journal handed over (None: every item), for tests
        self.indexed: list = []

    def journal_written(self):
        self.index_pending()

    def index_pending(self):
        if self.session_factory is None:
            return 0
        with self.session_factory() as dbsession, dbsession.begin():
            writes(dbsession)  # it reads, then deletes what it read
            rows = dbsession.execute(select(SearchJournal.id, SearchJournal.item_id)).all()
            dbsession.execute(delete(SearchJournal).where(SearchJournal.id.in_([row_id for row_id, _ in rows])))
        self.indexed.extend(item_id for _, item_id in rows)
        return len(rows)

    def start_background(self, poll_seconds=1.0):
        pass

    def state(self):
        return "null"

    synonyms = Synonyms()

    def search(self, request, synonyms=None, pinned=None):
        return SearchResults()

    def suggest(self, prefix, lang, limit=8):
        return []

    def rebuild(self, progress=None):
        return 0

    def ensure_index(self, background=False):
        self.index_pending()

    def health(self):
        return "ok"

    def close(self):
        pass
