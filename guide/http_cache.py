"""HTTP caching and compression, in front of everything else (warehouse's cache/http.py does
the same job).

- Public pages and the catalogue API carry a weak ETag made of the content version
  (guide.content_version), the minute (pages show "open now") and the code's own version; a
  request whose If-None-Match has it is answered 304 before any view, transaction or database
  session, and an answer already rendered under the current ETag is served again as it was. Pages are `no-cache` (always revalidated: a publish is never hidden); the API's
  catalogue data may be reused for a minute. Search answers follow the index, which lags the
  database, so they carry no ETag.
- HTML, JSON, CSS, JavaScript and SVG over 1 KB travel gzip-compressed to clients that ask.
  Weak ETags stay right for both encodings (and behind a proxy that compresses again).
- Static files have a fingerprint of their bytes in the URL and may be kept for a year.
"""
from __future__ import annotations

import gzip
import hashlib
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

from pyramid.httpexceptions import HTTPNotModified
from pyramid.response import Response
from pyramid.static import QueryStringCacheBuster
from pyramid.tweens import INGRESS
from sqlalchemy.exc import SQLAlchemyError

from .i18n import LOCALES_BY_URL

PAGE_CACHE_CONTROL = "no-cache"
API_CACHE_CONTROL = "public, max-age=60"
#: Catalogue API paths under /api/v1/ (search and suggestions follow the index, not the version).
API_PREFIXES = ("/api/v1/items", "/api/v1/centers", "/api/v1/openapi.json")
COMPRESSIBLE = {"text/html", "application/json", "text/css", "application/javascript", "text/javascript",
                "image/svg+xml"}
MIN_COMPRESS_BYTES = 1024
STATIC_MAX_AGE = 365 * 24 * 3600
#: Rendered answers kept per process (a guide page is about 23 KB, 4 KB compressed).
PAGE_CACHE_SIZE = 500
PACKAGE = Path(__file__).resolve().parent


def cache_control_for(path: str) -> str | None:
    """How a GET of `path` may be cached when it answers 200; None: not by ETag."""
    segments = path.split("/")
    if len(segments) > 2 and segments[1] in LOCALES_BY_URL:
        return None if segments[2] == "search" else PAGE_CACHE_CONTROL
    if path.startswith(API_PREFIXES):
        return API_CACHE_CONTROL
    return None


@lru_cache(maxsize=1)
def code_version() -> str:
    """What this deployment's pages are made by: a new release must not answer 304 for pages
    the old one rendered. The same in every process of one deployment."""
    newest = max(p.stat().st_mtime_ns for p in PACKAGE.rglob("*") if p.suffix in (".py", ".pt", ".mo", ".po"))
    return hashlib.sha1(str(newest).encode()).hexdigest()[:8]


def etag_for(request) -> str:
    minute = request.now.strftime("%Y%m%d%H%M")
    return f"{request.registry['content_version'].current()}.{minute}.{code_version()}"


class PageCache:
    """Rendered answers by (ETag, URL): the ETag names the content version, the minute and the
    code, so an entry is right for as long as its ETag is current, and no entry is ever
    invalidated by hand. Least recently used entries go first."""

    def __init__(self, size: int):
        self.size = size
        self._entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key, entry) -> None:
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)


class Entry:
    """An answer as rendered, and its gzip form once a client asked for it."""

    __slots__ = ("content_type", "charset", "body", "gzipped")

    def __init__(self, response):
        self.content_type, self.charset, self.body = response.content_type, response.charset, response.body
        self.gzipped = None

    def response(self, request) -> Response:
        response = Response(content_type=self.content_type, charset=self.charset)
        if _accepts_gzip(request) and len(self.body) >= MIN_COMPRESS_BYTES:
            if self.gzipped is None:
                self.gzipped = gzip.compress(self.body, compresslevel=6)
            response.body, response.content_encoding = self.gzipped, "gzip"
        else:
            response.body = self.body
        return response


def conditional_tween_factory(handler, registry):
    cache = PageCache(int(registry.settings.get("guide.page_cache_size", PAGE_CACHE_SIZE)))

    def tween(request):
        cache_control = cache_control_for(request.environ.get("PATH_INFO", ""))
        # A request inside a transaction begun outside it (tm.active: the tests' doomed one)
        # may see content not committed yet, which the version cannot name.
        if request.method not in ("GET", "HEAD") or cache_control is None or request.environ.get("tm.active"):
            return handler(request)
        try:
            etag = etag_for(request)
        except SQLAlchemyError:
            return handler(request)  # the database is away: the view's own error page says so
        if etag in request.if_none_match:
            response = HTTPNotModified()
        else:
            key = (etag, request.environ.get("PATH_INFO", ""), request.environ.get("QUERY_STRING", ""))
            entry = cache.get(key)
            if entry is not None:
                response = entry.response(request)
            else:
                response = handler(request)
                if response.status_int != 200:
                    return response
                cache.put(key, Entry(response))
        response.etag = (etag, False)
        _cacheable(response, cache_control)
        return response

    return tween


def _cacheable(response, cache_control: str) -> None:
    response.headers["Cache-Control"] = cache_control
    response.vary = sorted(set(response.vary or ()) | {"Accept-Encoding"})


def compress_tween_factory(handler, registry):
    def tween(request):
        response = handler(request)
        if (response.status_int == 200 and _accepts_gzip(request)
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


def _accepts_gzip(request) -> bool:
    # No header: the client said nothing about encodings, so it gets none.
    return "Accept-Encoding" in request.headers and bool(request.accept_encoding.acceptable_offers(["gzip"]))


class ContentHashCacheBuster(QueryStringCacheBuster):
    """`?x=<hash of the file's bytes>` on every static URL: a changed file gets a new URL."""

    def tokenize(self, request, subpath, kw):
        return _file_hash(str(PACKAGE / "static" / subpath))


@lru_cache(maxsize=None)
def _file_hash(path: str) -> str:
    try:
        return hashlib.sha1(Path(path).read_bytes()).hexdigest()[:12]
    except OSError:
        return "missing"


def includeme(config):
    # Outermost: compression last of all, and the 304 before any transaction begins.
    config.add_tween("guide.http_cache.compress_tween_factory", under=INGRESS)
    config.add_tween("guide.http_cache.conditional_tween_factory", under="guide.http_cache.compress_tween_factory")
    config.add_cache_buster("guide:static/", ContentHashCacheBuster(param="x"))
