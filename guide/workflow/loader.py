"""Load editorial guides from content/guides/*.md: YAML front matter, then a Markdown body.

Front matter keys: item (code), locale (zh-Hans, en or zh-Hant), state, summary; revision (the
source's, bumped when its text changes) or, in a translation, source_revision (the source
revision it was translated from: older means stale).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..i18n import LOCALES_BY_TAG, SOURCE_LOCALE
from ..models import Guide, Item
from ..models.guides import GUIDE_STATES
from ..places.loader import ContentInvalid


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


def load_guides(dbsession: Session, folder: str | Path, now: dt.datetime | None = None) -> int:
    folder = Path(folder)
    now = now or dt.datetime.now(dt.timezone.utc)
    items = {i.code: i for i in dbsession.scalars(select(Item))}
    existing = {(g.item.code, g.locale): g for g in dbsession.scalars(select(Guide))}
    errors, loaded = [], 0
    for path in sorted(folder.glob("*.md")):
        try:
            meta, body = parse_guide_file(path)
        except (ValueError, yaml.YAMLError, UnicodeDecodeError) as e:
            errors.append(f"{path.name}: {e}")
            continue
        item, locale, state = items.get(str(meta.get("item"))), meta.get("locale"), meta.get("state", "published")
        if item is None or locale not in LOCALES_BY_TAG or state not in GUIDE_STATES:
            errors.append(f"{path.name}: unknown item '{meta.get('item')}', locale '{locale}' or state '{state}'")
            continue
        try:
            revision = int(meta.get("revision", 1))
            source_revision = int(meta["source_revision"]) if "source_revision" in meta else None
        except (TypeError, ValueError):
            errors.append(f"{path.name}: revision and source_revision must be whole numbers")
            continue
        if locale != SOURCE_LOCALE.tag and source_revision is None:
            errors.append(f"{path.name}: a translation needs source_revision, the source revision it translates")
            continue
        values = (str(meta.get("summary", "")), body, state, revision, source_revision)
        guide = existing.get((item.code, locale))
        if guide is None:
            guide = Guide(item=item, locale=locale, updated_at=now)
            dbsession.add(guide)
        elif (guide.summary, guide.body, guide.state, guide.revision, guide.source_revision) == values:
            loaded += 1
            continue
        guide.summary, guide.body, guide.state, guide.revision, guide.source_revision = values
        guide.updated_at = now
        if state == "published" and guide.published_at is None:
            guide.published_at = now
        loaded += 1
    if errors:
        raise ContentInvalid(errors)
    dbsession.flush()
    return loaded
