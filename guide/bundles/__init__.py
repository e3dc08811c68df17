"""One-step bundles (一件事): the items one life event needs (having a baby, starting a company),
in order, with a short editorial text per language. What a bundle's page shows is worked out
here: the documents of all its items merged, the centers that accept all of them (or the fewest
that together do), the longest promised time and each item's online link.

A search that names the life event (one of a bundle's terms: 生孩子, "having a baby") shows the
bundle above the items (`BundleFinder`).
"""
from __future__ import annotations

import itertools
import re
import threading
import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..i18n import _
from ..models import Bundle, BundleItem, Item
from ..places.acceptance import done_online
from ..search.analysis import CJK_RUN, normalize

#: the most centers tried together for the fewest that cover a bundle (more: one greedy pick a time)
EXACT_COVER_UP_TO = 4
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
#: the longest title and summary in each language, the most terms, items a bundle holds
LIMITS = {"title": 100, "summary": 1_000, "terms": 30}
MIN_ITEMS, MAX_ITEMS = 2, 20


def check(dbsession, *, slug: str, codes: list[str], title_zh: str, title_en: str, summary_zh: str,
          summary_en: str, terms_zh: list[str], terms_en: list[str]) -> tuple[dict | None, dict]:
    """(the fields of a bundle, {}) when they make one; else (None, {field: message}). The one
    set of rules for the editor's form and content/bundles/bundles.yaml."""
    errors: dict = {}
    if not SLUG.fullmatch(slug):
        errors["slug"] = _("Use lower-case letters, digits and hyphens (for example having-a-baby).")
    codes = [c.upper() for c in codes]
    if not MIN_ITEMS <= len(codes) <= MAX_ITEMS or len(set(codes)) != len(codes):
        errors["items"] = _("List ${low} to ${high} different items.", mapping={"low": MIN_ITEMS, "high": MAX_ITEMS})
    found = {i.code: i for i in dbsession.scalars(select(Item).where(Item.code.in_(codes), Item.active))}
    unknown = [c for c in codes if c not in found]
    if unknown:
        errors["items"] = _("Unknown codes: ${codes}", mapping={"codes": ", ".join(unknown[:20])})
    for name, value, limit in (("title_zh", title_zh, LIMITS["title"]), ("title_en", title_en, LIMITS["title"]),
                               ("summary_zh", summary_zh, LIMITS["summary"]),
                               ("summary_en", summary_en, LIMITS["summary"])):
        if not value.strip():
            errors[name] = _("Write this in this language too.")
        elif len(value) > limit:
            errors[name] = _("This is too long: at most ${n} characters.", mapping={"n": limit})
    terms = {}
    for name, value in (("terms_zh", terms_zh), ("terms_en", terms_en)):
        value = [t.strip() for t in value if t.strip()]
        if len(value) > LIMITS["terms"] or any(len(t) > LIMITS["title"] for t in value):
            errors[name] = _("At most ${n} terms, each one short.", mapping={"n": LIMITS["terms"]})
        terms[name] = "\n".join(value)
    if errors:
        return None, errors
    return {"slug": slug, "items": [found[c] for c in codes], "title_zh": title_zh.strip(), "title_en": title_en.strip(),
            "summary_zh": summary_zh.strip(), "summary_en": summary_en.strip(), **terms}, {}


def apply(bundle: Bundle, fields: dict, now) -> Bundle:
    for name in ("title_zh", "title_en", "summary_zh", "summary_en", "terms_zh", "terms_en"):
        setattr(bundle, name, fields[name])
    if [e.item for e in bundle.entries] != fields["items"]:
        bundle.entries = [BundleItem(item=item, position=i) for i, item in enumerate(fields["items"])]
    bundle.updated_at = now
    return bundle


def differs(bundle: Bundle, fields: dict) -> bool:
    return [e.item.code for e in bundle.entries] != [i.code for i in fields["items"]] or any(
        getattr(bundle, name) != fields[name]
        for name in ("title_zh", "title_en", "summary_zh", "summary_en", "terms_zh", "terms_en"))


def load_bundles(dbsession, slug: str | None = None, materials: bool = False) -> list[Bundle]:
    """The bundles in order, with their items (and the items' materials, for a bundle's page);
    only the one of `slug` when given."""
    items = selectinload(Bundle.entries).selectinload(BundleItem.item)
    stmt = select(Bundle).order_by(Bundle.position, Bundle.slug).options(
        items.selectinload(Item.materials) if materials else items)
    if slug is not None:
        stmt = stmt.where(Bundle.slug == slug)
    return list(dbsession.scalars(stmt))


@dataclass
class MergedMaterial:
    """One document the bundle's items need: asked for once, with the most originals and copies
    any of them asks for."""

    name_zh: str
    name_en: str
    originals: int
    copies: int
    items: list[Item] = field(default_factory=list)


