"""Counted text agrees with its count on the English pages: "1 service", "2 services", never
"1 services" (plural forms come from the catalogues, guide/i18n.py `n_`)."""
import re

import pytest
from sqlalchemy import select

from guide.models import Item

#: a count of one followed by a plural noun, or a larger count followed by a singular one
ONE_PLURAL = re.compile(r"\b1 (services|results|windows|visits|working days|service centers)\b")
MANY_SINGULAR = re.compile(r"\b(?:[02-9]|\d{2,}) (service|result|window|visit|working day)\b(?! center)")


def _text(page):
    return page.html.get_text(" ", strip=True)


@pytest.mark.parametrize("path", [
    "/en/", "/en/departments", "/en/items", "/en/items/GAJ-0014", "/en/items/GAJ-0001", "/en/items/GJJ-0005",
    "/en/centers/municipal", "/en/centers/legal-aid", "/en/search?q=passport", "/en/items?center=legal-aid",
])
def test_counts_agree_with_their_nouns(testapp, path):
    text = _text(testapp.get(path))
    assert not ONE_PLURAL.search(text), ONE_PLURAL.search(text)
    assert not MANY_SINGULAR.search(text), MANY_SINGULAR.search(text)


def test_a_count_of_one_reads_singular(testapp, dbsession):
    """A public-order licence is accepted at one window of one center, in one visit: all three
    counts read singular."""
    item = dbsession.scalars(select(Item).where(Item.code == "GAJ-0001")).one()
    assert item.visits == 1 and item.service is None
    page = _text(testapp.get("/en/items/GAJ-0001"))
    assert "1 service center accepts this item" in page
    assert re.search(r"\b1 window\b", page) and re.search(r"\b1 visit\b", page)
    assert not ONE_PLURAL.search(page)
