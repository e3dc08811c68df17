"""Which source text each English field was translated from, so a changed source shows up."""
from __future__ import annotations

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .meta import Base


class TranslationSource(Base):
    __tablename__ = "translation_sources"
    __table_args__ = (UniqueConstraint("kind", "key", "field", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: "department", "item", "material", "district", "center" or "window"
    kind: Mapped[str] = mapped_column(String(20))
    #: the record's code ("GAJ-0014", "GAJ-0014#2" for a material, "municipal/A01" for a window)
    key: Mapped[str] = mapped_column(String(80))
    field: Mapped[str] = mapped_column(String(40))
    locale: Mapped[str] = mapped_column(String(20))
    #: digest of the source text the translation was made from
    source_digest: Mapped[str] = mapped_column(String(40))
    #: the source changed after the translation was made (kept so pages need no hashing)
    stale: Mapped[bool] = mapped_column(default=False, index=True)
