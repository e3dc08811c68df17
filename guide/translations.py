"""Translation bookkeeping: which source text each English field was made from, and the report
`guide translation-status` prints.

English catalogue and content text arrives with its Chinese source (imports, content files).
When an import changes the Chinese but not the English, the English was made from the old
source: it is flagged stale, still shown, with a note. Traditional Chinese is converted from
the source automatically, so it cannot go stale; the report counts it as converted.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager, joinedload

from .models import Department, District, Item, Material, Schedule, ServiceCenter, TranslationSource, Window
from .workflow.service import is_stale, published_revisions

#: The fields that exist as <field>_zh (source) and <field>_en (translation), by kind.
TRANSLATED_FIELDS = {
    "department": ("name",),
    "item": ("name", "conditions", "result", "fee_note", "legal_basis"),
    "material": ("name", "note"),
    "district": ("name",),
    "center": ("name", "address"),
    "window": ("label",),
    "schedule": ("name",),
}


def digest(text: str | None) -> str:
    return hashlib.sha1((text or "").encode("utf-8")).hexdigest()[:16]


def key_of(obj) -> tuple[str, str] | None:
    """(kind, key) of a model object whose fields are translated."""
    if isinstance(obj, Item):
        return "item", obj.code
    if isinstance(obj, Material):
        return "material", f"{obj.item.code}#{obj.seq}"
    if isinstance(obj, Department):
        return "department", obj.code
    if isinstance(obj, District):
        return "district", obj.code
    if isinstance(obj, ServiceCenter):
        return "center", obj.code
    if isinstance(obj, Window):
        return "window", f"{obj.center.code}/{obj.code}"
    if isinstance(obj, Schedule):
        return "schedule", obj.code
    return None


def snapshot(obj, kind: str) -> dict[str, tuple]:
    """The (source, English) pair of each translated field, before a change."""
    return {f: (getattr(obj, f"{f}_zh", None), getattr(obj, f"{f}_en", None)) for f in TRANSLATED_FIELDS[kind]}


class Ledger:
    """Records, for one import or load, where each English field came from."""

    def __init__(self, dbsession: Session):
        self.db = dbsession
        self.rows = {(r.kind, r.key, r.field): r for r in dbsession.scalars(
            select(TranslationSource).where(TranslationSource.locale == "en"))}

    def record(self, kind: str, key: str, before: dict[str, tuple] | None, obj) -> None:
        for name in TRANSLATED_FIELDS[kind]:
            new_zh, new_en = getattr(obj, f"{name}_zh", None), getattr(obj, f"{name}_en", None)
            old_zh, old_en = (before or {}).get(name, (None, None))
            if not new_en or not new_zh:
                continue  # missing: the report counts it, there is nothing to date
            row = self.rows.get((kind, key, name))
            if row is None:
                # First record of this field. If only the source just changed, the English
                # was made from the old source.
                source = old_zh if before and old_zh and old_en == new_en and old_zh != new_zh else new_zh
                row = TranslationSource(kind=kind, key=key, field=name, locale="en", source_digest=digest(source))
                self.db.add(row)
                self.rows[(kind, key, name)] = row
            elif new_en != old_en:
                row.source_digest = digest(new_zh)
            row.stale = row.source_digest != digest(new_zh)


def stale_fields(dbsession: Session) -> set[tuple[str, str, str]]:
    return {(r.kind, r.key, r.field) for r in dbsession.scalars(
        select(TranslationSource).where(TranslationSource.stale, TranslationSource.locale == "en"))}


@dataclass
class LocaleReport:
    locale: str
    missing: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    stale: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    converted: int = 0


def _records(dbsession: Session):
    yield "department", dbsession.scalars(select(Department))
    yield "item", dbsession.scalars(select(Item).where(Item.active))
    # key_of reads a material's item and a window's center: loaded with them, not one by one.
    yield "material", dbsession.scalars(
        select(Material).join(Material.item).where(Item.active).options(contains_eager(Material.item)))
    yield "district", dbsession.scalars(select(District))
    yield "center", dbsession.scalars(select(ServiceCenter))
    yield "window", dbsession.scalars(select(Window).options(joinedload(Window.center)))
    yield "schedule", dbsession.scalars(select(Schedule))


def translation_status(dbsession: Session) -> list[LocaleReport]:
    english, traditional = LocaleReport("en"), LocaleReport("zh-Hant")
    stale = stale_fields(dbsession)
    for kind, objects in _records(dbsession):
        for obj in objects:
            _kind, key = key_of(obj)
            for name in TRANSLATED_FIELDS[kind]:
                if not getattr(obj, f"{name}_zh", None):
                    continue
                traditional.converted += 1
                if not getattr(obj, f"{name}_en", None):
                    english.missing[kind].append(f"{key} {name}")
                elif (kind, key, name) in stale:
                    english.stale[kind].append(f"{key} {name}")
    guides = defaultdict(dict)
    codes = dict(dbsession.execute(select(Item.id, Item.code)).all())
    for (item_id, locale), revision in published_revisions(dbsession).items():
        guides[codes[item_id]][locale] = revision
    for code, by_locale in sorted(guides.items()):
        source = by_locale.get("zh-Hans")
        if source is None:
            continue
        traditional.converted += 1
        english_guide = by_locale.get("en")
        if english_guide is None:
            english.missing["guide"].append(code)
        elif is_stale(english_guide.source_revision, source.number):
            english.stale["guide"].append(f"{code} (translated from revision {english_guide.source_revision}, "
                                          f"source is at {source.number})")
    return [english, traditional]
