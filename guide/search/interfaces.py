from zope.interface import Interface

#: The facets search results are counted by, in the order pages show them.
FACETS = ("department", "type", "audience", "online", "mode", "center")


class ISearchService(Interface):
    """Full-text search over the item catalogue and published guides."""

    def index_items(item_ids):
        """Bring these items up to date in the index (an inactive or missing item is removed)."""

    def remove(codes):
        """Remove items from the index by code."""

    def search(request):
        """A SearchResults for a SearchRequest."""

    def suggest(prefix, lang, limit):
        """[(code, name)] of items whose name starts with or contains what was typed."""

    def rebuild(progress):
        """Build a complete new index beside the live one and swap it in atomically."""

    def ensure_index():
        """At start-up: rebuild when there is no index, or it cannot be opened or is outdated."""
