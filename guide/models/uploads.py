"""Uploaded files kept between two requests: a catalogue an administrator checked with a dry run
and may then confirm (the bytes confirmed are those checked, whichever app server answers)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from .meta import Base, UTCDateTime


class CatalogueUpload(Base):
    __tablename__ = "catalogue_uploads"

    #: a random token: the confirm form names the upload by it
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: what the upload is: a workbook (.xlsx), a JSON file (.json), or CSV files packed in a zip (.zip)
    name: Mapped[str] = mapped_column(String(200))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
