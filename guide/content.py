"""Load everything under content/ except the catalogue: centers, kiosk lists, the holiday calendar,
notices, bundles, synonyms and best bets, guides, forms to download; and export what editors keep
in the database back into such files."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from .bundles.loader import load_bundles, write_bundles
from .forms.loader import load_forms, write_forms
from .hours.calendar import load_calendar
from .kiosk.popular import load_popular
from .notices.loader import load_notices, write_notices
from .places.loader import ContentInvalid, load_centers
from .search.bestbets import BestBetError, all_bets, load_best_bets
from .search.bestbets import write_file as write_best_bets
from .search.synonyms import load_synonyms
from .search.synonyms import table as synonyms_table
from .search.synonyms import write_file as write_synonyms
from .workflow.loader import load_guides, write_guides


NOTICES = Path("notices") / "notices.csv"
BUNDLES = Path("bundles") / "bundles.yaml"
SYNONYMS = Path("search") / "synonyms.tsv"
BEST_BETS = Path("search") / "best_bets.tsv"
#: what a content folder holds (any of them)
PARTS = ("centers", "kiosk", "calendar", "notices", "bundles", "search", "guides", "forms")


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
    what changed; `overwrite` replaces guides edited on the web with the files' text. A part
    whose files are absent is left as it is (an export holds only the editorial parts), but a
    folder with none of them is an error (a mistyped path)."""
    folder = Path(folder)
    if not any((folder / part).exists() for part in PARTS):
        raise ContentInvalid([f"{folder}: no content here (none of {', '.join(PARTS)})"])
    counts = load_centers(dbsession, folder / "centers") if (folder / "centers").exists() else {}
    counts["popular items"] = load_popular(dbsession, folder / "kiosk" / "popular.csv")
    calendar = folder / "calendar" / "holidays.csv"
    if calendar.exists():
        try:
            counts["calendar days"] = load_calendar(dbsession, calendar)
        except ValueError as e:
            raise ContentInvalid([str(e)]) from e
    counts["notices added or replaced"] = load_notices(dbsession, folder / NOTICES, overwrite)
    counts["bundles added or replaced"] = load_bundles(dbsession, folder / BUNDLES, overwrite)
    counts["synonyms added or replaced"] = load_synonyms(dbsession, folder / SYNONYMS, overwrite)
    try:
        counts["best bets added or replaced"] = load_best_bets(dbsession, folder / BEST_BETS, overwrite)
    except BestBetError as e:
        raise ContentInvalid([str(e)]) from e
    guides = load_guides(dbsession, folder / "guides", overwrite=overwrite)
    counts["forms added or replaced"] = load_forms(dbsession, folder / "forms", overwrite)
    counts["guides"] = guides.files
    counts["guides added or changed"] = guides.outcomes["added"] + guides.outcomes["changed"]
    if guides.kept:
        counts["guides kept (edited on the web)"] = len(guides.kept)
    return ContentLoaded(counts, guides.kept)


def export_content(dbsession: Session, folder: str | Path) -> dict[str, int]:
    """Write what editors keep in the database (guides: each one's published revision and its
    draft; bundles, notices, synonyms, best bets, forms to download) into folder, in the files
    load_content reads:
    the folder can go under version control, and load_content of it gives the same content."""
    folder = Path(folder)
    for part in (NOTICES, BUNDLES, SYNONYMS):
        (folder / part).parent.mkdir(parents=True, exist_ok=True)
    counts = {"guide files": write_guides(dbsession, folder / "guides"),
              "bundles": write_bundles(dbsession, folder / BUNDLES),
              "notices": write_notices(dbsession, folder / NOTICES),
              "forms": write_forms(dbsession, folder / "forms")}
    table = synonyms_table(dbsession)
    write_synonyms(folder / SYNONYMS, table)
    bets = all_bets(dbsession)
    write_best_bets(folder / BEST_BETS, bets)
    counts["synonyms"], counts["best bets"] = len(table), len(bets)
    return counts
