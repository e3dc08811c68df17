"""Forms to download: each material may have a blank form and a filled-in sample, attached by
editors and linked from the guide page and the printed checklist.

A file's type is read from its content, never its name or the type the browser claims: a PDF, a
Word (.docx) or Excel (.xlsx) document without macros, or a PNG or JPEG image, at most 10 MB.
It is served as a download (Content-Disposition: attachment) with the detected type, nosniff and a
sandboxing Content-Security-Policy, so nothing in it can run in the site's origin.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from sqlalchemy import select

from ..i18n import _
from ..models import Material, MaterialForm

MAX_FORM_BYTES = 10 * 1024 * 1024
#: kind -> what a reader sees it as
KINDS = {"blank": _("Blank form"), "sample": _("Filled-in sample")}
#: media type -> (file extension, what a reader sees it as)
TYPES = {
    "application/pdf": ("pdf", "PDF"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ("docx", "Word"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ("xlsx", "Excel"),
    "image/png": ("png", "PNG"),
    "image/jpeg": ("jpg", "JPEG"),
}
MAX_NAME = 120


class FormRefused(ValueError):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def sniff(data: bytes) -> str | None:
    """The media type the bytes are, of those accepted; None for anything else."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, ValueError):
            return None
        if "[Content_Types].xml" not in names or any(n.endswith("vbaProject.bin") for n in names):
            return None  # not an Office document, or one with macros
        if "word/document.xml" in names:
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        if "xl/workbook.xml" in names:
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return None


def safe_filename(sent: str, media_type: str, fallback: str) -> str:
    """The name a download is saved under: the name sent without any path, control or quoting
    characters, its extension the detected type's."""
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", (sent or "").replace("\\", "/").rsplit("/", 1)[-1])
    stem = "".join(ch for ch in unicodedata.normalize("NFC", stem)
                   if unicodedata.category(ch)[0] not in "CZ" or ch == " ")
    stem = re.sub(r"[\"';<>&%*?|:]+", "", stem).strip(" .")[:MAX_NAME] or fallback
    return f"{stem}.{TYPES[media_type][0]}"


def check(data: bytes, sent_name: str, fallback: str) -> tuple[str, str]:
    """(the media type, the file name) of an acceptable upload, or FormRefused."""
    if not data:
        raise FormRefused(_("Choose a file to attach."))
    if len(data) > MAX_FORM_BYTES:
        raise FormRefused(_("The file is over the limit of ${mb} MB.", mapping={"mb": MAX_FORM_BYTES // 1024 // 1024}))
    media_type = sniff(data)
    if media_type is None:
        raise FormRefused(_("Attach a PDF, a Word (.docx) or Excel (.xlsx) document without macros, or a PNG or "
                            "JPEG image. The type is read from the file's content, not its name."))
    return media_type, safe_filename(sent_name, media_type, fallback)


def attach(dbsession, material: Material, kind: str, data: bytes, sent_name: str, user, now: dt.datetime) -> MaterialForm:
    """Attach (or replace) the material's form of that kind; FormRefused when the file is not one."""
    media_type, filename = check(data, sent_name, f"{material.item.code}-{material.seq}-{kind}")
    form = dbsession.scalar(select(MaterialForm).where(MaterialForm.material_id == material.id,
                                                       MaterialForm.kind == kind))
    if form is None:
        form = MaterialForm(material=material, kind=kind)
        dbsession.add(form)
    form.filename, form.media_type, form.size = filename, media_type, len(data)
    form.sha256, form.data = hashlib.sha256(data).hexdigest(), data
    form.uploaded_at, form.uploaded_by_id = now, getattr(user, "id", None)
    dbsession.flush()
    return form


@dataclass(frozen=True)
class FormLink:
    """What a page shows of a form: plain data, kept beyond the request's session."""

    id: int
    kind: str
    filename: str
    media_type: str
    size: int

    @property
    def type_name(self) -> str:
        return TYPES[self.media_type][1]

    @property
    def kilobytes(self) -> int:
        return max(1, round(self.size / 1024))


def form_links(request, item) -> dict:
    """What the guide page and the checklist need to link an item's forms."""
    return {"forms": for_item(request.dbsession, item), "form_kinds": KINDS,
            "form_url": lambda form: request.route_path("public.form", id=form.id, name=form.filename)}


def for_item(dbsession, item) -> dict[int, list[FormLink]]:
    """material id -> its forms (blank first), without their bytes."""
    rows = dbsession.execute(
        select(MaterialForm.id, MaterialForm.material_id, MaterialForm.kind, MaterialForm.filename,
               MaterialForm.media_type, MaterialForm.size)
        .join(Material).where(Material.item_id == item.id)).all()
    found: dict[int, list[FormLink]] = {}
    for row in sorted(rows, key=lambda r: list(KINDS).index(r.kind)):
        found.setdefault(row.material_id, []).append(
            FormLink(row.id, row.kind, row.filename, row.media_type, row.size))
    return found
