"""A search backend that finds nothing: for unit tests and for running without an index."""
from zope.interface import implementer

from .interfaces import ISearchService
from .results import SearchResults


@implementer(ISearchService)
class NullSearch:
    def __init__(self, settings=None, session_factory=None):
        self.indexed: list = []

    def index_items(self, item_ids):
        self.indexed.extend(item_ids)

    def remove(self, codes):
        pass

    def search(self, request):
        return SearchResults()

    def suggest(self, prefix, lang, limit=8):
        return []

    def rebuild(self, progress=None):
        return 0

    def ensure_index(self):
        pass
