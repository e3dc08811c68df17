"""Languages: KNOWN_LOCALES is the one list; the URL prefix decides, then cookie, Accept-Language.

Catalogue data is stored in Simplified Chinese (the source) and English; Traditional Chinese is
converted from the Simplified source with OpenCC (Hong Kong conventions) until translations exist.
"""
from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlencode

from pyramid.httpexceptions import HTTPSeeOther
from pyramid.i18n import TranslationStringFactory

from .settings import data_path

_ = TranslationStringFactory("guide")

LANGUAGE_COOKIE = "lang"


@dataclass(frozen=True)
class KnownLocale:
    #: BCP 47 tag, used in <html lang>, hreflang and the API's `names`
    tag: str
    #: the URL prefix
    url: str
    #: gettext catalogue name under locales/
    gettext: str
    #: suffix of the stored data columns this locale reads (name_zh, name_en)
    column: str
    #: the language's own name, for the language switch
    native_name: str
    #: Babel locale for dates, times and numbers
    babel: str


KNOWN_LOCALES = (
    KnownLocale("zh-Hans", "zh-hans", "zh_Hans", "zh", "简体中文", "zh_Hans_CN"),
    KnownLocale("en", "en", "en", "en", "English", "en_GB"),
    KnownLocale("zh-Hant", "zh-hant", "zh_Hant", "zh", "繁體中文", "zh_Hant_HK"),
)
DEFAULT_LOCALE = KNOWN_LOCALES[0]
SOURCE_LOCALE = KNOWN_LOCALES[0]
LOCALES_BY_TAG = {loc.tag: loc for loc in KNOWN_LOCALES}
LOCALES_BY_URL = {loc.url: loc for loc in KNOWN_LOCALES}
URL_PATTERN = "|".join(loc.url for loc in KNOWN_LOCALES)

# Accept-Language ranges we can serve, mapped to our locales (RFC 4647 lookup falls back zh-HK → zh).
_ACCEPT_OFFERS = {
    "zh-Hans": "zh-Hans", "zh-CN": "zh-Hans", "zh-SG": "zh-Hans",
    "zh-Hant": "zh-Hant", "zh-TW": "zh-Hant", "zh-HK": "zh-Hant", "zh-MO": "zh-Hant",
    "zh": "zh-Hans", "en": "en",
}


def locale_from_param(value: str | None) -> KnownLocale | None:
    """Accept a locale as a URL prefix or a tag, in any case: zh-hans, zh-Hans, zh_Hans, en."""
    if not value:
        return None
    key = value.strip().lower().replace("_", "-")
    return LOCALES_BY_URL.get(key)


def negotiate(request) -> KnownLocale:
    """The page's locale: URL prefix (a matched route's, or for an address no route matches, its
    first segment: /en/no-such-page is an English 404), then the `lang` parameter, cookie,
    Accept-Language. The editor's pages are in the signed-in editor's own language instead."""
    route = getattr(request, "matched_route", None)
    if route is not None and route.name.startswith("editor."):
        return editor_locale(request)
    if is_kiosk(request):
        return kiosk_locale(request)
    matched = (request.matchdict or {}).get("lang") if hasattr(request, "matchdict") else None
    if matched is None and route is None:
        matched = _path_locale(request, 1)
    for candidate in (matched, query_params(request).get("lang"),
                      request.cookies.get(LANGUAGE_COOKIE)):
        loc = locale_from_param(candidate)
        if loc:
            return loc
    return _accepted(request)


def is_kiosk(request) -> bool:
    """A kiosk's request, matched or not (its 404 page too). The raw path: it may not decode."""
    return request.environ.get("PATH_INFO", "").startswith("/kiosk/")


def kiosk_locale(request) -> KnownLocale:
    """A kiosk's screens take the language from their URL alone, else the hall's default: never
    from a cookie or the browser, which the next citizen at the screen would inherit."""
    loc = _path_locale(request, 3)
    if loc:
        return LOCALES_BY_URL[loc]
    context = getattr(request, "context", None)
    return getattr(context, "default_locale", None) or DEFAULT_LOCALE


def _path_locale(request, position: int) -> str | None:
    """The URL prefix of a locale at that segment of the raw path (it may not decode: an address
    that matched nothing, a kiosk's 404), or None."""
    segments = request.environ.get("PATH_INFO", "").split("/")
    found = segments[position] if len(segments) > position else None
    return found if found in LOCALES_BY_URL else None


def editor_locale(request) -> KnownLocale:
    """The editor's preference; before signing in, `?lang=` or Accept-Language."""
    editor = request.editor
    if editor is not None and editor.locale in LOCALES_BY_TAG:
        return LOCALES_BY_TAG[editor.locale]
    return locale_from_param(query_params(request).get("lang")) or _accepted(request)


