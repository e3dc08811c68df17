"""What a search is asked and what it answers: plain data, the same for every backend."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SearchRequest:
    text: str
    #: BCP 47 tag of the reader's language: decides snippets and field weights
    lang: str = "zh-Hans"
    #: facet name -> selected value (see interfaces.FACETS)
    filters: dict = field(default_factory=dict)
    page: int = 1
    per_page: int = 20


@dataclass
class Hit:
    code: str
    name_zh: str
    name_en: str
    department: str
    department_zh: str
    department_en: str
    type: str
    #: escaped text with <mark> around what matched, in the reader's language
    snippet_html: str
    score: float
    best_bet: bool = False
    #: the query's words are only in the item's required materials, not in its name or text
    materials_only: bool = False


@dataclass
class SearchResults:
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    #: facet name -> [(value, count)], counted with every other selected filter applied
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    did_you_mean: str | None = None
    #: the query was cut to this many characters
    truncated_to: int | None = None
    #: answered by the plain database search while the index is repaired (guide.search.fallback)
    degraded: bool = False
    #: no item has every word of the query: these have the most of them
    partial: bool = False
