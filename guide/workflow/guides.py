"""Which editorial text a reader sees."""
from sqlalchemy import select

from ..models import Guide
from .render import markdown_to_html


class PublishedGuide:
    def __init__(self, guide: Guide):
        self.summary = guide.summary
        self.html = markdown_to_html(guide.body)
        self.locale = guide.locale
        self.published_at = guide.published_at


def published_guide(dbsession, item, locale_tag: str) -> PublishedGuide | None:
    guide = dbsession.scalar(select(Guide).where(Guide.item_id == item.id, Guide.locale == locale_tag,
                                                 Guide.state == "published"))
    return PublishedGuide(guide) if guide else None