def _accepted(request) -> KnownLocale:
    tag = request.accept_language.lookup(list(_ACCEPT_OFFERS), default="zh-Hans")
    return LOCALES_BY_TAG[_ACCEPT_OFFERS.get(tag, "zh-Hans")]


def query_params(request):
    """The query string's parameters, or none when it is not valid UTF-8 (negotiation must not
    break the 400 page). Never the body: that would read any POST, even one refused."""
    try:
        return request.GET
    except UnicodeError:
        return {}


def locale_negotiator(request) -> str:
    return negotiate(request).gettext


#: Phrases OpenCC converts wrongly in our texts, with their right form (content/glossary).
TRADITIONAL_OVERRIDES = data_path("content") / "glossary" / "traditional.csv"


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("s2hk")


@lru_cache(maxsize=1)
def traditional_overrides() -> tuple[re.Pattern, dict[str, str]]:
    """(a pattern of the overridden Simplified phrases, longest first; phrase -> Traditional)."""
    with TRADITIONAL_OVERRIDES.open(encoding="utf-8-sig", newline="") as f:
        table = {row["simplified"]: row["traditional"] for row in csv.DictReader(f) if row.get("simplified")}
    # An empty table matches nothing ("(?!)"), not everything.
    return re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True))) or "(?!)"), table


@lru_cache(maxsize=65536)
def to_traditional(text: str) -> str:
    """Simplified to Traditional Chinese (Hong Kong conventions, OpenCC s2hk), the override
    phrases kept out of OpenCC (which would read their 发 as 髮 "hair") and put in right."""
    if not text:
        return text
    pattern, table = traditional_overrides()
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts += [_converter().convert(text[last:match.start()]), table[match.group()]]
        last = match.end()
    parts.append(_converter().convert(text[last:]))
    return "".join(parts)


class Text(NamedTuple):
    """A piece of data text as shown to a reader, with the language it is really in."""

    value: str
    #: BCP 47 tag of `value`
    lang: str
    #: the reader's language had no text, so this is the source (shown with a mark)
    fallback: bool = False
    #: a translation made from an older version of the source (shown with a note)
    stale: bool = False

    def __str__(self):
        return self.value


class Shown:
    """Data text as a template inserts it: a fallback gets `lang` and a visible mark, a stale
    translation a note: a reader must always know when text is not (quite) in their language."""

    __slots__ = ("text", "marks", "page_lang")

    def __init__(self, text: Text, marks: dict[str, str], page_lang: str):
        self.text, self.marks, self.page_lang = text, marks, page_lang

    @property
    def value(self) -> str:
        return self.text.value

    def __str__(self):
        return self.text.value

    def __html__(self):
        value = escape(self.text.value)
        if self.text.stale:
            return f'{value}<span class="fallback-mark">{escape(self.marks["stale"])}</span>'
        if not self.text.fallback:
            return value
        return (f'<span lang="{self.text.lang}">{value}<span class="fallback-mark" lang="{self.page_lang}">'
                f"{escape(self.marks['fallback'])}</span></span>")


def localized(obj, field: str, locale: KnownLocale, stale: bool = False) -> Text | None:
    """`field` of a model in `locale`: name_en for English, converted name_zh for zh-Hant."""
    source = getattr(obj, f"{field}_zh", None)
    if locale.tag == "en":
        english = getattr(obj, f"{field}_en", None)
        if english:
            return Text(english, "en", stale=stale)
        return Text(source, SOURCE_LOCALE.tag, fallback=True) if source else None
    if not source:
        return None
    if locale.tag == "zh-Hant":
        return Text(to_traditional(source), "zh-Hant")
    return Text(source, "zh-Hans")


def all_names(obj, field: str = "name") -> dict[str, str]:
    """A field in every locale, keyed by tag (the API's `names`)."""
    return {loc.tag: localized(obj, field, loc).value for loc in KNOWN_LOCALES}


