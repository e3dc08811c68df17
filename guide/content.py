"""Load everything under content/ except the catalogue: centers, kiosk lists, the holiday calendar,
notices, bundles, synonyms and best bets, guides."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from .bundles.loader import load_bundles
from .hours.calendar import load_calendar
from .kiosk.popular import load_popular
from .notices.loader import load_notices
from .places.loader import ContentInvalid, load_centers
from .search.bestbets import BestBetError, load_best_bets
from .search.synonyms import load_synonyms
from .workflow.loader import load_guides


@dataclass
class ContentLoaded:
    #: what was read, by kind ("centers": 27, "guides changed": 2, ...)
    counts: dict[str, int]
    #: "CODE locale" of guides edited on the web, which the files did not replace
    kept: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return ", ".join(f"{n} {what}" for what, n in self.counts.items())


def load_content(dbsession: Session, folder: str | Path, overwrite: bool = False) -> ContentLoaded:
    """All or nothing: raises ContentInvalid before the caller commits anything. Writes only
    what changed; `overwrite` replaces guides edited on the web with the files' text."""
    folder = Path(folder)
    counts = load_centers(dbsession, folder / "centers")
    counts["popular items"] = load_popular(dbsession, folder / "kiosk" / "popular.csv")
    try:
        counts["calendar days"] = load_calendar(dbsession, folder / "calendar" / "holidays.csv")
    except ValueError as e:
        raise ContentInvalid([str(e)]) from e
    counts["notices added or replaced"] = load_notices(dbsession, folder / "notices" / "notices.csv", overwrite)
    counts["bundles added or replaced"] = load_bundles(dbsession, folder / "bundles" / "bundles.yaml", overwrite)
    counts["synonyms added or replaced"] = load_synonyms(dbsession, folder / "search" / "synonyms.tsv", overwrite)
    try:
        counts["best bets added or replaced"] = load_best_bets(dbsession, folder / "search" / "best_bets.tsv", overwrite)
    except BestBetError as e:
        raise ContentInvalid([str(e)]) from e
    guides = load_guides(dbsession, folder / "guides", overwrite=overwrite)
    counts["guides"] = guides.files
    counts["guides added or changed"] = guides.outcomes["added"] + guides.outcomes["changed"]
    if guides.kept:
        counts["guides kept (edited on the web)"] = len(guides.kept)
    return ContentLoaded(counts, guides.kept)
