"""Content files seed what editors then keep on the web (notices, bundles): `load-content` adds
a record the database lacks, by slug, and replaces one it has only with --overwrite, and then
only when the file says something else. One rule for every such kind of record."""
from __future__ import annotations

from typing import Callable

from sqlalchemy import select


def seed(dbsession, model, found: dict, overwrite: bool, *, new: Callable, same: Callable, write: Callable) -> int:
    """found: slug -> what the file says. new(slug, fields) makes a record, same(record, fields)
    says whether it already says that, write(record, fields) makes it so. The number of records
    added or replaced."""
    existing = {r.slug: r for r in dbsession.scalars(select(model).where(model.slug.in_(list(found))))}
    written = 0
    for slug, fields in found.items():
        record = existing.get(slug)
        if record is None:
            record = new(slug, fields)
            dbsession.add(record)
        elif not overwrite or same(record, fields):
            continue
        write(record, fields)
        written += 1
    return written
