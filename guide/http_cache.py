"""HTTP caching and compression (warehouse's cache/http.py does the same job for its pages).

- Public pages and API answers carry a weak ETag made of the content version
  (guide.content_version), the minute (pages show "open now"), the code's own version and, for
  search answers, the index's committed state. `PageCache` sits in front of Pyramid's
  router: a request whose If-None-Match names the current ETag is answered 304, and an answer
  already rendered under it is served again as it was, before any request object, tween,
  transaction or database session. Only one thread renders a missing answer; the others wait
  for it (at each minute's turn every reader wants the same new page). Pages and catalogue
  answers are kept in one store, by number; search and suggestion answers in another, by their
  bytes, so that a search box's keystrokes never push pages out.
  Pages are `no-cache` (always revalidated: a publish is never hidden); the API's catalogue data
  may be reused for a minute.
- HTML, JSON, CSS, JavaScript, SVG, XML (the 1.6 MB sitemap, the feeds) and text over 1 KB
  travel gzip-compressed to clients that ask, a cached answer compressed once. Weak ETags stay right for both encodings (and behind a proxy
  that compresses again).
- Static files have a fingerprint of their bytes in the URL and may be kept for a year.
"""
from __future__ import annotations

import gzip
import hashlib
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from pyramid.static import QueryStringCacheBuster
from pyramid.tweens import INGRESS
from sqlalchemy.exc import SQLAlchemyError
from webob.etag import ETagMatcher

from .content_version import note_transaction, sees_only_committed
from .display import STANDARD, display_mode
from .i18n import LOCALES_BY_URL

PAGE_CACHE_CONTROL = "no-cache"
API_CACHE_CONTROL = "public, max-age=60"
#: Catalogue API paths under /api/v1/. (The exports are not here: too big to keep whole, they
#: are streamed and answer If-None-Match themselves, guide.views.api.export.)
API_PREFIXES = ("/api/v1/items", "/api/v1/centers", "/api/v1/notices", "/api/v1/openapi.json",
                "/api/v1/departments", "/api/v1/topics")
#: API answers that follow the index. They are kept apart from pages (each keystroke of a search
#: box is a URL of its own: among pages they would push the pages out), bounded by their bytes.
SEARCH_API_PREFIXES = ("/api/v1/search", "/api/v1/suggest")
#: For crawlers (guide.views.public.seo), made of content and settings only: kept and revalidated
#: like pages (the feeds are pages already, under a language's prefix).
CRAWLER_PATHS = ("/sitemap.xml", "/robots.txt")
COMPRESSIBLE = {"text/html", "application/json", "text/css", "application/javascript", "text/javascript",
                "image/svg+xml", "application/xml", "application/atom+xml", "text/plain"}
MIN_COMPRESS_BYTES = 1024
STATIC_MAX_AGE = 365 * 24 * 3600
#: Rendered pages and catalogue answers kept per process (a guide page is about 23 KB, 4 KB
#: compressed).
PAGE_CACHE_SIZE = 500
#: Bytes of search and suggestion answers kept per process (a search answer is 2 to 6 KB: a few
#: thousand queries, which is most of what a city asks in a day).
SEARCH_CACHE_BYTES = 8_000_000
#: How long a request waits for another thread rendering the same answer before rendering it too.
RENDER_WAIT_SECONDS = 10
#: Headers a cached answer gets anew each time it is served.
PER_ANSWER = {"content-length", "content-encoding", "etag", "cache-control", "vary"}
PACKAGE = Path(__file__).resolve().parent


PAGES, ANSWERS = "pages", "answers"


class Policy(NamedTuple):
    """How the answers at a path are cached."""

    cache_control: str
    #: the ETag names the index's committed state too (search answers lag the database a little)
    follows_the_index: bool
    #: the store a rendered answer is kept in for the next reader: PAGES or ANSWERS
    store: str
    #: what else than the URL the answer depends on (pages: the display cookie, guide.display)
    vary: str = "Accept-Encoding"


def policy_for(path: str) -> Policy | None:
    """How a GET of `path` may be cached when it answers 200; None: not by ETag."""
    segments = path.split("/")
    if len(segments) > 2 and segments[1] in LOCALES_BY_URL:
        return Policy(PAGE_CACHE_CONTROL, follows_the_index=segments[2] == "search", store=PAGES,
                      vary="Accept-Encoding, Cookie")
    if path.startswith(SEARCH_API_PREFIXES):
        return Policy(API_CACHE_CONTROL, follows_the_index=True, store=ANSWERS)
    if path.startswith(API_PREFIXES):
        return Policy(API_CACHE_CONTROL, follows_the_index=False, store=PAGES)
    if path in CRAWLER_PATHS:
        return Policy(PAGE_CACHE_CONTROL, follows_the_index=False, store=PAGES)
    return None


