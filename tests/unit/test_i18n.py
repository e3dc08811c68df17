import csv
import re
from pathlib import Path

import polib
import pytest
from pyramid.request import Request

from guide.i18n import (LOCALES_BY_TAG, TRADITIONAL_OVERRIDES, localized, locale_from_param, negotiate,
                        to_traditional)
from guide.models import Item

ROOT = Path(__file__).resolve().parents[2]
CONTENT, LOCALES = ROOT / "content", ROOT / "locales"
CJK = re.compile(r"[\u4e00-\u9fff]")


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


def _overrides() -> list[dict]:
    with TRADITIONAL_OVERRIDES.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _chinese_content() -> list[str]:
    """Every Chinese text of the content the site converts: catalogue, centers, guides, UI."""
    texts = []
    for path in [*CONTENT.glob("catalogue/*.csv"), *CONTENT.glob("centers/*.csv"), *CONTENT.glob("kiosk/*.csv")]:
        with path.open(encoding="utf-8-sig", newline="") as f:
            texts += [v for row in csv.DictReader(f) for v in row.values() if v and CJK.search(v)]
    texts += [p.read_text(encoding="utf-8") for p in CONTENT.glob("guides/*.zh-Hans.md")]
    texts += [e.msgstr for e in polib.pofile(str(LOCALES / "zh_Hans" / "LC_MESSAGES" / "guide.po")) if e.msgstr]
    return texts


@pytest.mark.parametrize("row", _overrides(), ids=lambda row: row["simplified"])
def test_each_override_phrase_converts_to_its_form_where_opencc_alone_does_not(row):
    import opencc

    assert to_traditional(row["simplified"]) == row["traditional"]
    # In the context the note gives (in parentheses), OpenCC alone makes the wrong form.
    example = re.search(r"\(([^)]*)\)", row["note"]).group(1)
    example = re.sub(r"[^\u4e00-\u9fff]", "", example)
    assert row["opencc_alone"] in opencc.OpenCC("s2hk").convert(example), example
    assert row["traditional"] in to_traditional(example)


def test_no_converted_text_of_the_content_has_a_known_wrong_form():
    wrong = [row["opencc_alone"] for row in _overrides()]
    texts = _chinese_content()
    assert len(texts) > 5000  # the whole catalogue, not a file that failed to load
    found = {(w, text[:40]) for text in texts for w in wrong if w in to_traditional(text)}
    assert not found
