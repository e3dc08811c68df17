from zope.interface import Attribute, Interface

#: The facets search results are counted by, in the order pages show them.
FACETS = ("department", "type", "audience", "online", "mode", "center")


class ISearchService(Interface):
    """Full-text search over the item catalogue and published guides."""

    def journal_written():
        """A commit wrote to the search journal: index it now, or wake the background indexer."""

    def index_pending():
        """Write journalled items into the index; the number of journal entries done (0: none)."""

    def start_background(poll_seconds):
        """From now on index in a thread, woken by commits and every poll_seconds (the app)."""

    def state():
        """A short token naming the index's committed state, the same in every process that
        shares the index; None while it may still be changing (no cache may key on it then)."""

    def search(request, synonyms=None, pinned=None):
        """A SearchResults for a SearchRequest. An editor's preview of a change not made yet
        passes the synonyms to use (a query.Synonyms) or the item codes to pin to the query
        instead of its best bets."""

    synonyms = Attribute("The query.Synonyms searches use now (synonyms.py).")

    def suggest(prefix, lang, limit):
        """[(code, name)] of items whose name starts with or contains what was typed."""

    def rebuild(progress):
        """Build a complete new index beside the live one and swap it in atomically."""

    def ensure_index(background):
        """At start-up: rebuild when there is no index, or it cannot be opened, is outdated or
        damaged; with `background`, a damaged index is rebuilt in a thread while searches fall
        back to the database."""

    def health():
        """"ok", or "degraded" while searches are answered without the index."""

    def close():
        """Let go of what the service holds open (connections, searchers): a command's end."""
