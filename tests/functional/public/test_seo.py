"""Found by search engines: the sitemap against the sitemaps.org rules and hreflang's (every
alternate stated from both sides), robots.txt, the item page's JSON-LD, canonical and Open Graph
tags, and the Atom feed of major changes."""
import json
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

import pytest
from sqlalchemy import func, select

from guide.models import Bundle, Department, Item, ServiceCenter
from guide.qr import BASE_URL
from guide.structured_data import script_json

from ..editor.conftest import login, password_hash, users  # noqa: F401 (fixtures)

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"
LANGS = ("zh-hans", "en", "zh-hant")
HREFLANGS = {"zh-Hans", "en", "zh-Hant", "x-default"}
BASE = "https://guide.example.cn"
#: The lists of the site, a page each per language.
LISTS = ("/", "/items", "/departments", "/centers", "/bundles", "/statistics", "/api", "/privacy")


@pytest.fixture
def base_url(wsgi_app, monkeypatch):
    """The public base URL set, as GUIDE_BASE_URL would (requests through doomed_app, which the
    page cache never answers: its answers are made with this setting)."""
    monkeypatch.setitem(wsgi_app.registry.settings, BASE_URL, BASE)
    return BASE


def check_sitemap(body: bytes, base: str) -> dict[str, dict[str, str]]:
    """The sitemaps.org protocol's rules and hreflang's; {loc: {hreflang: href}}."""
    assert len(body) <= 50 * 1024 * 1024  # uncompressed size limit
    assert body.startswith(b"<?xml") and body.decode("utf-8")
    root = ET.fromstring(body)
    assert root.tag == f"{SM}urlset"
    entries: dict[str, dict[str, str]] = {}
    for url in root:
        assert url.tag == f"{SM}url"
        locs = url.findall(f"{SM}loc")
        assert len(locs) == 1
        loc = locs[0].text
        assert loc not in entries, f"listed twice: {loc}"
        parts = urlsplit(loc)
        assert loc.startswith(base + "/") and parts.scheme in ("http", "https") and len(loc) < 2048, loc
        assert not parts.fragment
        allowed = {f"{SM}loc", f"{SM}lastmod", f"{SM}changefreq", f"{SM}priority", f"{XHTML}link"}
        assert {child.tag for child in url} <= allowed
        links = url.findall(f"{XHTML}link")
        alternates = {link.get("hreflang"): link.get("href") for link in links}
        assert len(alternates) == len(links), f"an hreflang twice at {loc}"
        assert all(link.get("rel") == "alternate" for link in links)
        assert set(alternates) == HREFLANGS, loc
        assert all(href.startswith(base + "/") for href in alternates.values())
        assert loc in alternates.values(), f"{loc} does not list itself"
        entries[loc] = alternates
    assert 0 < len(entries) <= 50_000
    # Both directions: each alternate has an entry of its own, listing the very same set.
    for loc, alternates in entries.items():
        for hreflang, href in alternates.items():
            assert href in entries, f"{loc} names {href} ({hreflang}), which has no entry"
            assert entries[href] == alternates, f"{href} does not list {loc}'s alternates back"
    return entries


def test_the_sitemap_lists_every_page_in_every_language(testapp, dbsession):
    response = testapp.get("/sitemap.xml")
    assert response.content_type == "application/xml"
    entries = check_sitemap(response.body, "http://localhost")
    paths = {urlsplit(loc).path for loc in entries}
    counts = {model: dbsession.scalar(select(func.count()).select_from(model)) for model in
              (Department, ServiceCenter, Bundle)}
    items = dbsession.scalar(select(func.count(Item.id)).where(Item.active))
    assert items > 1000
    assert len(entries) == 3 * (len(LISTS) + items + sum(counts.values()))
    for lang in LANGS:
        assert {f"/{lang}{path}" for path in LISTS} <= paths
        assert f"/{lang}/items/GAJ-0014" in paths and f"/{lang}/departments/gaj" in paths
        assert f"/{lang}/centers/municipal" in paths and f"/{lang}/bundles/having-a-baby" in paths
    assert not [p for p in paths if "/search" in p or p.endswith("/print")]
    inactive = dbsession.scalar(select(Item.code).where(~Item.active).limit(1))
    if inactive:
        assert f"/en/items/{inactive}" not in paths
    home = entries["http://localhost/en/"]
    assert home["x-default"] == home["zh-Hans"] == "http://localhost/zh-hans/"
    # cached and revalidated like the pages
    again = testapp.get("/sitemap.xml", headers={"If-None-Match": response.headers["ETag"]}, status=304)
    assert again.headers["Cache-Control"] == "no-cache"


