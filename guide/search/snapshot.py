"""What every search on one committed state of the index shares, whichever thread asks.

Whoosh answers a query by merging the postings of every term through pure-Python matchers,
about 15 µs a posting; a broad query touches hundreds. Our queries are a flat OR of boosted
terms (see query.py), so a document's score is the sum over the terms it contains of
boost × the term's BM25F score, and a term's scores depend only on the index state. A snapshot
keeps each term's scores once computed (by Whoosh's own scorer), so a query costs a few dict
additions per posting. The snapshot also holds the stored metadata and the documents of each
facet value. It belongs to one state: a new commit or generation makes a new snapshot.
"""
from __future__ import annotations

from collections import defaultdict

from whoosh import query as q

from .interfaces import FACETS

#: Terms kept per snapshot; past this the cache starts again (the vocabulary of the sample
#: catalogue is about 29,000 terms over all fields, so this is a safety bound, not a tuning).
MAX_CACHED_TERMS = 100_000


class Snapshot:
    def __init__(self, key, searcher):
        self.key = key
        self.meta: dict[int, dict] = {docnum: fields["meta"] for docnum, fields in searcher.reader().iter_docs()}
        self.by_code = sorted(self.meta, key=lambda d: self.meta[d]["code"])
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
        self._terms: dict[tuple, dict[int, float]] = {}
        self._completer = None

    def completer(self, synonyms, most_used):
        """The search box's completions for this state, made on first use (two threads may both
        make it: the same table, no harm)."""
        if self._completer is None:
            from .completion import Completer

            self._completer = Completer(self.meta, synonyms, most_used)
        return self._completer

    def scores(self, query: q.Query, searcher) -> dict[int, float]:
        """Each matching document's score: the sum of its clauses' scores. A term scores boost ×
        BM25F; a prefix scores its boost once however many terms it expands to (Whoosh's
        constant-score default for Prefix); any other clause (phrases) is scored by Whoosh."""
        clauses = query.subqueries if isinstance(query, q.Or) else [query]
        total: dict[int, float] = defaultdict(float)
        others = []
        for clause in clauses:
            kind = type(clause)
            if kind is q.Term:
                boost = clause.boost
                for docnum, score in self._term(searcher, clause.fieldname, clause.text).items():
                    total[docnum] += boost * score
            elif kind is q.Prefix:
                for docnum in self._prefix(searcher, clause.fieldname, clause.text):
                    total[docnum] += clause.boost
            else:
                others.append(clause)
        if others:
            for hit in searcher.search(q.Or(others), limit=None):
                total[hit.docnum] += hit.score
        return total

    def _term(self, searcher, fieldname: str, text: str) -> dict[int, float]:
        key = (fieldname, text)
        found = self._terms.get(key)
        if found is None:
            found = {}
            field = searcher.schema[fieldname]
            try:
                btext = field.to_bytes(text)
            except ValueError:
                btext = None
            if btext is not None and (fieldname, btext) in searcher.reader():
                matcher = searcher.postings(fieldname, btext)  # deleted documents filtered out
                while matcher.is_active():
                    found[matcher.id()] = matcher.score()
                    matcher.next()
            self._remember(key, found)
        return found

    def _prefix(self, searcher, fieldname: str, text: str):
        key = ("*", fieldname, text)
        found = self._terms.get(key)
        if found is None:
            field = searcher.schema[fieldname]
            docnums: set[int] = set()
            for btext in searcher.reader().expand_prefix(fieldname, text):
                docnums.update(self._term(searcher, fieldname, field.from_bytes(btext)))
            found = dict.fromkeys(docnums, 1.0)
            self._remember(key, found)
        return found

    def documents(self, searcher, clause: q.Query) -> set[int] | dict:
        """The documents a Term or Prefix clause matches (anything else: none)."""
        if type(clause) is q.Term:
            return self._term(searcher, clause.fieldname, clause.text)
        if type(clause) is q.Prefix:
            return self._prefix(searcher, clause.fieldname, clause.text)
        return {}

    def with_every_word(self, searcher, words, covers) -> tuple[set[int] | None, bool]:
        """(the documents that contain every word of the query, False); when none does, (those
        with the most words, True); (None, False) when there is nothing to require (one word, or
        words no document has: unknown words and typos do not empty the results)."""
        found = [set().union(*(self.documents(searcher, c) for c in clauses)) for clauses in words]
        for covered, clauses in covers:
            documents = set().union(*(self.documents(searcher, c) for c in clauses))
            for i in covered:
                found[i] |= documents
        known = [documents for documents in found if documents]
        if len(known) < 2:
            return None, False
        counts: dict[int, int] = defaultdict(int)
        for documents in known:
            for docnum in documents:
                counts[docnum] += 1
        most = max(counts.values())
        return {d for d, n in counts.items() if n == most}, most < len(known)

    def _remember(self, key, found) -> None:
        if len(self._terms) >= MAX_CACHED_TERMS:
            self._terms = {}
        # One assignment: another thread may read the cache meanwhile (it at worst recomputes).
        self._terms[key] = found

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
