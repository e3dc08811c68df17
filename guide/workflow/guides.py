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


def _published_guides(dbsession, item, locale_tag: str) -> dict[str, Guide]:
    """The item's published guides in the reader's language and in the source, by locale."""
    found = dbsession.scalars(select(Guide).where(Guide.item_id == item.id, Guide.state == "published",
                                                  Guide.locale.in_({locale_tag, SOURCE_LOCALE.tag})))
    return {guide.locale: guide for guide in found}


def published_guide(dbsession, item, locale_tag: str) -> PublishedGuide | None:
    guides = _published_guides(dbsession, item, locale_tag)
    guide, source = guides.get(locale_tag), guides.get(SOURCE_LOCALE.tag)
    if guide is not None:
        if locale_tag == SOURCE_LOCALE.tag:
            return PublishedGuide(guide)
        return PublishedGuide(guide, stale=bool(source and (guide.source_revision or 0) < source.revision))
    if locale_tag == "zh-Hant":
        # Traditional Chinese readers get the Simplified source converted, as for catalogue text.
        return PublishedGuide(source, to_traditional) if source else None
    return None
