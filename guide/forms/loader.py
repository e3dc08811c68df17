"""content/forms/: forms to download as files (forms.csv names each file's item, material and
kind, the files sit in files/), written by export-content and seeded by load-content as
guide.seeding says: a form the database lacks is added, one it has is replaced only with
--overwrite. The rules of a file are guide.forms.check, as for the editor's upload."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from ..models import Item, Material, MaterialForm
from ..places.loader import ContentInvalid
from . import KINDS, TYPES, FormRefused, attach, check

COLUMNS = ("item", "seq", "kind", "file", "filename")


def write_forms(dbsession: Session, folder: Path) -> int:
    """Every form, its bytes in files/ and its place in forms.csv. The number written."""
    forms = dbsession.execute(select(MaterialForm, Material.seq, Item.code).options(undefer(MaterialForm.data))
                              .join(Material, MaterialForm.material_id == Material.id).join(Item)
                              .order_by(Item.code, Material.seq, MaterialForm.kind)).all()
    if not forms:
        return 0
    (folder / "files").mkdir(parents=True, exist_ok=True)
    with (folder / "forms.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        for form, seq, code in forms:
            name = f"{code}-{seq}-{form.kind}.{TYPES[form.media_type][0]}"
            (folder / "files" / name).write_bytes(form.data)
            writer.writerow([code, seq, form.kind, name, form.filename])
    return len(forms)


def load_forms(dbsession: Session, folder: Path, overwrite: bool = False) -> int:
    """The number of forms added or replaced; ContentInvalid naming every bad row."""
    index = folder / "forms.csv"
    if not index.exists():
        return 0
    now = dt.datetime.now(dt.timezone.utc)
    errors, found = [], []
    with index.open(newline="", encoding="utf-8-sig") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            label = f"forms.csv row {line}"
            code, seq, kind = (row.get("item") or "").strip(), (row.get("seq") or "").strip(), row.get("kind")
            material = dbsession.scalar(select(Material).join(Item).where(Item.code == code, Material.seq == int(seq))) \
                if seq.isascii() and seq.isdigit() and len(seq) < 6 else None
            path = folder / "files" / Path(row.get("file") or "").name  # a name only: never a path out of the folder
            if material is None or kind not in KINDS:
                errors.append(f"{label}: no material {seq} of item '{code}', or kind '{kind}' is not one of {', '.join(KINDS)}")
            elif not path.is_file():
                errors.append(f"{label}: no file files/{path.name}")
            else:
                data = path.read_bytes()
                try:
                    check(data, row.get("filename") or path.name, path.stem)
                except FormRefused as e:
                    errors.append(f"{label}: {e.message.interpolate()}")
                    continue
                found.append((material, kind, data, row.get("filename") or path.name))
    if errors:
        raise ContentInvalid(errors)
    written = 0
    for material, kind, data, filename in found:
        existing = dbsession.scalar(select(MaterialForm.sha256).where(MaterialForm.material_id == material.id,
                                                                      MaterialForm.kind == kind))
        if existing is None or (overwrite and existing != hashlib.sha256(data).hexdigest()):
            attach(dbsession, material, kind, data, filename, None, now)
            written += 1
    return written
