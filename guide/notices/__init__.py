"""Notices: what readers must know for a while (holiday arrangements, a hall closed for repairs,
a system outage), site-wide or for chosen centers or items, from a start to an end.

The rules of a notice are here once (`check`): the editor's form and content/notices/notices.csv
both go through them. What is current at an instant is a `NoticeBoard`; pages show the notices
that concern them while current (page answers are keyed by the minute, so a notice appears and
goes within a minute of its times), and /api/v1/notices lists them.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..i18n import _
from ..models import Item, Notice, ServiceCenter

#: severity -> what pages call it, least serious first
SEVERITIES = {"info": _("Notice"), "warning": _("Important"), "critical": _("Urgent")}
#: the longest text of a notice in each language
MAX_TEXT = 500
#: the most centers or items one notice names
MAX_TARGETS = 200


@dataclass
class NoticeFields:
    severity: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    text_zh: str
    text_en: str
    centers: list[ServiceCenter] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    def apply(self, notice: Notice) -> Notice:
        for name in ("severity", "starts_at", "ends_at", "text_zh", "text_en", "centers", "items"):
            setattr(notice, name, getattr(self, name))
        return notice


def check(dbsession, *, severity: str, starts_at: dt.datetime | None, ends_at: dt.datetime | None, text_zh: str,
          text_en: str, center_codes: list[str], item_codes: list[str]) -> tuple[NoticeFields | None, dict]:
    """(the fields, {}) when they make a notice; else (None, {field: message})."""
    errors: dict = {}
    if severity not in SEVERITIES:
        errors["severity"] = _("Choose how serious the notice is.")
    for name, value in (("text_zh", text_zh), ("text_en", text_en)):
        if not value.strip():
            errors[name] = _("Write the notice in this language too.")
        elif len(value) > MAX_TEXT:
            errors[name] = _("This is too long: at most ${n} characters.", mapping={"n": MAX_TEXT})
    if starts_at is None:
        errors.setdefault("starts_at", _("Give the time the notice starts."))
    if ends_at is None:
        errors.setdefault("ends_at", _("Give the time the notice ends."))
    if starts_at and ends_at and ends_at <= starts_at:
        errors["ends_at"] = _("The notice must end after it starts.")
    # (center codes are lower case, item codes upper case: either is found however it is typed)
    centers = _known(dbsession, ServiceCenter, [c.lower() for c in center_codes], "centers", errors)
    items = _known(dbsession, Item, [c.upper() for c in item_codes], "items", errors)
    if errors:
        return None, errors
    return NoticeFields(severity, starts_at, ends_at, text_zh.strip(), text_en.strip(), centers, items), {}


def _known(dbsession, model, codes: list[str], name: str, errors: dict) -> list:
    codes = list(dict.fromkeys(code for code in codes if code))
    if len(codes) > MAX_TARGETS:
        errors[name] = _("A notice can name at most ${n} of these.", mapping={"n": MAX_TARGETS})
        return []
    found = {obj.code: obj for obj in dbsession.scalars(select(model).where(model.code.in_(codes)))} if codes else {}
    unknown = [code for code in codes if code not in found]
    if unknown:
        errors[name] = _("Unknown codes: ${codes}", mapping={"codes": ", ".join(unknown[:20])})
    return [found[code] for code in codes if code in found]


def codes(raw: str) -> list[str]:
    """Codes as typed, separated by spaces, commas, semicolons or 、 (Chinese punctuation too)."""
    return [code for code in re.split(r"[\s,;，；、]+", raw) if code]


class NoticeBoard:
    """The notices current at one instant."""

    def __init__(self, notices: list[Notice]):
        self.notices = notices

    @classmethod
    def at(cls, dbsession, instant: dt.datetime) -> "NoticeBoard":
        return cls(list(dbsession.scalars(
            select(Notice).where(Notice.starts_at <= instant, Notice.ends_at > instant)
            .options(selectinload(Notice.centers), selectinload(Notice.items))
            .order_by(Notice.starts_at, Notice.id))))

    @property
    def site_wide(self) -> list[Notice]:
        return [n for n in self.notices if n.site_wide]

    def for_center(self, code: str) -> list[tuple[Notice, None]]:
        """The site's notices and the center's own, as a page lists them (notices.pt)."""
        return [(n, None) for n in self.notices if n.site_wide or any(c.code == code for c in n.centers)]

    def for_item(self, code: str, center_codes) -> list[tuple[Notice, ServiceCenter | None]]:
        """The site's notices and the item's own (center None), then those of the centers that
        accept it (each with its center)."""
        own = [(n, None) for n in self.notices if n.site_wide or any(i.code == code for i in n.items)]
        wanted = set(center_codes)
        return own + [(n, c) for n in self.notices for c in n.centers if c.code in wanted]


def notice_board(request) -> NoticeBoard:
    return NoticeBoard.at(request.dbsession, request.now)


def site_notices(request) -> list[Notice]:
    """The site-wide notices for a public page's frame; none on error pages, which must not
    depend on the database that may be what failed."""
    if getattr(request, "exception", None) is not None:
        return []
    return request.notice_board.site_wide


def _template_globals(event):
    request = event.get("request")
    if request is None or event.get("renderer_name") == "json":
        return
    from ..views.formatting import until_text

    event["notice_severities"] = SEVERITIES
    event["notice_until"] = lambda notice: until_text(request.localizer, request.guide_locale, notice.ends_at)


def includeme(config):
    config.add_request_method(notice_board, "notice_board", reify=True)
    config.add_request_method(site_notices, "site_notices", reify=True)
    config.add_subscriber(_template_globals, "pyramid.events.BeforeRender")
