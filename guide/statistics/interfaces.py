from zope.interface import Interface


class IStatisticsService(Interface):
    """Figures about the active items of the catalogue."""

    def overview():
        """An Overview of the whole catalogue."""

    def online_by_department():
        """[DepartmentOnline] of each department with active items, the largest share online first."""

    def visits():
        """[(visits required, number of items)], fewest visits first."""

    def time_limits_by_department():
        """[DepartmentTimes] of each department with items that have a time limit (items done on
        the spot have none), the shortest average promise first."""

    def items_per_center():
        """[(center, number of items some window of it accepts)], the most first."""
