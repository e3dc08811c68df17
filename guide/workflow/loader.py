"""Load editorial guides from content/guides/*.md: YAML front matter, then a Markdown body.

Front matter keys: item (code), locale (zh-Hans or en), state (published, draft, review or
archived), summary; revision (the source's number, raised when its text changes) or, in a
translation, source_revision (the source revision it was translated from: older means stale).

Only what changed is written, as a new revision. A guide edited on the web since is left alone
unless `overwrite` is given: the files are the seed, the database is where editors work.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..i18n import SOURCE_LOCALE
from ..models import Item
from ..places.loader import ContentInvalid
from .service import EDITABLE_LOCALES, GuideWorkflow
from .states import ARCHIVED, DRAFT, PUBLISHED, REVIEW

FILE_STATES = (PUBLISHED, DRAFT, REVIEW, ARCHIVED)


@dataclass
class GuidesLoaded:
    #: "added", "changed", "unchanged", "kept" -> number of guides
    outcomes: Counter = field(default_factory=Counter)
    #: "CODE locale" of guides edited on the web, which the files did not replace
    kept: list[str] = field(default_factory=list)

    @property
    def files(self) -> int:
        return sum(self.outcomes.values())


@dataclass(frozen=True)
class GuideFile:
    name: str
    item: Item
    locale: str
    state: str
    summary: str
    body: str
    revision: int | None
    source_revision: int | None


def parse_guide_file(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise ValueError("must start with a '---' front matter block")
    head, sep, body = text[4:].partition("\n---\n")
    if not sep:
        raise ValueError("front matter block is not closed with '---'")
    meta = yaml.safe_load(head) or {}
    if not isinstance(meta, dict):
        raise ValueError("front matter must be key: value pairs")
    return meta, body.strip() + "\n"


def read_guide_files(folder: Path, items: dict[str, Item]) -> list[GuideFile]:
    """Every file, checked; raises ContentInvalid listing every problem."""
    errors, files = [], []
    for path in sorted(folder.glob("*.md")):
        try:
            meta, body = parse_guide_file(path)
        except (ValueError, yaml.YAMLError, UnicodeDecodeError) as e:
            errors.append(f"{path.name}: {e}")
            continue
        item, locale, state = items.get(str(meta.get("item"))), meta.get("locale"), meta.get("state", PUBLISHED)
        if item is None or locale not in EDITABLE_LOCALES or state not in FILE_STATES:
            errors.append(f"{path.name}: unknown item '{meta.get('item')}', locale '{locale}' or state '{state}'")
            continue
        try:
            revision = int(meta["revision"]) if "revision" in meta else None
            source_revision = int(meta["source_revision"]) if "source_revision" in meta else None
        except (TypeError, ValueError):
            errors.append(f"{path.name}: revision and source_revision must be whole numbers")
            continue
        if locale != SOURCE_LOCALE.tag and source_revision is None:
            errors.append(f"{path.name}: a translation needs source_revision, the source revision it translates")
            continue
        files.append(GuideFile(path.name, item, locale, state, str(meta.get("summary", "")), body, revision,
                               source_revision))
    if errors:
        raise ContentInvalid(errors)
    return files


def load_guides(dbsession: Session, folder: str | Path, now: dt.datetime | None = None,
                overwrite: bool = False) -> GuidesLoaded:
    items = {i.code: i for i in dbsession.scalars(select(Item))}
    files = read_guide_files(Path(folder), items)
    workflow = GuideWorkflow(dbsession, now or dt.datetime.now(dt.timezone.utc))
    report = GuidesLoaded()
    # Sources first: a translation's revision refers to its source's.
    for f in sorted(files, key=lambda f: (f.locale != SOURCE_LOCALE.tag, f.name)):
        outcome = workflow.load(f.item, f.locale, f.summary, f.body, f.state, f.source_revision, f.revision, overwrite)
        report.outcomes[outcome] += 1
        if outcome == "kept":
            report.kept.append(f"{f.item.code} {f.locale}")
    dbsession.flush()
    return report
