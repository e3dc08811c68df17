"""Text a screen reader or a search box shows (aria-label, placeholder, title, alt) is in the
page's language: no English left on the Chinese pages."""
import re

import pytest

ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
PAGES = ("/", "/items", "/items/GAJ-0014?district=boluo", "/items/GJJ-0005", "/search?q=%E6%8A%A4%E7%85%A7", "/departments",
         "/departments/gaj", "/centers", "/centers/municipal", "/privacy", "/items/NO-SUCH-0000")


@pytest.mark.parametrize("lang", ["zh-hans", "zh-hant"])
@pytest.mark.parametrize("path", PAGES)
def test_no_english_in_labels_on_chinese_pages(testapp, lang, path):
    page = testapp.get(f"/{lang}{path}", expect_errors=True)
    assert page.status_int in (200, 404)
    found = [(el.name, attr, el[attr]) for attr in ATTRIBUTES for el in page.html.select(f"[{attr}]")
             if ENGLISH_WORD.search(el[attr])]
    assert found == []