def test_the_sitemap_and_pages_use_the_public_base_url(doomed_app, base_url):
    check_sitemap(doomed_app.get("/sitemap.xml").body, base_url)
    robots = doomed_app.get("/robots.txt").text
    assert f"Sitemap: {base_url}/sitemap.xml" in robots.splitlines()
    head = doomed_app.get("/en/items/GAJ-0014").html.head
    assert head.select_one("link[rel=canonical]")["href"] == f"{base_url}/en/items/GAJ-0014"
    assert head.select_one("meta[property='og:url']")["content"] == f"{base_url}/en/items/GAJ-0014"
    assert {link["href"] for link in head.select("link[rel=alternate][hreflang]")} == {
        f"{base_url}/{lang}/items/GAJ-0014" for lang in LANGS} | {f"{base_url}/en/feed.atom"}
    assert json.loads(head.select_one("script[type='application/ld+json']").string)["url"].startswith(base_url)


def test_robots_keeps_crawlers_out_of_the_editor_kiosks_search_and_print(testapp):
    response = testapp.get("/robots.txt")
    assert response.content_type == "text/plain"
    lines = response.text.splitlines()
    assert lines[0] == "User-agent: *"
    disallowed = {line.split(":", 1)[1].strip() for line in lines if line.startswith("Disallow:")}
    assert {"/editor", "/kiosk/"} <= disallowed
    for lang in LANGS:
        assert {f"/{lang}/search", f"/{lang}/items/*/print"} <= disallowed
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert not [d for d in disallowed if d in ("/", f"/{LANGS[0]}/")]


def json_ld(page) -> dict:
    scripts = page.html.select("script[type='application/ld+json']")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


