from zope.interface import Attribute, Interface


class ICatalogueService(Interface):
    """Read access to the published item catalogue (active items only)."""

    def get_item(code):
        """The active item with this code, its department and materials loaded, or None."""

    def browse(filters, page, per_page):
        """(total, items) for a Filters value, ordered by code."""

    def departments():
        """All departments with their active item counts, ordered by code."""

    def get_department(code):
        """The department with this code, or None."""

    def facet_counts():
        """Counts of active items by type, audience and topic, for the home page."""

    per_page = Attribute("default page size")
