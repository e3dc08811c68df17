"""Load editorial guides from content/guides/*.md: YAML front matter, then a Markdown body.

Front matter keys: item (code), locale (zh-Hans or en), state (published, draft, review,
scheduled or archived), summary; revision (the source's number, raised when its text changes) or,
in a translation, source_revision (the source revision it was translated from: older means
stale); publish_at (an ISO date and time with its offset) when scheduled.

CODE.locale.md holds a guide's published revision (or, never published, its draft; archived, its
last text). A published guide with a draft in progress has a second file, CODE.locale.draft.md,
holding the draft (draft, review or scheduled): `export-content` writes both, so a round trip
keeps what readers see and what editors are working on.

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
from .states import ARCHIVED, DRAFT, PUBLISHED, REVIEW, SCHEDULED, WORKING_STATES

FILE_STATES = (PUBLISHED, DRAFT, REVIEW, SCHEDULED, ARCHIVED)
#: the second file of a published guide: its draft
DRAFT_SUFFIX = ".draft.md"


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
    #: the draft of a published guide (CODE.locale.draft.md)
    draft: bool = False
    publish_at: dt.datetime | None = None


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
        draft = path.name.endswith(DRAFT_SUFFIX)
        if item is None or locale not in EDITABLE_LOCALES or state not in (WORKING_STATES if draft else FILE_STATES):
            errors.append(f"{path.name}: unknown item '{meta.get('item')}', locale '{locale}' or state '{state}'"
                          + (" (a draft file holds a draft, review or scheduled guide)" if draft else ""))
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
        publish_at = _instant(meta.get("publish_at")) if state == SCHEDULED else None
        if state == SCHEDULED and publish_at is None:
            errors.append(f"{path.name}: a scheduled guide needs publish_at, e.g. 2026-12-01T09:30:00+08:00")
            continue
        files.append(GuideFile(path.name, item, locale, state, str(meta.get("summary", "")), body, revision,
                               source_revision, draft, publish_at))
    drafts = {(f.item.code, f.locale) for f in files if f.draft}
    mains = {(f.item.code, f.locale): f for f in files if not f.draft}
    for code, locale in drafts:
        if (code, locale) not in mains or mains[(code, locale)].state != PUBLISHED:
            errors.append(f"{code}.{locale}{DRAFT_SUFFIX}: a draft file goes with a published {code}.{locale}.md")
    if errors:
        raise ContentInvalid(errors)
    return files


def _instant(value) -> dt.datetime | None:
    """publish_at as YAML gives it (a timestamp, or text): an aware instant, else None."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        return None
    try:
        return value.astimezone(dt.timezone.utc)
    except OverflowError:  # 0001-01-01T00:00+08:00 falls before the first instant
        return None


def load_guides(dbsession: Session, folder: str | Path, now: dt.datetime | None = None,
                overwrite: bool = False) -> GuidesLoaded:
    items = {i.code: i for i in dbsession.scalars(select(Item))}
    files = read_guide_files(Path(folder), items)
    workflow = GuideWorkflow(dbsession, now or dt.datetime.now(dt.timezone.utc))
    report = GuidesLoaded()
    drafts = {(f.item.code, f.locale) for f in files if f.draft}
    # Sources first: a translation's revision refers to its source's. A guide's published
    # revision before its draft.
    for f in sorted(files, key=lambda f: (f.locale != SOURCE_LOCALE.tag, f.item.code, f.locale, f.draft)):
        outcome = workflow.load(f.item, f.locale, f.summary, f.body, f.state, f.source_revision, f.revision, overwrite,
                                publish_at=f.publish_at,
                                draft_follows=not f.draft and (f.item.code, f.locale) in drafts)
        report.outcomes[outcome] += 1
        if outcome == "kept":
            report.kept.append(f"{f.item.code} {f.locale}")
    dbsession.flush()
    return report


def write_guides(dbsession: Session, folder: Path) -> int:
    """Every guide as the files load_guides reads (export-content): its published revision, and
    the draft of a published guide in a second file. The number of files written."""
    from sqlalchemy.orm import selectinload

    from ..models import Guide

    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    guides = dbsession.scalars(select(Guide).options(
        selectinload(Guide.item), selectinload(Guide.published_revision), selectinload(Guide.draft_revision))
        .order_by(Guide.id)).all()
    workflow = GuideWorkflow(dbsession, dt.datetime.now(dt.timezone.utc))
    for guide in guides:
        published, draft = guide.published_revision, guide.draft_revision
        files = []
        if published is not None:
            files.append((f"{guide.item.code}.{guide.locale}.md", published, PUBLISHED))
            if draft is not None:
                files.append((f"{guide.item.code}.{guide.locale}{DRAFT_SUFFIX}", draft, draft.state))
        elif draft is not None:
            files.append((f"{guide.item.code}.{guide.locale}.md", draft, draft.state))
        else:  # archived: its last text
            last = workflow.newest(guide)
            if last is not None:
                files.append((f"{guide.item.code}.{guide.locale}.md", last, ARCHIVED))
        for name, revision, state in files:
            meta = {"item": guide.item.code, "locale": guide.locale, "state": state, "summary": revision.summary,
                    "revision": revision.number}
            if revision.source_revision is not None:
                meta["source_revision"] = revision.source_revision
            if state == SCHEDULED:
                meta["publish_at"] = revision.publish_at.isoformat()
            head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)
            (folder / name).write_text(f"---\n{head}---\n{revision.body.strip()}\n", encoding="utf-8")
            written += 1
    return written