@lru_cache(maxsize=1)
def code_version() -> str:
    """What this deployment's pages are made by: a new release must not answer 304 for pages
    the old one rendered. The same in every process of one deployment."""
    newest = max(p.stat().st_mtime_ns for p in PACKAGE.rglob("*") if p.suffix in (".py", ".pt", ".mo", ".po"))
    return hashlib.sha1(str(newest).encode()).hexdigest()[:8]


def validators(etag: str, cache_control: str, vary: str = "Accept-Encoding") -> list[tuple[str, str]]:
    """The headers a 200 and a 304 of the same answer share."""
    return [("ETag", f'W/"{etag}"'), ("Cache-Control", cache_control), ("Vary", vary)]


class Entry:
    """A 200 answer as rendered: its headers (less those made per answer), its body, and the
    body's gzip form, made once (when a client first asks for it)."""

    __slots__ = ("headers", "vary", "cache_control", "body", "gzipped", "compressible")

    def __init__(self, headers: list[tuple[str, str]], body: bytes, gzipped: bytes | None, policy: Policy):
        self.headers = [(k, v) for k, v in headers if k.lower() not in PER_ANSWER]
        vary = {v.strip() for k, value in headers if k.lower() == "vary" for v in value.split(",")}
        self.vary = ", ".join(sorted((vary - {""}) | {v.strip() for v in policy.vary.split(",")}))
        self.cache_control, self.body, self.gzipped = policy.cache_control, body, gzipped
        self.compressible = len(body) >= MIN_COMPRESS_BYTES and _content_type(headers) in COMPRESSIBLE

    def serve(self, environ, start_response, etag: str):
        gzipped = self.compressible and accepts_gzip(environ)
        if gzipped and self.gzipped is None:
            # Two threads may both make it the first time: the same bytes, no harm.
            self.gzipped = gzip.compress(self.body, compresslevel=6)
        body = self.gzipped if gzipped else self.body
        headers = self.headers + validators(etag, self.cache_control, self.vary) + [("Content-Length", str(len(body)))]
        if gzipped:
            headers.append(("Content-Encoding", "gzip"))
        start_response("200 OK", headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]


class Store:
    """Entries by key, the least recently used going first once their weight passes `limit`
    (pages weigh one each; search answers their bytes). Callers hold the cache's lock."""

    def __init__(self, limit: int, weigh):
        self.limit, self.weigh, self.weight = limit, weigh, 0
        self.entries: OrderedDict = OrderedDict()

    def get(self, key) -> Entry | None:
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key, entry: Entry) -> None:
        old = self.entries.pop(key, None)
        if old is not None:
            self.weight -= self.weigh(old)
        self.entries[key] = entry
        self.weight += self.weigh(entry)
        while self.weight > self.limit and self.entries:
            self.weight -= self.weigh(self.entries.popitem(last=False)[1])


class PageCache:
    """WSGI middleware around the router: rendered answers by (ETag, URL). The ETag names the
    content version, the minute and the code (and the index state for search), so an entry is
    right for as long as its ETag is current and no entry is ever invalidated by hand. Least
    recently used entries go first.

    Host and scheme are part of the URL here: pages carry absolute links (the language switch,
    hreflang), so an answer rendered for one Host header is never served for another."""

    def __init__(self, app):
        self.app = app
        self.registry = app.registry
        settings = self.registry.settings
        self.stores = {
            PAGES: Store(int(settings.get("guide.page_cache_size", PAGE_CACHE_SIZE)), lambda entry: 1),
            ANSWERS: Store(int(settings.get("guide.search_cache_bytes", SEARCH_CACHE_BYTES)),
                           lambda entry: len(entry.body)),
        }
        self._rendering: dict = {}
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        note_transaction(environ)
        path = environ.get("PATH_INFO", "")
        policy = policy_for(path)
        if policy is None or environ["REQUEST_METHOD"] not in ("GET", "HEAD") or not sees_only_committed(environ):
            return self.app(environ, start_response)
        display = display_mode(environ)
        try:
            etag = self.etag(policy, display)
        except SQLAlchemyError:
            return self.app(environ, start_response)  # the database is away: the view's error page says so
        if etag is None:
            return self.app(environ, start_response)
        # ("*" matches any representation, also of an address that has none: the app decides.)
        if etag in ETagMatcher.parse(environ.get("HTTP_IF_NONE_MATCH", "").replace("*", ""), strong=False):
            start_response("304 Not Modified", validators(etag, policy.cache_control, policy.vary))
            return []
        key = (etag, environ["wsgi.url_scheme"], environ.get("HTTP_HOST") or environ.get("SERVER_NAME"),
               environ.get("SCRIPT_NAME", ""), path, environ.get("QUERY_STRING", ""))
        store = self.stores[policy.store]
        entry = self._get(store, key)
        if entry is None:
            if environ["REQUEST_METHOD"] == "HEAD":
                return self.app(environ, start_response)  # Pyramid answers HEAD without a body
            entry, answer = self._render(store, key, environ, policy)
            if entry is None:
                status, headers, body = answer
                start_response(status, headers)
                return [body]
        return entry.serve(environ, start_response, etag)

    def etag(self, policy: Policy, display: str = STANDARD) -> str | None:
        """The current ETag of answers under `policy` for a display; None when it cannot be
        named (the index is changing)."""
        minute = int(self.registry["clock"].now().timestamp()) // 60
        etag = f"{self.registry['content_version'].current()}.{minute:x}.{code_version()}"
        if display != STANDARD:
            etag += "." + display
        if policy.follows_the_index:
            state = self.registry["search"].state()
            if state is None:
                return None
            etag += "." + state
        return etag

    def _get(self, store: Store, key) -> Entry | None:
        with self._lock:
            return store.get(key)

    def _render(self, store: Store, key, environ, policy: Policy) -> tuple[Entry | None, tuple | None]:
        """(the entry, None) once rendered here or by another thread; (None, the answer) when the
        answer is not one to keep (not 200, or it sets a cookie)."""
        with self._lock:
            entry = store.entries.get(key)
            if entry is not None:
                return entry, None
            leader = key not in self._rendering
            done = self._rendering.setdefault(key, threading.Event())
        if not leader:
            done.wait(RENDER_WAIT_SECONDS)
            entry = self._get(store, key)
            if entry is not None:
                return entry, None
        try:
            entry, answer = _answer(self.app, environ, policy)
            if entry is None:
                return None, answer
            with self._lock:
                store.put(key, entry)
            return entry, None
        finally:
            if leader:
                with self._lock:
                    self._rendering.pop(key, None)
                done.set()


