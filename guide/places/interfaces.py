from zope.interface import Interface


class IPlacesService(Interface):
    """Service centers, their windows and which windows accept an item."""

    def centers():
        """All centers, halls first, then service points, by code."""

    def get_center(code):
        """The center with this code (windows and schedules loaded), or None."""

    def windows_for_item(item):
        """[(window, reason)] of every window that accepts the item, by center and window code."""

    def districts():
        """All districts, by code."""

    def get_district(code):
        """The district with this code, or None."""

    def center_status(center, at, calendar):
        """(Status of the center, [(window, Status)]) at an instant."""
