"""Found by search engines: robots.txt, the sitemap, the Atom feed of major changes per language,
and what the public pages' <head> carries for crawlers and link previews (canonical and
hreflang links, Open Graph). The rules are in guide.structured_data."""
from __future__ import annotations

from typing import NamedTuple

from pyramid.events import BeforeRender, subscriber
from pyramid.response import Response
from pyramid.view import view_config

from ... import structured_data as sd
from ...catalogue.interfaces import ICatalogueService
from ...catalogue.vocab import ITEM_TYPES
from ...i18n import KNOWN_LOCALES, _, localized
from ...places.interfaces import IPlacesService
from ...qr import public_url

SITE_NAME = _("Huizhou Service Guide")
FEED_TITLE = _("Huizhou Service Guide: major changes")
SITE_DESCRIPTION = _(
    "Guides to Huizhou's government services: what to bring, where to go, opening hours and applying online.")
#: The public templates, whose master writes the <head> below.
PUBLIC_TEMPLATES = "guide:templates/public/"
#: Crawlers keep out of what is not a page of its own: the editor, kiosks (a hall's screens),
#: search results (endless, and thin) and print views (the guide page again).
ROBOTS_DISALLOW = ("/editor", "/kiosk/", *(f"/{loc.url}/search" for loc in KNOWN_LOCALES),
                   *(f"/{loc.url}/items/*/print" for loc in KNOWN_LOCALES))


@view_config(route_name="public.robots", request_method="GET")
def robots(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW), "",
             f"Sitemap: {public_url(request, 'public.sitemap')}", ""]
    return Response("\n".join(lines), content_type="text/plain", charset="utf-8")


@view_config(route_name="public.sitemap", request_method="GET")
def sitemap(request):
    pages = sd.sitemap_pages(request.dbsession, request.find_service(ICatalogueService),
                             request.find_service(IPlacesService))
    return Response(sd.sitemap_xml(request, pages), content_type="application/xml", charset="utf-8")


@view_config(route_name="public.feed", request_method="GET")
def feed(request):
    loc, translate = request.guide_locale, request.localizer.translate
    body = sd.atom_feed(request, loc, sd.major_changes(request.dbsession, loc.tag),
                        title=translate(FEED_TITLE), author=translate(SITE_NAME))
    return Response(body, content_type="application/atom+xml", charset="utf-8")


class PageHead(NamedTuple):
    """What a public page's <head> tells crawlers and link previews."""

    #: the page's own address without what changes nothing on it; None on error pages
    canonical: str | None
    #: [(hreflang, URL)] of the page in every language, and x-default (the default language's)
    alternates: list
    feed: str
    og_title: str
    og_locale: str
    og_locale_alternates: list


def page_head(request) -> PageHead:
    loc, translate = request.guide_locale, request.localizer.translate
    urls = None if getattr(request, "exception", None) is not None else sd.current_page_urls(request)
    return PageHead(
        canonical=urls[loc.tag] if urls else None,
        alternates=sd.with_x_default(urls) if urls else [],
        feed=public_url(request, "public.feed", lang=loc.url),
        og_title=_shared_title(request, loc) or translate(SITE_NAME),
        og_locale=sd.OG_LOCALES[loc.tag],
        og_locale_alternates=[sd.OG_LOCALES[other.tag] for other in KNOWN_LOCALES if other is not loc],
    )


def _shared_title(request, loc) -> str | None:
    """The name of what the page is about (an item, department, center or bundle), which a
    shared link's preview shows; None for the site's own pages."""
    context = getattr(request, "context", None)
    for attr, field in (("item", "name"), ("department", "name"), ("center", "name"), ("bundle", "title")):
        obj = getattr(context, attr, None)
        if obj is not None:
            return localized(obj, field, loc).value
    return None


def item_json_ld(request, item, candidates, guide) -> str:
    """The item page's GovernmentService as a JSON-LD block's text (guide.structured_data)."""
    loc, translate = request.guide_locale, request.localizer.translate
    data = sd.government_service(
        request, loc, item, [c.center for c, _status in candidates],
        summary=guide.summary if guide and guide.summary else None,
        service_type=translate(ITEM_TYPES[item.item_type]), online_name=translate(_("Apply online")))
    return sd.script_json(data)


@subscriber(BeforeRender)
def head_globals(event):
    """`page_head()` for the public master, `item_json_ld(...)` for the item page; `site_description`
    the pages' description when they have none of their own."""
    request = event.get("request")
    if request is None or not str(event.get("renderer_name", "")).startswith(PUBLIC_TEMPLATES):
        return
    event["page_head"] = lambda: page_head(request)
    event["item_json_ld"] = lambda item, candidates, guide: item_json_ld(request, item, candidates, guide)
    event["site_description"] = SITE_DESCRIPTION
