"""content/bundles/bundles.yaml: the bundles shipped with the content, seeded as guide.seeding
says (editors keep them on the web once the site runs). A file with a bad entry loads nothing
and names every problem. The rules of a bundle are guide.bundles.check, as for the editor's form."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from sqlalchemy.orm import Session

from ..models import Bundle, BundleItem
from ..places.loader import ContentInvalid
from ..seeding import seed
from . import apply, check, differs

LANGS = {"zh-Hans": "zh", "en": "en"}


def _texts(entry: dict, key: str) -> dict:
    """{field_zh: ..., field_en: ...} of a {zh-Hans: ..., en: ...} mapping (missing: empty)."""
    value = entry.get(key) if isinstance(entry.get(key), dict) else {}
    out = {}
    for lang, suffix in LANGS.items():
        text = value.get(lang)
        if key == "terms":
            out[f"{key}_{suffix}"] = [str(t) for t in text] if isinstance(text, list) else []
        else:
            out[f"{key}_{suffix}"] = text if isinstance(text, str) else ""
    return out


def read_bundles(dbsession: Session, path: Path) -> list[dict]:
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as e:
        raise ContentInvalid([f"{path.name}: not YAML ({e})"]) from None
    if not isinstance(entries, list):
        raise ContentInvalid([f"{path.name}: a list of bundles is expected"])
    errors, found, seen = [], [], set()
    for number, entry in enumerate(entries, start=1):
        entry = entry if isinstance(entry, dict) else {}
        slug = str(entry.get("slug", ""))
        label = f"{path.name} bundle {number} ({slug})"
        if slug in seen:
            errors.append(f"{label}: the slug is used twice")
        seen.add(slug)
        codes = entry.get("items") if isinstance(entry.get("items"), list) else []
        fields, problems = check(dbsession, slug=slug, codes=[str(c) for c in codes], **_texts(entry, "title"),
                                 **_texts(entry, "summary"), **_texts(entry, "terms"))
        errors += [f"{label}: {name}: {message.interpolate()}" for name, message in problems.items()]
        if fields:
            found.append({**fields, "position": number})
    if errors:
        raise ContentInvalid(errors)
    return found


def load_bundles(dbsession: Session, path: Path, overwrite: bool = False) -> int:
    """The number of bundles added or replaced (guide.seeding's rule)."""
    if not path.exists():
        return 0
    now = dt.datetime.now(dt.timezone.utc)

    def write(bundle, fields):
        bundle.position = fields["position"]
        apply(bundle, fields, now)

    return seed(dbsession, Bundle, {f["slug"]: f for f in read_bundles(dbsession, path)}, overwrite,
                new=lambda slug, _fields: Bundle(slug=slug),
                same=lambda b, f: b.position == f["position"] and not differs(b, f), write=write)


def write_bundles(dbsession: Session, path: Path) -> int:
    """Every bundle, in the file's format (export-content), in their order. The number written."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    bundles = dbsession.scalars(select(Bundle).options(selectinload(Bundle.entries).selectinload(BundleItem.item))
                                .order_by(Bundle.position, Bundle.slug)).all()

    def texts(bundle, key):
        if key == "terms":  # kept one a line, written as a list
            return {lang: getattr(bundle, f"terms_{suffix}").splitlines() for lang, suffix in LANGS.items()}
        return {lang: getattr(bundle, f"{key}_{suffix}") for lang, suffix in LANGS.items()}

    entries = [{"slug": b.slug, "items": [i.code for i in b.items],
                **{key: texts(b, key) for key in ("title", "summary", "terms")}} for b in bundles]
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    return len(bundles)
