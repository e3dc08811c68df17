from pyramid.request import Request

from guide.i18n import LOCALES_BY_TAG, localized, locale_from_param, negotiate, to_traditional
from guide.models import Item


def request(accept=None, cookie=None, **params):
    req = Request.blank("/", headers={"Accept-Language": accept} if accept else {})
    if cookie:
        req.cookies["lang"] = cookie
    req.matchdict = {}
    return req


def test_accept_language_picks_the_variant():
    assert negotiate(request("en-US,en;q=0.9")).tag == "en"
    assert negotiate(request("zh-TW,zh;q=0.8")).tag == "zh-Hant"
    assert negotiate(request("zh-HK")).tag == "zh-Hant"
    assert negotiate(request("zh-CN,en;q=0.5")).tag == "zh-Hans"
    assert negotiate(request("fr-FR")).tag == "zh-Hans"
    assert negotiate(request()).tag == "zh-Hans"


def test_url_prefix_beats_cookie_beats_accept_language():
    req = request("en", cookie="zh-hant")
    assert negotiate(req).tag == "zh-Hant"
    req.matchdict = {"lang": "en"}
    assert negotiate(req).tag == "en"


def test_locale_from_param_accepts_tags_and_prefixes():
    assert locale_from_param("zh-Hans").tag == "zh-Hans"
    assert locale_from_param("ZH_HANT").tag == "zh-Hant"
    assert locale_from_param("de") is None
    assert locale_from_param("") is None


def test_localized_text_and_fallback_mark():
    item = Item(name_zh="护照签发", name_en="Passport issuance")
    assert localized(item, "name", LOCALES_BY_TAG["en"]) == ("Passport issuance", "en", False, False)
    assert localized(item, "name", LOCALES_BY_TAG["en"], stale=True).stale
    assert localized(item, "name", LOCALES_BY_TAG["zh-Hant"]).value == to_traditional("护照签发") == "護照簽發"
    untranslated = Item(name_zh="护照签发", name_en="")
    assert localized(untranslated, "name", LOCALES_BY_TAG["en"]) == ("护照签发", "zh-Hans", True, False)
