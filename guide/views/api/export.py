"""JSON API v1: the whole catalogue as open data, /api/v1/export.json and /api/v1/export.csv.

The catalogue is loaded once per content version (`request.content_data`, detached objects, like
guide.places.data) and each answer is written out item by item as it is sent: a whole export
is a few MB, too big for the page cache (guide.http_cache keeps answers whole), and the same
bytes would be kept again per language, encoding and Host. Clients revalidate instead: the ETag
names the content version and the code, so an unchanged catalogue is a 304.
"""
from __future__ import annotations

import csv
import io
import json
import zlib

from pyramid.httpexceptions import HTTPNotModified
from pyramid.response import Response
from pyramid.view import view_config
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from ...content_version import sees_only_committed
from ...http_cache import API_CACHE_CONTROL, accepts_gzip, code_version
from ...i18n import localized
from ...models import Item
from ...places.acceptance import done_online, reason
from ...places.data import PlacesData
from .items import item_detail
from .locale import api_locale

#: The CSV's columns, one row per item; the list columns are joined with LIST_SEPARATOR.
CSV_COLUMNS = (
    "code", "name", "department_code", "department", "type", "level", "audience", "cross_site_mode",
    "legal_limit_days", "promised_limit_days", "fee_yuan", "visits", "online_depth", "online_url", "phone",
    "topics", "materials", "windows", "url",
)
LIST_SEPARATOR = ";"
#: Bytes gathered before a chunk is sent: a write per item would be a thousand small packets.
CHUNK_BYTES = 64 * 1024


class ExportCatalogue:
    """Every active item with what its export shows, by code (about 15 MB for 1,087 items)."""

    def __init__(self, session):
        self.items: list[Item] = list(session.scalars(
            select(Item).where(Item.active).order_by(Item.code)
            .options(joinedload(Item.department), selectinload(Item.materials), selectinload(Item.topics))))
        #: (the places data it was worked out from, item id -> [(window, reason)])
        self._accepting: tuple = (None, {})

    def accepting(self, places: PlacesData) -> dict[int, list]:
        """The windows that accept each item. The rule asked of every window for every item took
        a second: worked out once for these places (same content version, same object) and kept.
        Two threads may both work it out the first time: the same answer, no harm."""
        seen, accepting = self._accepting
        if seen is not places:
            accepting = {item.id: [] if done_online(item) else
                         [(w, why) for w in places.windows if (why := reason(w, item))] for item in self.items}
            self._accepting = (places, accepting)
        return accepting


def _windows(item, accepting, loc) -> list[dict]:
    return [{"center": w.center.code, "code": w.code, "label": localized(w, "label", loc).value, "reason": why}
            for w, why in accepting[item.id]]


def _json_chunks(request, items, accepting, loc):
    yield json.dumps({"lang": loc.tag, "total": len(items)}, ensure_ascii=False)[:-1] + ', "items": ['
    for n, item in enumerate(items):
        data = item_detail(request, item, loc)
        data["windows"] = _windows(item, accepting, loc)
        yield ("," if n else "") + json.dumps(data, ensure_ascii=False)
    yield "]}"


def _csv_chunks(request, items, accepting, loc):
    out = io.StringIO()
    # A byte order mark: Excel, which most readers of the city's open data use, reads UTF-8 CSV
    # without it as the system's code page and shows the Chinese garbled.
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in items:
        data = item_detail(request, item, loc)
        writer.writerow([
            data["code"], data["name"], data["department"]["code"], data["department"]["name"], data["type"],
            data["level"], data["audience"], data["cross_site_mode"], data["legal_limit_days"],
            data["promised_limit_days"], data["fee_yuan"], data["visits"], data["online_depth"],
            data["online_url"] or "", data["phone"], LIST_SEPARATOR.join(data["topics"]),
            LIST_SEPARATOR.join(m["name"] for m in data["materials"]),
            LIST_SEPARATOR.join(f"{w['center']}/{w['code']}" for w in _windows(item, accepting, loc)),
            data["url"],
        ])
        yield out.getvalue()
        out.seek(0)
        out.truncate()


def _chunked(texts, gzipped: bool):
    """UTF-8 bytes in chunks of about CHUNK_BYTES, gzip-compressed as they go when asked."""
    packer = zlib.compressobj(6, zlib.DEFLATED, 31) if gzipped else None
    pending, size = [], 0
    for text in texts:
        data = text.encode()
        pending.append(data)
        size += len(data)
        if size >= CHUNK_BYTES:
            chunk = b"".join(pending)
            pending, size = [], 0
            chunk = packer.compress(chunk) if packer else chunk
            if chunk:
                yield chunk
    chunk = b"".join(pending)
    yield packer.compress(chunk) + packer.flush() if packer else chunk


def _export(request, content_type: str, chunks):
    loc = api_locale(request)
    # The version is read before the data, so the data is never older than the ETag names: a
    # client cannot keep a stale export under a current ETag.
    etag = None
    if sees_only_committed(request.environ):
        etag = f"{request.registry['content_version'].current()}.{code_version()}.export"
    headers = {"Cache-Control": API_CACHE_CONTROL, "Vary": "Accept-Encoding"}
    if etag:
        headers["ETag"] = f'W/"{etag}"'
        if etag in request.if_none_match:
            return HTTPNotModified(headers=headers)
    catalogue = request.content_data(ExportCatalogue)
    items, accepting = catalogue.items, catalogue.accepting(request.content_data(PlacesData))
    gzipped = accepts_gzip(request.environ)
    response = Response(content_type=content_type, charset="utf-8",
                        app_iter=_chunked(chunks(request, items, accepting, loc), gzipped))
    response.headers.update(headers)
    if gzipped:
        response.content_encoding = "gzip"  # (the compression tween leaves it alone)
    return response


@view_config(route_name="api.export_json", request_method="GET")
def export_json(request):
    return _export(request, "application/json", _json_chunks)


@view_config(route_name="api.export_csv", request_method="GET")
def export_csv(request):
    return _export(request, "text/csv", _csv_chunks)