def compile_catalogues(locales_dir: Path) -> None:
    """Compile each .po to .mo when the .mo is missing or older: .mo files are build outputs."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in locales_dir.glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as f:
            catalog = read_po(f)
        # a name of this process's own: processes started together (tests in parallel, several
        # app servers) each write a whole file and the last rename wins
        tmp = mo.with_name(f"{mo.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            write_mo(f, catalog)
        tmp.replace(mo)


def alternate_urls(request, choose: bool = False) -> list[tuple[KnownLocale, str]]:
    """The same page in every language: for hreflang links, and with `choose` for the language
    switch, whose links remember the choice (language_choice_tween_factory)."""
    route, match = request.matched_route, request.matchdict or {}
    if route is None or "lang" not in match:
        route_name, match, query = "public.home", {}, {}
    else:
        route_name, query = route.name, dict(query_params(request))
    return [(loc, request.route_url(route_name, **{**match, "lang": loc.url},
                                    _query={**query, LANGUAGE_COOKIE: loc.url} if choose else query))
            for loc in KNOWN_LOCALES]


def _display_switch_url(request) -> str:
    from .display import switch_url

    return switch_url(request)


def _stale(request, obj, field) -> bool:
    from .translations import key_of

    key = key_of(obj)
    return bool(key) and (key[0], key[1], field) in request.stale_translations


def add_localizer_helpers(event):
    """Template globals: `_` translate, `n_(singular, plural, n)` counted text, `loc` the page's locale,
    `t(obj, field)` localized data."""
    request = event.get("request")
    if request is None or event.get("renderer_name") == "json":
        return  # no template: the API's JSON answers need none of these
    event["loc"] = request.guide_locale
    loc = request.guide_locale
    marks = {"fallback": request.localizer.translate(_("not yet translated")),
             "stale": request.localizer.translate(_("translation may be out of date"))}

    def shown(obj, field):
        stale = loc.tag == "en" and _stale(request, obj, field)
        text = localized(obj, field, loc, stale)
        return Shown(text, marks, loc.tag) if text else None

    event["t"] = shown
    localizer = request.localizer
    # Plain strings in templates (`${_('Breadcrumb')}` in an attribute) are ours too: without the
    # domain the localizer looked them up in "messages" and left them in English.
    event["_"] = lambda text, mapping=None: localizer.translate(text, domain="guide", mapping=mapping)
    # Counted text ("1 service", "2 services"): the catalogue's plural forms choose, ${n} is the count.
    # Named n_ because lingua reads a template's text only for calls that look like `_(`.
    event["n_"] = lambda singular, plural, n, mapping=None: localizer.pluralize(
        singular, plural, n, domain="guide", mapping={"n": n, **(mapping or {})})
    event["display_switch_url"] = lambda: _display_switch_url(request)
    event["language_choices"] = lambda: alternate_urls(request, choose=True)


def language_choice_tween_factory(handler, registry):
    """The `lang` cookie is set when a reader chooses a language, not on every page view (a
    cookie on every answer keeps shared caches from storing any): the language switch's links
    carry `?lang=`, which sets it and redirects to the same page without the parameter."""

    def tween(request):
        chosen = page_choice(request, LANGUAGE_COOKIE)
        # `?lang=` names the language of the page's own URL prefix
        if chosen is None or chosen != request.environ["PATH_INFO"].split("/")[1]:
            return handler(request)
        return remember_choice(request, LANGUAGE_COOKIE, chosen)

    return tween


#: How long a reader's choices (language, display) are remembered.
CHOICE_MAX_AGE = 365 * 24 * 3600


def page_choice(request, name: str) -> str | None:
    """The value of a choice link's parameter (`?lang=`, `?display=`): on a GET of a public page
    (/{lang}/...) whose path decodes; None otherwise."""
    if request.method != "GET" or is_kiosk(request):
        return None
    value = query_params(request).get(name)
    segments = request.environ.get("PATH_INFO", "").split("/")
    if value is None or len(segments) < 3 or segments[1] not in LOCALES_BY_URL:
        return None
    try:
        request.path  # a path that does not decode is the error page's to answer
    except UnicodeError:
        return None
    return value


def remember_choice(request, name: str, value: str | None) -> HTTPSeeOther:
    """The same page without the choice's parameter, with the choice kept in the cookie of that
    name (removed when `value` is None)."""
    query = [(k, v) for k, v in query_params(request).items() if k != name]
    response = HTTPSeeOther(location=request.path_url + ("?" + urlencode(query) if query else ""))
    if value is None:
        response.delete_cookie(name)
    else:
        response.set_cookie(name, value, max_age=CHOICE_MAX_AGE, samesite="Lax", httponly=True,
                            secure=request.scheme == "https")
    return response


def includeme(config):
    # The wheel's compiled catalogues, or the source tree's (guide.settings.data_path).
    locales_dir = Path(config.get_settings().get("guide.locales_dir") or data_path("locales"))
    compile_catalogues(locales_dir)
    config.add_translation_dirs(str(locales_dir))
    config.set_locale_negotiator(locale_negotiator)
    config.add_request_method(negotiate, "guide_locale", reify=True)

    def stale_translations(request):
        from .translations import stale_fields

        return stale_fields(request.dbsession)

    config.add_request_method(stale_translations, reify=True)
    config.add_subscriber(add_localizer_helpers, "pyramid.events.BeforeRender")
    config.add_tween("guide.i18n.language_choice_tween_factory")
