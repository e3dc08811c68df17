"""Search straight from the database, for while the index is damaged and being rebuilt: item
names (and the official terms of synonyms) matched as plain text. Plainer than the index (no
ranking by field, no snippets, no facets), but never an empty answer because a file broke."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..models import Item
from .analysis import LATIN_WORD, normalize
from .query import Synonyms, chinese_terms, is_asking_word
from .results import Hit, SearchRequest, SearchResults

#: the filters a plain search can apply: facet -> what of an item it reads
FILTERS = {"department": lambda i: i.department.code, "type": lambda i: i.item_type}


def database_search(session_factory, synonyms: Synonyms, request: SearchRequest) -> SearchResults:
    text = normalize(request.text).strip()
    needles = [t.lower() for t in chinese_terms(text) + LATIN_WORD.findall(text.lower())
               if (len(t) >= 2 or not t.isascii()) and not is_asking_word(t)]
    officials = [t.lower() for t in synonyms.expand(text)]
    with session_factory() as dbsession:
        items = dbsession.scalars(select(Item).where(Item.active).order_by(Item.code)
                                  .options(joinedload(Item.department))).all()
        scored = []
        for item in items:
            if any(value and FILTERS[name](item) != value for name, value in request.filters.items() if name in FILTERS):
                continue
            name = f"{item.name_zh} {item.name_en.lower()}"
            words = sum(1 for n in needles if n in name)
            official = any(o in name for o in officials)
            if words or official or not text:  # nothing typed: every item the filters allow
                scored.append(((bool(needles) and words == len(needles)) or official, words, item))
        # every word (or an official term) first; when nothing has them, what has the most words
        chosen = [s for s in scored if s[0]] or scored
        matching = [item for _complete, _words, item in sorted(chosen, key=lambda s: (-s[1], s[2].code))]
        first = (request.page - 1) * request.per_page
        hits = [Hit(code=i.code, name_zh=i.name_zh, name_en=i.name_en, department=i.department.code,
                    department_zh=i.department.name_zh, department_en=i.department.name_en, type=i.item_type,
                    snippet_html="", score=0.0)
                for i in matching[first:first + request.per_page]]
    return SearchResults(total=len(matching), hits=hits, degraded=True)
