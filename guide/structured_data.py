"""What search engines read: canonical and alternate URLs, the sitemap, the Atom feed of major
changes and schema.org JSON-LD. Pure builders (no view, no template) so each rule is in one place
and testable without HTTP; guide.views.public.seo serves them.

Every absolute URL is built on the public base URL when one is set (guide.qr.public_url): the
address a crawler must index is the public one, not the one a proxy reaches the app at.
"""
from __future__ import annotations

import datetime as dt
import json
import uuid
from xml.etree import ElementTree as ET

from sqlalchemy import select

from .i18n import DEFAULT_LOCALE, KNOWN_LOCALES, SOURCE_LOCALE, localized, query_params, to_traditional
from .models import Guide, GuideRevision, Item
from .qr import public_url
from .search.interfaces import FACETS

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
ATOM_NS = "http://www.w3.org/2005/Atom"
#: sitemaps.org: at most 50,000 URLs in one file (a sitemap index beyond that).
SITEMAP_MAX_URLS = 50_000
#: How many major changes a feed lists, newest first.
FEED_ENTRIES = 50
#: hreflang of the version a crawler shows a reader whose language we do not serve.
X_DEFAULT = "x-default"
#: The query parameters that choose what a page shows, by route; any other (the reader's choices,
#: redirected by a tween; where the reader is, which only reorders centers; campaign tracking)
#: changes nothing, and a canonical URL without them gathers every variant on one address.
CONTENT_PARAMS = {
    "public.items": frozenset({"department", "center", "type", "audience", "topic", "page"}),
    "public.department": frozenset({"page"}),
    "public.search": frozenset({"q", "page", "per_page", *FACETS}),
}
#: Free-standing pages per language, in the sitemap's order.
SITEMAP_LISTS = ("public.home", "public.items", "public.departments", "public.centers", "public.bundles",
                 "public.statistics", "public.api_reference", "public.privacy")
#: og:locale wants language_TERRITORY (Open Graph), without the script Babel names.
OG_LOCALES = {loc.tag: "_".join(part for part in loc.babel.split("_") if len(part) != 4) for loc in KNOWN_LOCALES}
#: The area every service is for, as schema.org's areaServed.
AREA_SERVED = {"en": "Huizhou"}
AREA_SERVED_CHINESE = "惠州市"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# Canonical and alternate URLs

def canonical_query(request) -> dict[str, str]:
    """The page's query string with only the parameters that choose its content (CONTENT_PARAMS)."""
    route = request.matched_route
    kept = CONTENT_PARAMS.get(route.name if route is not None else None, frozenset())
    return {k: v for k, v in query_params(request).items() if k in kept}


def page_urls(request, route_name: str, match: dict, query: dict | None = None) -> dict[str, str]:
    """The absolute URL of one page in every language, by BCP 47 tag."""
    return {loc.tag: public_url(request, route_name, **{**match, "lang": loc.url}, _query=query or {})
            for loc in KNOWN_LOCALES}


def current_page_urls(request) -> dict[str, str] | None:
    """This public page's canonical URL in every language; None off the language-prefixed
    routes (error pages, which have no address of their own to index)."""
    route, match = request.matched_route, request.matchdict or {}
    if route is None or "lang" not in match or not route.name.startswith("public."):
        return None
    return page_urls(request, route.name, match, canonical_query(request))


def with_x_default(urls: dict[str, str]) -> list[tuple[str, str]]:
    """hreflang pairs: every language, then x-default (the default language's page)."""
    return [*urls.items(), (X_DEFAULT, urls[DEFAULT_LOCALE.tag])]


# Sitemap

def sitemap_pages(dbsession, catalogue, places) -> list[tuple[str, dict]]:
    """(route name, matchdict without lang) of every page worth indexing: the lists, each active
    item, department, center and bundle. Not search results or print views (robots.txt)."""
    from .bundles import load_bundles

    pages = [(name, {}) for name in SITEMAP_LISTS]
    pages += [("public.item", {"code": code})
              for code in dbsession.scalars(select(Item.code).where(Item.active).order_by(Item.code))]
    pages += [("public.department", {"code": d.code}) for d, _count in catalogue.departments()]
    pages += [("public.center", {"code": c.code}) for c in places.centers()]
    pages += [("public.bundle", {"slug": b.slug}) for b in load_bundles(dbsession)]
    return pages


