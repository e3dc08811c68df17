"""A catalogue sent through the browser (administrators): the files are recognised by their
content, not their names; kept in the database between the dry run and the confirmation (so the
bytes confirmed are those checked, whichever app server answers); and read by the same reader and
importer as `guide import-catalogue`.

What may be sent: one workbook (.xlsx), one JSON file, or the CSV files items.csv and
materials.csv (departments.csv too, when departments change), together at most 20 MB.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import secrets
import tempfile
import zipfile
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import delete, select

from ..i18n import _
from ..models import CatalogueUpload
from .sources import MAX_SOURCE_BYTES

CSV_NAMES = ("departments.csv", "items.csv", "materials.csv")
#: what a confirmation may still name: an upload older than this is gone
KEEP_FOR = dt.timedelta(hours=24)
#: the names the kinds are kept (and read) under
XLSX, JSON, CSV_SET = "catalogue.xlsx", "catalogue.json", "csv.zip"


class UploadRefused(Exception):
    """The files sent cannot be a catalogue: the message (translatable) says what to send."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def _is_workbook(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _is_json(data: bytes) -> bool:
    text = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(data.decode("utf-8-sig")), dict)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False


def _is_csv(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        first_line = data.decode("utf-8-sig").split("\n", 1)[0]
    except UnicodeDecodeError:
        return False
    return "," in first_line


def pack(files: list[tuple[str, bytes]]) -> tuple[str, bytes]:
    """(the kind's name, the bytes to keep) for the files sent, or UploadRefused."""
    files = [(Path(name.replace("\\", "/")).name.lower(), data) for name, data in files if data]
    if not files:
        raise UploadRefused(_("Choose the catalogue file to send."))
    if sum(len(data) for _name, data in files) > MAX_SOURCE_BYTES:
        raise UploadRefused(_("The files are over the limit of ${mb} MB together.",
                              mapping={"mb": MAX_SOURCE_BYTES // 1024 // 1024}))
    if len(files) == 1 and _is_workbook(files[0][1]):
        return XLSX, files[0][1]
    if len(files) == 1 and _is_json(files[0][1]):
        return JSON, files[0][1]
    names = [name for name, _data in files]
    if (all(name in CSV_NAMES for name in names) and len(set(names)) == len(names)
            and {"items.csv", "materials.csv"} <= set(names) and all(_is_csv(data) for _n, data in files)):
        packed = io.BytesIO()
        with zipfile.ZipFile(packed, "w", zipfile.ZIP_STORED) as archive:
            for name, data in files:
                archive.writestr(name, data)
        return CSV_SET, packed.getvalue()
    raise UploadRefused(_("Send one workbook (.xlsx), one JSON file, or the CSV files items.csv and "
                          "materials.csv (with departments.csv when departments change). The type is "
                          "read from what the files hold, not their names."))


def keep(dbsession, name: str, data: bytes, user, now: dt.datetime) -> CatalogueUpload:
    """Keep an upload for its confirmation; uploads past KEEP_FOR are dropped meanwhile."""
    dbsession.execute(delete(CatalogueUpload).where(CatalogueUpload.created_at < now - KEEP_FOR))
    upload = CatalogueUpload(id=secrets.token_hex(16), user_id=user.id, name=name, data=data, created_at=now)
    dbsession.add(upload)
    dbsession.flush()
    return upload


def find(dbsession, token: str, user, now: dt.datetime) -> CatalogueUpload | None:
    """The user's own upload of that token, while it is kept."""
    if not isinstance(token, str) or len(token) != 32:
        return None
    upload = dbsession.scalar(select(CatalogueUpload).where(CatalogueUpload.id == token,
                                                            CatalogueUpload.user_id == user.id))
    if upload is None or upload.created_at < now - KEEP_FOR:
        return None
    return upload


@contextmanager
def as_source(name: str, data: bytes):
    """A path sources.read_source reads: the workbook or JSON file, or a folder of the CSVs."""
    with tempfile.TemporaryDirectory(prefix="guide-upload-") as folder:
        folder = Path(folder)
        if name == CSV_SET:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for member in CSV_NAMES:  # only the names packed: never a path from the archive
                    if member in archive.namelist():
                        (folder / member).write_bytes(archive.read(member))
            yield folder
        else:
            path = folder / name
            path.write_bytes(data)
            yield path