def _answer(app, environ, policy: Policy) -> tuple[Entry | None, tuple | None]:
    """(the answer as an Entry, None); (None, the answer) when it is not one to keep (not 200,
    or it sets a cookie)."""
    status, headers, body = _call(app, environ)
    if not status.startswith("200 ") or any(k.lower() == "set-cookie" for k, _v in headers):
        return None, (status, headers, body)
    gzipped = None
    if any(k.lower() == "content-encoding" and v == "gzip" for k, v in headers):
        gzipped, body = body, gzip.decompress(body)
    return Entry(headers, body, gzipped, policy), None


def _call(app, environ) -> tuple[str, list, bytes]:
    """Run a WSGI app to the end: its status, headers and whole body."""
    started = []

    def start_response(status, headers, exc_info=None):
        started[:] = [status, headers]
        return chunks.append

    chunks: list[bytes] = []
    result = app(environ, start_response)
    try:
        chunks.extend(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return started[0], started[1], b"".join(chunks)


def _content_type(headers) -> str:
    return next((v.split(";")[0].strip() for k, v in headers if k.lower() == "content-type"), "")


def compress_tween_factory(handler, registry):
    """Compression of what the page cache does not keep (errors, editor and kiosk screens...)."""
    def tween(request):
        response = handler(request)
        if (response.status_int == 200 and accepts_gzip(request.environ)
                and response.content_type in COMPRESSIBLE and not response.content_encoding):
            body = response.body
            if len(body) >= MIN_COMPRESS_BYTES:
                # A static file's URL names its bytes: compressed once, not per request.
                static = request.environ.get("PATH_INFO", "").startswith("/static/")
                response.body = _gzip_static(body) if static else gzip.compress(body, compresslevel=6)
                response.content_encoding = "gzip"
            response.vary = sorted(set(response.vary or ()) | {"Accept-Encoding"})
        return response

    return tween


@lru_cache(maxsize=64)
def _gzip_static(body: bytes) -> bytes:
    return gzip.compress(body, compresslevel=9)


@lru_cache(maxsize=256)
def _accepts_gzip_header(header: str) -> bool:
    from webob.acceptparse import create_accept_encoding_header

    return bool(create_accept_encoding_header(header).acceptable_offers(["gzip"]))


def accepts_gzip(environ) -> bool:
    # No header: the client said nothing about encodings, so it gets none.
    header = environ.get("HTTP_ACCEPT_ENCODING")
    return header is not None and _accepts_gzip_header(header)


class ContentHashCacheBuster(QueryStringCacheBuster):
    """`?x=<hash of the file's bytes>` on every static URL: a changed file gets a new URL."""

    def tokenize(self, request, subpath, kw):
        return _file_hash(subpath)


@lru_cache(maxsize=None)
def _file_hash(subpath: str) -> str:
    try:
        return hashlib.sha1((PACKAGE / "static" / subpath).read_bytes()).hexdigest()[:12]
    except OSError:
        return "missing"


def includeme(config):
    # Outermost of the tweens: compression last of all. (PageCache wraps the router itself:
    # guide.main.)
    config.add_tween("guide.http_cache.compress_tween_factory", under=INGRESS)
    config.add_cache_buster("guide:static/", ContentHashCacheBuster(param="x"))
