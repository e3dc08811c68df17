"""Synonyms: a term people type (社保卡, "driving licence") and the official terms it stands for.

The database is their live home (models.Synonym): publishers edit them on the web, and
content/search/synonyms.tsv seeds them (`load-content` adds the terms the database lacks and
replaces one only with --overwrite). They apply at query time only, so a change needs no
reindexing: each process keeps the table as a query.Synonyms and reads it again when the content
version moves (a change anywhere is a content change: within half a second in every process).
"""
from __future__ import annotations

import csv
import datetime as dt
import threading
from pathlib import Path

from sqlalchemy import select

from ..content_version import VersionReader
from ..models import Synonym
from .analysis import normalize
from .query import Synonyms

MAX_TERM = 40
MAX_OFFICIALS = 10
MAX_OFFICIAL = 100
#: The file's columns: the term, then its official terms separated by ";".
FILE_HEADER = ("# What people type\tthe official terms it stands for (;-separated). Applied at query time:\n"
               "# a query containing the left side is also searched for the right side. Traditional Chinese\n"
               "# queries are converted to Simplified first, so list Simplified terms only.\n")


def normal_term(text: str) -> str:
    """A term as it is kept and matched: Simplified, lower case, single spaces."""
    return " ".join(normalize(text).lower().split())


def check(term: str, officials: str) -> tuple[tuple[str, list[str]] | None, dict[str, str]]:
    """((the term, its official terms) as kept, {}) or (None, {field: what is wrong})."""
    from ..i18n import _

    errors = {}
    term = normal_term(term)
    found = [" ".join(normalize(t).split()) for t in officials.replace("；", ";").split(";")]
    found = list(dict.fromkeys(t for t in found if t))
    if not term:
        errors["term"] = _("Type the term people use.")
    elif len(term) > MAX_TERM:
        errors["term"] = _("A term is at most ${n} characters.", mapping={"n": MAX_TERM})
    if not found:
        errors["officials"] = _("Give at least one official term.")
    elif len(found) > MAX_OFFICIALS or any(len(t) > MAX_OFFICIAL for t in found):
        errors["officials"] = _("At most ${n} official terms, each at most ${m} characters.",
                                mapping={"n": MAX_OFFICIALS, "m": MAX_OFFICIAL})
    return (None if errors else (term, found)), errors


def read_file(path: Path) -> dict[str, list[str]]:
    """term -> official terms, from a synonyms file (the first row of a term wins; rows the
    rules refuse are left out)."""
    found: dict[str, list[str]] = {}
    if not path.exists():
        return found
    with path.open(encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) < 2 or row[0].startswith("#"):
                continue
            checked, _errors = check(row[0], row[1])
            if checked is not None:
                found.setdefault(*checked)
    return found


def write_file(path: Path, table: list[tuple[str, list[str]]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(FILE_HEADER)
        for term, officials in table:
            f.write(f"{term}\t{';'.join(officials)}\n")


def table(dbsession) -> list[tuple[str, list[str]]]:
    """[(term, its official terms)] in the order they were added."""
    return [(term, officials.split(";")) for term, officials in
            dbsession.execute(select(Synonym.term, Synonym.officials).order_by(Synonym.id))]


def put(dbsession, term: str, officials: list[str], now: dt.datetime) -> Synonym:
    """Add the term, or give it these official terms (checked by `check` first)."""
    synonym = dbsession.scalar(select(Synonym).where(Synonym.term == term))
    if synonym is None:
        synonym = Synonym(term=term)
        dbsession.add(synonym)
    synonym.officials, synonym.updated_at = ";".join(officials), now
    dbsession.flush()
    return synonym


def remove(dbsession, term: str) -> bool:
    synonym = dbsession.scalar(select(Synonym).where(Synonym.term == normal_term(term)))
    if synonym is None:
        return False
    dbsession.delete(synonym)
    dbsession.flush()
    return True


def load_synonyms(dbsession, path: Path, overwrite: bool = False, now: dt.datetime | None = None) -> int:
    """Seed the table from a file (seeding.py's rule): the number of terms added or replaced."""
    now = now or dt.datetime.now(dt.timezone.utc)
    existing = dict(table(dbsession))
    written = 0
    for term, officials in read_file(path).items():
        if term in existing and (not overwrite or existing[term] == officials):
            continue
        put(dbsession, term, officials, now)
        written += 1
    return written


class SynonymSource:
    """This process's copy of the table, read again once the content version has moved."""

    def __init__(self, engine, versions: VersionReader | None = None):
        """versions: the process's reader of the content version (the app's, which the page
        cache keys on: answers are never kept under a version older than their synonyms')."""
        self.engine = engine
        self.versions = versions or VersionReader(engine)
        self._lock = threading.Lock()
        self._version: int | None = None
        self._rows: list | None = None
        self._synonyms = Synonyms()

    def current(self, version: int | None = None) -> Synonyms:
        """The synonyms at the content version given (a backend that has just read it), or at
        the one this process knows."""
        version = self.versions.current() if version is None else version
        if self._version is None or version > self._version:  # versions only grow
            with self._lock:
                if self._version is None or version > self._version:
                    with self.engine.connect() as connection:
                        rows = connection.execute(
                            select(Synonym.term, Synonym.officials).order_by(Synonym.id)).all()
                    if rows != self._rows:  # most content changes are not to synonyms
                        self._synonyms = Synonyms.from_rows([(t, o.split(";")) for t, o in rows])
                        self._rows = rows
                    self._version = version
        return self._synonyms
