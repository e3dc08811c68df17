"""Forms to download: the blank form of a material and a filled-in sample, attached by editors."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .catalogue import Material
from .meta import Base, UTCDateTime


class MaterialForm(Base):
    __tablename__ = "material_forms"
    __table_args__ = (UniqueConstraint("material_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: a material removed by an import takes its forms with it
    material_id: Mapped[int] = mapped_column(ForeignKey("materials.id", ondelete="CASCADE"), index=True)
    #: "blank" or "sample" (guide.forms.KINDS)
    kind: Mapped[str] = mapped_column(String(20))
    #: the name a download is saved under (made safe; its extension follows the detected type)
    filename: Mapped[str] = mapped_column(String(200))
    #: the type read from the content (guide.forms.sniff), never the name sent
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    #: read only when the file is served
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    uploaded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    material: Mapped[Material] = relationship()
