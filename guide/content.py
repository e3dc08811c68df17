"""Load everything under content/ except the catalogue: centers, the holiday calendar, guides."""
from pathlib import Path

from sqlalchemy.orm import Session

from .hours.calendar import load_calendar
from .places.loader import ContentInvalid, load_centers
from .workflow.loader import load_guides


def load_content(dbsession: Session, folder: str | Path) -> dict[str, int]:
    """All or nothing: raises ContentInvalid before the caller commits anything."""
    folder = Path(folder)
    counts = load_centers(dbsession, folder / "centers")
    try:
        counts["calendar days"] = load_calendar(dbsession, folder / "calendar" / "holidays.csv")
    except ValueError as e:
        raise ContentInvalid([str(e)]) from e
    counts["guides"] = load_guides(dbsession, folder / "guides")
    return counts
