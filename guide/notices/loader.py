"""content/notices/notices.csv: the notices shipped with the content, seeded as guide.seeding
says (a notice is edited on the web once the site runs)."""
from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

from sqlalchemy.orm import Session

from ..hours.status import TZ
from ..models import Notice
from ..places.loader import ContentInvalid
from ..seeding import seed
from . import NoticeFields, check, codes

#: starts and ends as the file writes them, China time
TIME_FORMAT = "%Y-%m-%d %H:%M"
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
COLUMNS = ("slug", "severity", "starts", "ends", "centers", "items", "text_zh", "text_en")


def _instant(raw: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(raw.strip(), TIME_FORMAT).replace(tzinfo=TZ).astimezone(dt.timezone.utc)
    except (ValueError, OverflowError):  # 0001-01-01 00:00 in China falls before the first instant
        return None


def read_notices(dbsession: Session, path: Path) -> dict[str, NoticeFields]:
    """slug -> fields; ContentInvalid naming every bad row."""
    errors, found = [], {}
    with path.open(newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ContentInvalid([f"{path.name}: missing columns {', '.join(missing)}"])
        for line, row in enumerate(reader, start=2):
            label = f"{path.name} row {line}"
            slug = (row["slug"] or "").strip()
            if not SLUG.fullmatch(slug):
                errors.append(f"{label}: the slug must be lower-case letters, digits and hyphens")
                continue
            if slug in found:
                errors.append(f"{label}: the slug {slug} is used twice")
                continue
            fields, problems = check(
                dbsession, severity=(row["severity"] or "").strip(), starts_at=_instant(row["starts"] or ""),
                ends_at=_instant(row["ends"] or ""), text_zh=row["text_zh"] or "", text_en=row["text_en"] or "",
                center_codes=codes(row["centers"] or ""), item_codes=codes(row["items"] or ""))
            if problems:
                errors += [f"{label}: {name}: {message.interpolate()}" for name, message in problems.items()]
                if problems.keys() & {"starts_at", "ends_at"}:
                    errors.append(f"{label}: times are written like 2026-12-31 17:30 (China time)")
            else:
                found[slug] = fields
    if errors:
        raise ContentInvalid(errors)
    return found


def load_notices(dbsession: Session, path: Path, overwrite: bool = False) -> int:
    """The number of notices added or replaced (guide.seeding's rule)."""
    if not path.exists():
        return 0
    now = dt.datetime.now(dt.timezone.utc)

    def write(notice, fields):
        fields.apply(notice).updated_at = now

    return seed(dbsession, Notice, read_notices(dbsession, path), overwrite,
                new=lambda slug, _fields: Notice(slug=slug), same=lambda n, f: snapshot(n) == snapshot(f),
                write=write)


def snapshot(notice) -> tuple:
    """What a notice says, to compare a file's with the database's."""
    return (notice.severity, notice.starts_at, notice.ends_at, notice.text_zh, notice.text_en,
            [c.code for c in notice.centers], [i.code for i in notice.items])


def write_notices(dbsession: Session, path: Path) -> int:
    """Every notice, in the file's format (export-content); a notice added on the web, which
    has no slug, is named notice-<its number>. The number written."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    notices = dbsession.scalars(select(Notice).options(selectinload(Notice.centers), selectinload(Notice.items))
                                .order_by(Notice.starts_at, Notice.id)).all()

    def local(instant: dt.datetime) -> str:
        return instant.astimezone(TZ).strftime(TIME_FORMAT)

    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        for n in notices:
            writer.writerow([n.slug or f"notice-{n.id}", n.severity, local(n.starts_at), local(n.ends_at),
                             ";".join(c.code for c in n.centers), ";".join(i.code for i in n.items),
                             n.text_zh, n.text_en])
    return len(notices)
