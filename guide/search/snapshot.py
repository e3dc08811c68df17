"""What every search on one committed state of an index shares, whichever thread asks, and
whichever backend holds the index.

A query is a flat list of weighted clauses (query.py), so a document's score is the sum over
the clauses it matches of weight × the clause's score for it, and a clause's scores depend only
on the index state. A snapshot keeps each clause's documents and scores once a backend has
fetched them (its `Postings`), so a query costs a few dict additions per posting. It also holds
the stored metadata of every document, the documents of each facet value and the best bets. It
belongs to one state: a new commit (or generation) makes a new snapshot.

Documents are numbered 0..n-1 by the backend; facet values are bitsets over those numbers.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Protocol

from .interfaces import FACETS
from .query import MATERIALS_FIELDS, Clause

#: Clauses kept per snapshot; past this the cache starts again (the vocabulary of the sample
#: catalogue is about 29,000 terms over all fields, so this is a safety bound, not a tuning).
MAX_CACHED_TERMS = 100_000


class Postings(Protocol):
    """A backend's way to the documents of clauses, on one index state."""

    #: the state the postings were read at (a backend may see a newer one than its snapshot's)
    key: object

    def postings(self, keys: list[tuple]) -> dict[tuple, dict[int, float]]:
        """For each Clause.key: {document: score before weighting}. A prefix scores 1.0 (a
        constant, however many words it expands to); a term or phrase its BM25(F) score."""

    def near_words(self, word: str, edits: int, prefix: int) -> list[tuple[str, int]]:
        """[(a word of the spelling vocabulary within `edits` edits that shares the first
        `prefix` letters, the number of documents that have it)]."""


class Snapshot:
    def __init__(self, key, meta: dict[int, dict]):
        self.key = key
        self.meta = meta
        self.by_code = sorted(self.meta, key=lambda d: self.meta[d]["code"])
        self.docnums = {m["code"]: docnum for docnum, m in self.meta.items()}
        #: facet -> value -> the documents that have it (bit i set for document number i)
        self.facet_masks: dict[str, dict[str, int]] = {facet: defaultdict(int) for facet in FACETS}
        for docnum, m in self.meta.items():
            for facet in FACETS:
                values = m[facet] if isinstance(m[facet], list) else [m[facet]]
                for value in values:
                    self.facet_masks[facet][value] |= 1 << docnum
        self.facet_masks = {facet: dict(values) for facet, values in self.facet_masks.items()}
        #: normalized query -> the documents pinned to it (best bets), by rank then code
        pins: dict[str, list[tuple[int, str, int]]] = defaultdict(list)
        for docnum, m in self.meta.items():
            for query, rank in m["best_bets"]:
                pins[query].append((rank, m["code"], docnum))
        self.pins = {query: [d for _r, _c, d in sorted(found)] for query, found in pins.items()}
        self._postings: dict[tuple, dict[int, float]] = {}
        self._completer: tuple[object, object] | None = None  # (the synonyms, the completer)
        self._popular: tuple[frozenset, frozenset[int]] | None = None

    def popular(self, codes: frozenset[str]) -> frozenset[int]:
        """The documents of these codes (the most used items), worked out once."""
        cached = self._popular
        if cached is None or cached[0] is not codes:
            cached = self._popular = (codes, frozenset(d for d, m in self.meta.items() if m["code"] in codes))
        return cached[1]

    def completer(self, synonyms, most_used):
        """The search box's completions for this state and these synonyms, made on first use
        (two threads may both make it: the same table, no harm)."""
        made = self._completer
        if made is None or made[0] is not synonyms:
            from .completion import Completer

            made = self._completer = (synonyms, Completer(self.meta, synonyms, self.popular(most_used)))
        return made[1]

    def fetch(self, source: Postings, clauses) -> dict[tuple, dict[int, float]]:
        """Each clause's {document: score}, from this snapshot or else fetched in one go."""
        cache = self._postings
        found = {}
        missing = []
        for clause in clauses:
            key = clause.key
            if key in found:
                continue
            hit = cache.get(key)
            if hit is None:
                missing.append(key)
            else:
                found[key] = hit
        if missing:
            fetched = source.postings(list(dict.fromkeys(missing)))
            found.update(fetched)
            if source.key == self.key:  # read at this snapshot's state: keep them
                if len(cache) + len(fetched) > MAX_CACHED_TERMS:
                    self._postings = cache = {}
                cache.update(fetched)  # one C-level update: readers at worst recompute
        return found

    def scores(self, clauses: list[Clause], found) -> tuple[dict[int, float], set[int]]:
        """(each matching document's score: the sum of weight × score over its clauses, the
        documents matched somewhere other than their materials)."""
        total: dict[int, float] = defaultdict(float)
        elsewhere: set[int] = set()
        for clause in clauses:
            documents = found[clause.key]
            boost = clause.boost
            for docnum, score in documents.items():
                total[docnum] += boost * score
            if clause.field not in MATERIALS_FIELDS:
                elsewhere.update(documents)
        return total, elsewhere

    @staticmethod
    def with_every_word(found, words, covers) -> tuple[set[int] | None, bool]:
        """(the documents that contain every word of the query, False); when none does, (those
        with the most words, True); (None, False) when there is nothing to require (one word, or
        words no document has: unknown words and typos do not empty the results)."""
        having = [set().union(*(found[c.key] for c in clauses)) for clauses in words]
        for covered, clauses in covers:
            documents = set().union(*(found[c.key] for c in clauses))
            for i in covered:
                having[i] |= documents
        known = [documents for documents in having if documents]
        if len(known) < 2:
            return None, False
        counts: dict[int, int] = defaultdict(int)
        for documents in known:
            for docnum in documents:
                counts[docnum] += 1
        most = max(counts.values())
        return {d for d, n in counts.items() if n == most}, most < len(known)

    def mask(self, docnums) -> int:
        out = 0
        for docnum in docnums:
            out |= 1 << docnum
        return out

    def facet_counts(self, ranked_mask: int, filters: dict[str, str]) -> dict[str, list[tuple[str, int]]]:
        """Each facet counted over the documents that pass every *other* selected filter."""
        selected = {k: self.facet_masks[k].get(v, 0) for k, v in filters.items()}
        out = {}
        for facet in FACETS:
            base = ranked_mask
            for other, bits in selected.items():
                if other != facet:
                    base &= bits
            counts = [(value, (base & bits).bit_count()) for value, bits in self.facet_masks[facet].items()]
            out[facet] = sorted(((v, n) for v, n in counts if n), key=lambda kv: (-kv[1], kv[0]))
        return out

    def passes(self, docnum: int, filters: dict[str, str]) -> bool:
        return all(self.facet_masks[k].get(v, 0) >> docnum & 1 for k, v in filters.items())
