"""Which editorial text a reader sees."""
from sqlalchemy import select

from ..i18n import SOURCE_LOCALE, to_traditional
from ..models import Guide
from .render import markdown_to_html


class PublishedGuide:
    def __init__(self, guide: Guide, convert=None, stale: bool = False):
        convert = convert or (lambda text: text)
        self.summary = convert(guide.summary)
        self.html = markdown_to_html(convert(guide.body))
        self.locale = guide.locale
        self.published_at = guide.published_at
        #: converted automatically from the Simplified source
        self.converted = convert is to_traditional
        #: a translation of an older revision of the source
        self.stale = stale


def _published(dbsession, item, locale_tag: str) -> Guide | None:
    return dbsession.scalar(select(Guide).where(Guide.item_id == item.id, Guide.locale == locale_tag,
                                                Guide.state == "published"))


def published_guide(dbsession, item, locale_tag: str) -> PublishedGuide | None:
    guide = _published(dbsession, item, locale_tag)
    if guide is not None:
        if locale_tag == SOURCE_LOCALE.tag:
            return PublishedGuide(guide)
        source = _published(dbsession, item, SOURCE_LOCALE.tag)
        return PublishedGuide(guide, stale=bool(source and (guide.source_revision or 0) < source.revision))
    if locale_tag == "zh-Hant":
        # Traditional Chinese readers get the Simplified source converted, as for catalogue text.
        source = _published(dbsession, item, SOURCE_LOCALE.tag)
        return PublishedGuide(source, to_traditional) if source else None
    return None