def sitemap_xml(request, pages: list[tuple[str, dict]]) -> bytes:
    """A <urlset> with one <url> per page and language; each lists all its languages and
    x-default as xhtml:link alternates, so every pair is stated from both sides."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for route_name, match in pages:
        alternates = with_x_default(page_urls(request, route_name, match))
        for tag, loc in alternates[:-1]:  # x-default is not a page of its own
            url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = loc
            for hreflang, href in alternates:
                ET.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=hreflang, href=href)
    if len(urlset) > SITEMAP_MAX_URLS:
        # Far away (1,087 items make about 3,600 URLs), but a crawler would drop the file whole.
        raise ValueError(f"{len(urlset)} URLs: more than one sitemap holds; split it under a sitemap index")
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True)


# Atom feed

def major_changes(dbsession, locale_tag: str, limit: int = FEED_ENTRIES) -> list[tuple[GuideRevision, Item]]:
    """The newest published revisions marked major (GuideRevision.major) of active items'
    guides in one language, superseded ones too: the feed is a history. Traditional Chinese
    readers read the Simplified guides converted, so their feed is made of those."""
    source = SOURCE_LOCALE.tag if locale_tag == "zh-Hant" else locale_tag
    stmt = (select(GuideRevision, Item).join(Guide, GuideRevision.guide_id == Guide.id)
            .join(Item, Guide.item_id == Item.id)
            .where(Guide.locale == source, GuideRevision.major, GuideRevision.published_at.is_not(None), Item.active)
            .order_by(GuideRevision.published_at.desc(), GuideRevision.id.desc()).limit(limit))
    return [(revision, item) for revision, item in dbsession.execute(stmt).all()]


def _atom_time(instant: dt.datetime) -> str:
    return instant.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def atom_feed(request, loc, changes: list[tuple[GuideRevision, Item]], title: str, author: str) -> bytes:
    """An Atom (RFC 4287) feed: an entry per change, linked to the guide page, the change note as
    its summary. Ids are URNs made of the item, language and revision number: they stay the same
    when the site moves to another address."""
    convert = to_traditional if loc.tag == "zh-Hant" else (lambda text: text)
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": loc.tag})

    def add(parent, name, text=None, **attrs):
        element = ET.SubElement(parent, f"{{{ATOM_NS}}}{name}", attrs)
        element.text = text
        return element

    add(feed, "id", uuid.uuid5(uuid.NAMESPACE_URL, f"guide:feed:{loc.tag}").urn)
    add(feed, "title", title)
    newest = changes[0][0].published_at if changes else request.now
    add(feed, "updated", _atom_time(newest))
    add(add(feed, "author"), "name", author)
    add(feed, "link", rel="self", type="application/atom+xml", href=public_url(request, "public.feed", lang=loc.url))
    add(feed, "link", rel="alternate", type="text/html", href=public_url(request, "public.home", lang=loc.url))
    for revision, item in changes:
        entry = add(feed, "entry")
        add(entry, "id", uuid.uuid5(uuid.NAMESPACE_URL, f"guide:{item.code}:{loc.tag}:{revision.number}").urn)
        add(entry, "title", localized(item, "name", loc).value)
        add(entry, "updated", _atom_time(revision.published_at))
        add(entry, "link", rel="alternate", type="text/html",
            href=public_url(request, "public.item", lang=loc.url, code=item.code))
        add(entry, "summary", convert(revision.change_note or revision.summary or ""))
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


# JSON-LD

def script_json(data) -> str:
    """JSON for a <script type="application/ld+json"> block: "<", ">" and "&" as \\u escapes, so
    no text in the data ("</script>", "<!--") can end the block early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def opening_hours(schedule) -> list[dict]:
    """schema.org OpeningHoursSpecification of a weekly schedule, the days with the same
    interval together (a hall open 9-12 and 14-17 on weekdays: two entries, not ten)."""
    days_by_interval: dict[tuple[dt.time, dt.time], list[int]] = {}
    for interval in sorted(schedule.intervals, key=lambda i: (i.opens, i.closes, i.weekday)):
        days_by_interval.setdefault((interval.opens, interval.closes), []).append(interval.weekday)
    return [{"@type": "OpeningHoursSpecification",
             "dayOfWeek": [f"https://schema.org/{WEEKDAYS[d]}" for d in sorted(set(days))],
             "opens": opens.strftime("%H:%M"), "closes": closes.strftime("%H:%M")}
            for (opens, closes), days in days_by_interval.items()]


def government_service(request, loc, item, centers, summary: str | None, service_type: str,
                       online_name: str) -> dict:
    """schema.org GovernmentService of an item's guide page: who provides it, where (each
    accepting center, with its address and weekly hours) and online (when it takes applications
    online)."""
    area = AREA_SERVED.get(loc.tag, AREA_SERVED_CHINESE)
    channels = []
    for center in centers:
        place = {"@type": "Place", "name": localized(center, "name", loc).value,
                 "address": {"@type": "PostalAddress", "streetAddress": localized(center, "address", loc).value,
                             "addressLocality": area, "addressCountry": "CN"},
                 "geo": {"@type": "GeoCoordinates", "latitude": center.lat, "longitude": center.lon}}
        channel = {"@type": "ServiceChannel", "name": place["name"], "serviceLocation": place,
                   "hoursAvailable": opening_hours(center.schedule),
                   "serviceUrl": public_url(request, "public.center", lang=loc.url, code=center.code)}
        if center.phone:
            channel["servicePhone"] = {"@type": "ContactPoint", "telephone": center.phone}
        channels.append(channel)
    if item.apply_online_url:
        channels.append({"@type": "ServiceChannel", "name": online_name, "serviceUrl": item.apply_online_url})
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": localized(item, "name", loc).value,
        "serviceType": service_type,
        "url": public_url(request, "public.item", lang=loc.url, code=item.code),
        "identifier": item.code,
        "provider": {"@type": "GovernmentOrganization", "name": localized(item.department, "name", loc).value,
                     "url": public_url(request, "public.department", lang=loc.url, code=item.department.code)},
        "areaServed": {"@type": "City", "name": area},
        "availableChannel": channels,
        "inLanguage": loc.tag,
    }
    if summary:
        data["description"] = summary
    return data