@pytest.mark.parametrize("lang", LANGS)
def test_an_item_page_describes_its_government_service(testapp, lang):
    data = json_ld(testapp.get(f"/{lang}/items/GAJ-0014"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "GovernmentService"
    for prop in ("name", "serviceType", "provider", "areaServed", "availableChannel", "url"):
        assert data[prop], prop
    assert data["url"] == f"http://localhost/{lang}/items/GAJ-0014"
    assert data["provider"]["@type"] == "GovernmentOrganization" and data["provider"]["name"]
    assert data["areaServed"]["name"] == {"en": "Huizhou"}.get(lang, "惠州市")
    places = [c for c in data["availableChannel"] if "serviceLocation" in c]
    assert places
    for channel in places:
        assert channel["@type"] == "ServiceChannel"
        assert channel["serviceLocation"]["@type"] == "Place"
        assert channel["serviceLocation"]["address"]["streetAddress"]
        hours = channel["hoursAvailable"]
        assert hours and all(h["@type"] == "OpeningHoursSpecification" and h["opens"] < h["closes"] for h in hours)
        assert all(day.startswith("https://schema.org/") for h in hours for day in h["dayOfWeek"])
    if lang == "en":
        assert data["name"] == "Ordinary passport issuance"
        assert {"Monday", "Friday"} <= {d.rsplit("/", 1)[1] for h in places[0]["hoursAvailable"] for d in h["dayOfWeek"]}


def test_the_online_submission_url_is_a_channel(testapp):
    online = testapp.get("/api/v1/items/GAJ-0014").json["online_url"]
    data = json_ld(testapp.get("/en/items/GAJ-0014"))
    assert {"@type": "ServiceChannel", "name": "Apply online", "serviceUrl": online} in data["availableChannel"]


def test_json_ld_cannot_be_broken_out_of():
    text = script_json({"name": "</script><script>alert(1)</script>", "n": "a & b <!-- c"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><script>alert(1)</script>", "n": "a & b <!-- c"}


def publish(app, summary: str, note: str, major: bool, path: str = "/editor/items/GAJ-0048/zh-hans"):
    form = app.get(path).forms["guide-form"]
    values = {name: field.value for name, field in form.field_order if name != "action" and field.value is not None}
    values.update(summary=summary, note=note, action="publish")
    values.pop("major", None)
    if major:
        values["major"] = "on"
    return app.post(path, values, status=303)


def feed_of(app, lang: str):
    response = app.get(f"/{lang}/feed.atom")
    assert response.content_type == "application/atom+xml"
    root = ET.fromstring(response.body)  # well-formed, or this raises
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang")
    for name in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{name}").text, name
    assert root.find(f"{ATOM}author/{ATOM}name").text
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == f"http://localhost/{lang}/feed.atom"
    return root


def test_a_major_publish_is_an_entry_of_the_feed(doomed_app, users):  # noqa: F811 (fixture)
    app = doomed_app
    before = len(feed_of(app, "zh-hans").findall(f"{ATOM}entry"))
    login(app, users["publisher"].username)
    publish(app, "一处小改动", "错别字", major=False)
    assert len(feed_of(app, "zh-hans").findall(f"{ATOM}entry")) == before
    # "</script>" in the text: the page's JSON-LD block must hold it as data
    publish(app, "办理地点有变化</script><script>x()</script>", "出入境大厅搬迁 & 新地址 <b>", major=True)
    root = feed_of(app, "zh-hans")
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == before + 1
    entry = entries[0]
    for name in ("id", "title", "updated", "summary"):
        assert entry.find(f"{ATOM}{name}").text, name
    assert entry.find(f"{ATOM}id").text.startswith("urn:uuid:")
    assert entry.find(f"{ATOM}link[@rel='alternate']").get("href") == "http://localhost/zh-hans/items/GAJ-0048"
    assert entry.find(f"{ATOM}summary").text == "出入境大厅搬迁 & 新地址 <b>"
    assert root.find(f"{ATOM}updated").text == entry.find(f"{ATOM}updated").text
    # Traditional Chinese readers read the Simplified guide converted: their feed too.
    hant = feed_of(app, "zh-hant").findall(f"{ATOM}entry")[0]
    assert hant.find(f"{ATOM}summary").text == "出入境大廳搬遷 & 新地址 <b>"
    assert hant.find(f"{ATOM}link").get("href") == "http://localhost/zh-hant/items/GAJ-0048"
    assert hant.find(f"{ATOM}id").text != entry.find(f"{ATOM}id").text
    assert not feed_of(app, "en").findall(f"{ATOM}entry") or all(
        e.find(f"{ATOM}link").get("href").startswith("http://localhost/en/") for e in feed_of(app, "en"))
    page = app.get("/zh-hans/items/GAJ-0048")
    assert json_ld(page)["description"] == "办理地点有变化</script><script>x()</script>"
    assert page.html.select_one("meta[property='og:description']")["content"].startswith("办理地点有变化")


@pytest.mark.parametrize("path", ["/zh-hans/", "/en/items?topic=family", "/zh-hant/departments/gaj",
                                  "/en/centers/municipal", "/en/bundles/having-a-baby", "/zh-hans/privacy"])
def test_every_public_page_has_a_canonical_link_and_open_graph(testapp, path):
    head = testapp.get(path).html.head
    canonical = head.select("link[rel=canonical]")
    assert len(canonical) == 1 and canonical[0]["href"] == "http://localhost" + path
    og = {meta["property"]: meta["content"] for meta in head.select("meta[property^='og:']")
          if meta["property"] != "og:locale:alternate"}
    assert og["og:url"] == canonical[0]["href"]
    assert {"og:title", "og:description", "og:type", "og:locale", "og:site_name"} <= set(og)
    assert all(og.values())
    lang = urlsplit(path).path.split("/")[1]
    assert og["og:locale"] == {"zh-hans": "zh_CN", "en": "en_GB", "zh-hant": "zh_HK"}[lang]
    alternates = {meta["content"] for meta in head.select("meta[property='og:locale:alternate']")}
    assert alternates == {"zh_CN", "en_GB", "zh_HK"} - {og["og:locale"]}
    feed = head.select_one("link[rel=alternate][type='application/atom+xml']")
    assert feed["href"] == f"http://localhost/{lang}/feed.atom"


def test_the_canonical_link_leaves_out_what_changes_nothing(testapp):
    head = testapp.get("/en/items/GAJ-0014?district=huiyang&utm_source=wechat&center=municipal").html.head
    assert head.select_one("link[rel=canonical]")["href"] == "http://localhost/en/items/GAJ-0014"
    assert {link["hreflang"]: link["href"] for link in head.select("link[rel=alternate][hreflang]")
            if link.get("type") is None} == {
        "zh-Hans": "http://localhost/zh-hans/items/GAJ-0014", "en": "http://localhost/en/items/GAJ-0014",
        "zh-Hant": "http://localhost/zh-hant/items/GAJ-0014", "x-default": "http://localhost/zh-hans/items/GAJ-0014"}
    listing = testapp.get("/zh-hans/items?topic=family&utm_campaign=x&page=2").html.head
    assert listing.select_one("link[rel=canonical]")["href"] == "http://localhost/zh-hans/items?topic=family&page=2"
    data = testapp.get("/en/centers/municipal").html.head
    assert data.select_one("meta[property='og:title']")["content"] != "Huizhou Service Guide"


def test_an_error_page_names_no_canonical_address(testapp):
    head = testapp.get("/en/items/NO-SUCH-ITEM", status=404).html.head
    assert not head.select("link[rel=canonical]") and not head.select("meta[property='og:url']")
