"""From a parsed query and a snapshot of an index to the answer, the same for every backend.

The order of results: best bets pinned first; then the documents with every word of the query
(or, when none has them all, those with the most, and the answer says so: `partial`); among
them those matched in their name or text before those matched only in their required materials
(each such hit says so); then by score, ties by document number.
"""
from __future__ import annotations

import re

from .analysis import normalize
from .highlight import Highlighter
from .interfaces import FACETS
from .query import PREFIX, Clause, ParsedQuery, correction_clauses
from .results import Hit, SearchRequest, SearchResults
from .snapshot import Postings, Snapshot

#: "did you mean" never proposes a word shorter than this
MIN_SUGGESTED = 3
#: How much more a most used item (content/catalogue/most_used.csv) weighs: of two items that
#: match about as well, the one people come for (hz: 护照 before 换证 of a beekeeping permit).
POPULAR_BOOST = 1.15


def typo_edits(word: str) -> int:
    """How many edits away a misspelt English word may be from the word meant: none under five
    letters (too many words are that close), one up to seven, two from eight."""
    return 0 if len(word) < 5 else 1 if len(word) < 8 else 2


def corrections(parsed: ParsedQuery, snapshot: Snapshot, source: Postings) -> dict[str, str]:
    """{misspelt English word: the word of the index's vocabulary it probably is, the most used
    of those within reach}: searched for too, and offered as "did you mean"."""
    typed = [w for w in parsed.latin_words if typo_edits(w)]
    if not typed:
        return {}
    # a word of the index, or pinyin or initials (gjj, sfz): not a misspelling
    known = {word: [Clause("spell_en", word), Clause("pinyin", word, kind=PREFIX), Clause("initials", word, kind=PREFIX)]
             for word in typed}
    found = snapshot.fetch(source, [c for clauses in known.values() for c in clauses])
    out = {}
    for word in typed:
        if any(found[c.key] for c in known[word]):
            continue
        near = [(w, n) for w, n in source.near_words(word, typo_edits(word), prefix=1)
                if len(w) >= MIN_SUGGESTED and w != word]
        if near:
            out[word] = max(near, key=lambda wn: (wn[1], wn[0]))[0]
    return out


def answer(request: SearchRequest, parsed: ParsedQuery, snapshot: Snapshot, source: Postings,
           popular: frozenset[str] = frozenset(), pinned_codes: list[str] | None = None) -> SearchResults:
    """pinned_codes: the items to pin to this query instead of its best bets (an editor's
    preview of a change not made yet)."""
    meant = corrections(parsed, snapshot, source)
    corrected = {word: correction_clauses(correction) for word, correction in meant.items()}
    clauses = parsed.clauses + [c for found in corrected.values() for c in found]
    words = [list(alternatives) for alternatives in parsed.words]
    for word, alternatives in corrected.items():  # the word meant counts for the word typed
        if word in parsed.latin_index:  # (not an asking word)
            words[parsed.latin_index[word]] += alternatives
    found = snapshot.fetch(source, clauses + [c for alternatives in words for c in alternatives]
                           + [c for _covered, alternatives in parsed.covers for c in alternatives])
    scores, elsewhere = snapshot.scores(clauses, found)
    keep, partial = snapshot.with_every_word(found, words, parsed.covers)
    if not clauses:
        # Nothing typed: browse everything the filters allow, by code. Only asking words
        # ("how do I"): nothing to look for.
        ranked = [] if request.text.strip() else snapshot.by_code
    else:
        if keep is not None:
            scores = {d: s for d, s in scores.items() if d in keep}
        for d in scores.keys() & snapshot.popular(popular):
            scores[d] *= POPULAR_BOOST
        # best first, ties by document number: two C-level sorts (stable), no Python key
        ranked = sorted(sorted(scores), key=scores.__getitem__, reverse=True)
        ranked = [d for d in ranked if d in elsewhere] + [d for d in ranked if d not in elsewhere]
    # Best bets come first, whether or not the query's words are in them.
    if pinned_codes is None:
        pinned = snapshot.pins.get(parsed.normalized, [])
    else:
        pinned = [snapshot.docnums[code] for code in dict.fromkeys(pinned_codes) if code in snapshot.docnums]
    if pinned:
        ranked = pinned + [d for d in ranked if d not in pinned]
    filters = {k: v for k, v in request.filters.items() if k in FACETS and v}
    matching = [d for d in ranked if snapshot.passes(d, filters)] if filters else ranked
    out = SearchResults(total=len(matching), truncated_to=parsed.truncated_to, partial=bool(clauses) and partial)
    out.facets = snapshot.facet_counts(snapshot.mask(ranked), filters)
    first = (request.page - 1) * request.per_page
    lang_en = request.lang == "en"
    snippet = Highlighter(parsed.highlight_terms)
    for docnum in matching[first:first + request.per_page]:
        m = snapshot.meta[docnum]
        out.hits.append(Hit(
            code=m["code"], name_zh=m["name_zh"], name_en=m["name_en"], department=m["department"],
            department_zh=m["department_zh"], department_en=m["department_en"], type=m["type"],
            snippet_html=snippet(m["snippet_en"] if lang_en else m["snippet_zh"]),
            score=round(scores.get(docnum, 0.0), 4), best_bet=docnum in pinned,
            materials_only=docnum in scores and docnum not in elsewhere,
        ))
    if meant:
        out.did_you_mean = normalize(request.text)
        for word, correction in meant.items():
            out.did_you_mean = _replace_word(out.did_you_mean, word, correction)
    return out


def _replace_word(text: str, word: str, replacement: str) -> str:
    return re.sub(rf"(?i)(?<![a-z]){re.escape(word)}(?![a-z])", replacement, text, count=1)