def _document_key(name: str) -> str:
    """The same document however its name is spaced or written (full-width brackets, spaces)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name)).lower()


def merged_materials(items: list[Item]) -> list[MergedMaterial]:
    """Every document the items need, each once, in the order first asked for."""
    merged: dict[str, MergedMaterial] = {}
    for item in items:
        for material in item.materials:
            key = _document_key(material.name_zh)
            found = merged.get(key)
            if found is None:
                merged[key] = MergedMaterial(material.name_zh, material.name_en, material.originals, material.copies,
                                             [item])
                continue
            found.originals = max(found.originals, material.originals)
            found.copies = max(found.copies, material.copies)
            if item not in found.items:
                found.items.append(item)
    return list(merged.values())


@dataclass
class Coverage:
    #: [(center, the bundle's items it accepts)], in the places' order of centers
    centers: list[tuple[object, list[Item]]]
    #: every center listed accepts every item that needs a visit
    each_takes_all: bool
    #: items done online, that need no center
    online: list[Item]
    #: items that need a visit but that no center accepts
    nowhere: list[Item]


def coverage(places, items: list[Item]) -> Coverage:
    """The centers that accept every item needing a visit; when none does, the fewest centers
    that together accept them all."""
    order = {center.code: i for i, center in enumerate(places.centers())}
    by_code = {center.code: center for center in places.centers()}
    online = [item for item in items if done_online(item)]
    accepting = {item.code: {w.center.code for w, _why in places.windows_for_item(item)}
                 for item in items if not done_online(item)}
    nowhere = [item for item in items if item.code in accepting and not accepting[item.code]]
    wanted = {code: centers for code, centers in accepting.items() if centers}
    if not wanted:
        return Coverage([], True, online, nowhere)
    items_by_code = {item.code: item for item in items}

    def listed(codes) -> list[tuple[object, list[Item]]]:
        return [(by_code[c], [items_by_code[i] for i, centers in wanted.items() if c in centers])
                for c in sorted(codes, key=order.__getitem__)]

    common = set.intersection(*wanted.values())
    if common:
        return Coverage(listed(common), True, online, nowhere)
    return Coverage(listed(_fewest_covering(wanted, order)), False, online, nowhere)


def _fewest_covering(wanted: dict[str, set[str]], order: dict[str, int]) -> list[str]:
    """The fewest centers that together accept every item (exactly, for a few centers; then
    greedily, the center accepting most of what is left first)."""
    candidates = sorted(set().union(*wanted.values()), key=order.__getitem__)
    needs = list(wanted.values())
    for size in range(2, EXACT_COVER_UP_TO + 1):
        for combo in itertools.combinations(candidates, size):
            if all(centers & set(combo) for centers in needs):
                return list(combo)
    chosen, left = [], list(needs)
    while left:
        best = max(candidates, key=lambda c: (sum(c in centers for centers in left), -order[c]))
        chosen.append(best)
        left = [centers for centers in left if best not in centers]
    return chosen


def longest_promise(items: list[Item]) -> Item | None:
    """The item with the longest promised time: the bundle takes at least that long."""
    return max(items, key=lambda item: item.promised_limit_days, default=None)


@dataclass(frozen=True)
class BundleRef:
    """What a search result shows of a bundle: plain data, kept beyond the request's session."""

    slug: str
    title_zh: str
    title_en: str
    summary_zh: str
    summary_en: str


class BundleFinder:
    """The bundles a query names: one of their terms (or their title) is in it. Made once per
    content version: a search costs no query for bundles."""

    def __init__(self, bundles: list[Bundle]):
        self.bundles = {b.id: BundleRef(b.slug, b.title_zh, b.title_en, b.summary_zh, b.summary_en) for b in bundles}
        patterns = {}
        for bundle in bundles:
            terms = [bundle.title_zh, bundle.title_en, *bundle.terms_zh.splitlines(), *bundle.terms_en.splitlines()]
            for term in terms:
                term = normalize(term).strip().lower()
                if term and bundle.id not in patterns.setdefault(term, []):
                    patterns[term].append(bundle.id)
        self._ids = patterns
        # longest first, Chinese anywhere, Latin as whole words (query.py's rule for synonyms)
        alternatives = [re.escape(t) if CJK_RUN.search(t) else rf"(?<![a-z0-9]){re.escape(t)}(?![a-z0-9])"
                        for t in sorted(patterns, key=len, reverse=True)]
        self._pattern = re.compile("|".join(alternatives) or "(?!)")

    def complete(self, prefix: str, limit: int = 2) -> list[BundleRef]:
        """The bundles whose title or a term starts with what was typed (or a word of it does)."""
        typed = normalize(prefix).strip().lower()
        if not typed or typed.isascii() and len(typed) < 3:  # "a" would name half the life events
            return []
        found = dict.fromkeys(i for term, ids in self._ids.items()
                              if term.startswith(typed) or f" {typed}" in f" {term}" for i in ids)
        return [self.bundles[i] for i in list(found)[:limit]]

    def find(self, text: str) -> list[BundleRef]:
        found = dict.fromkeys(i for match in self._pattern.finditer(normalize(text).lower())
                              for i in self._ids[match.group(0)])
        return [self.bundles[i] for i in found]


_finders: dict[int, BundleFinder] = {}
_finders_lock = threading.Lock()


def bundle_finder(request) -> BundleFinder:
    """The finder of the current content version (a request inside a transaction begun outside
    the app, the tests', gets one of its own: it may see what is not committed)."""
    from ..content_version import sees_only_committed

    def made() -> BundleFinder:  # titles and terms are all it reads: no items
        return BundleFinder(request.dbsession.scalars(select(Bundle).order_by(Bundle.position, Bundle.slug)).all())

    if not sees_only_committed(request.environ):
        return made()
    version = request.registry["content_version"].current()
    finder = _finders.get(version)
    if finder is None:
        finder = made()
        with _finders_lock:
            _finders.clear()
            _finders[version] = finder
    return finder


def includeme(config):
    config.add_request_method(bundle_finder, "bundle_finder", reify=True)
