"""The content version: one number that changes with anything a reader sees (guide.content_version)."""
from __future__ import annotations

from sqlalchemy import Integer
from sqlalchemy.orm import Mapped, mapped_column

from .meta import Base


class ContentVersion(Base):
    """One row (id 1), whose number every content-changing transaction increments."""

    __tablename__ = "content_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
