"""Which editorial text a reader sees: the published revisions (guide.workflow.service)."""
from ..i18n import SOURCE_LOCALE, to_traditional
from ..models import GuideRevision
from .render import markdown_to_html, without_links
from .service import is_stale, published_revisions


class PublishedGuide:
    def __init__(self, revision: GuideRevision, locale: str, convert=None, stale: bool = False):
        convert = convert or (lambda text: text)
        self.summary = convert(revision.summary)
        self.html = markdown_to_html(convert(revision.body))
        self.locale = locale
        self.published_at = revision.published_at
        #: converted automatically from the Simplified source
        self.converted = convert is to_traditional
        #: a translation of an older revision of the source
        self.stale = stale

    @property
    def html_without_links(self) -> str:
        return without_links(self.html)


def published_guide(dbsession, item, locale_tag: str) -> PublishedGuide | None:
    revisions = published_revisions(dbsession, [item.id], {locale_tag, SOURCE_LOCALE.tag})
    revision, source = revisions.get((item.id, locale_tag)), revisions.get((item.id, SOURCE_LOCALE.tag))
    if revision is not None:
        stale = locale_tag != SOURCE_LOCALE.tag and source is not None and is_stale(revision.source_revision,
                                                                                    source.number)
        return PublishedGuide(revision, locale_tag, stale=stale)
    if locale_tag == "zh-Hant" and source is not None:
        # Traditional Chinese readers get the Simplified source converted, as for catalogue text.
        return PublishedGuide(source, locale_tag, to_traditional)
    return None
