"""The PostgreSQL search backend: one index that every app server on the database shares.

Each active item has a row in `search_documents` (migration 0009): a `tsvector` per field of the
index document (documents.py), made of our own words, the same analysis as the Whoosh index
(analysis.field_analyzers: jieba words and sub-words, bigrams, stemmed English, pinyin and
initials, Traditional folded to Simplified). The vectors are written as tsvector literals, so no
PostgreSQL text search configuration touches our words; a GIN index per field finds the rows of
a word. Rows are written in the transaction that changes the content (sync.py), so there is no
separate index to break and every process sees a change at its commit.

A query's clauses (query.py) become tsquery literals (a word, `word:*`, `a <-> b`); one
statement fetches the rows of every clause the snapshot does not hold yet. Scores are BM25 as
Whoosh computes them (the word's rarity, the field's length against the average), with a word
counted once per field: GIN does not count occurrences. The snapshot of a state (the content
version, which changes in the same transaction as the rows) holds each row's metadata and field
lengths, for facets, best bets, snippets and completion (snapshot.py, ranking.py: the same code
as the Whoosh backend's). "Did you mean" looks in `search_words`, the English spelling
vocabulary with the number of documents of each word, through a pg_trgm index and
fuzzystrmatch's Levenshtein distance.
"""
from __future__ import annotations

import json
import logging
import math
import threading
from collections import Counter
from pathlib import Path

from sqlalchemy import create_engine, select, text, true
from zope.interface import implementer

from ..content_version import bump
from ..models import Item
from .analysis import INDEX_FIELDS, field_analyzers, field_tokens, init_jieba
from .completion import most_used_codes
from .documents import documents_by_code
from .interfaces import ISearchService
from .query import PHRASE, PREFIX, Synonyms, parse
from .synonyms import SynonymSource
from .ranking import answer
from .results import SearchRequest, SearchResults
from .snapshot import Snapshot

log = logging.getLogger(__name__)

#: The fields of search_documents (migration 0009), each a tsvector with a GIN index.
FIELDS = INDEX_FIELDS
#: PostgreSQL refuses a longer word in a tsvector (a pasted URL in a guide); to_tsvector leaves such out too
MAX_WORD_BYTES = 2046
#: Raised when what the rows hold changes; the rows of another format are rebuilt at start.
FORMAT = "1"
#: tsvector limits: positions run 1..16383, at most 255 of them per word are kept
MAX_POSITION, MAX_POSITIONS = 16383, 255
#: BM25 as Whoosh's default scorer has it
B, K1 = 0.75, 1.2
#: pg_advisory_xact_lock key: one rebuild at a time
REBUILD_LOCK = 0x5EA2C4


def quote(word: str) -> str:
    """A word as a tsvector or tsquery literal lexeme: quoted, so no character in it is syntax."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(tokens: list[tuple[str, int]]) -> str:
    positions: dict[str, list[int]] = {}
    for word, position in tokens:
        if word and len(word.encode()) <= MAX_WORD_BYTES:
            positions.setdefault(word, []).append(min(position + 1, MAX_POSITION))
    return " ".join(f"{quote(word)}:{','.join(map(str, sorted(set(p))[:MAX_POSITIONS]))}"
                    for word, p in positions.items())


def tsquery(kind: str, words) -> str:
    if kind == PHRASE:
        return "(" + " <-> ".join(quote(w) for w in words) + ")"
    return quote(words) + (":*" if kind == PREFIX else "")


def _content_version(connection) -> int:
    # The driver's own statement: SQLAlchemy's compiling would cost as much as the round trip.
    return connection.exec_driver_sql("SELECT version FROM content_version WHERE id = 1").scalar() or 0


#: The connections searches read on. Autocommit: a search is one or two statements, and a
#: transaction around them would cost two more round trips (the version in the postings'
#: statement keeps them consistent). The planner is told to use the indexes: on a table this
#: small it would scan every row, and a match on a row's vectors (unpacked from TOAST for each
#: clause) costs far more than it reckons, 5 ms a clause against 0.05 ms. No parallel workers:
#: starting them costs more than these queries.
READER_OPTIONS = "-c enable_seqscan=off -c max_parallel_workers_per_gather=0"


def _reader(url):
    """An engine for searches, with the database URL's own options (a search_path) kept."""
    options = " ".join(filter(None, [url.query.get("options"), READER_OPTIONS]))
    return create_engine(url.difference_update_query(["options"]), isolation_level="AUTOCOMMIT",
                         connect_args={"options": options})


def _near_words_sql(engine) -> str:
    """"Did you mean"'s statement, its operator and functions named with the schema their
    extensions live in (migration 0009 allows one off the search path)."""
    with engine.connect() as connection:
        schemas = dict(connection.exec_driver_sql(
            "SELECT extname, extnamespace::regnamespace::text FROM pg_extension "
            "WHERE extname IN ('pg_trgm', 'fuzzystrmatch')").all())
    trgm, fuzzy = schemas.get("pg_trgm", "public"), schemas.get("fuzzystrmatch", "public")
    # `%`: trigram similarity over pg_trgm's threshold (0.3), through the trigram index
    return (f"SELECT word, documents FROM search_words WHERE word OPERATOR({trgm}.%%) %(word)s "
            "AND left(word, %(prefix)s) = left(%(word)s, %(prefix)s) "
            f"AND {fuzzy}.levenshtein_less_equal(word, %(word)s, %(edits)s) <= %(edits)s "
            f"ORDER BY {fuzzy}.levenshtein(word, %(word)s), documents DESC, word LIMIT 5")


@implementer(ISearchService)
class PostgresSearch:
    #: sync.py: rows are written in the content's own transaction, no journal
    writes_in_transaction = True

    def __init__(self, settings: dict, session_factory, versions=None):
        self.session_factory = session_factory
        self.engine = session_factory.kw["bind"]
        if self.engine.dialect.name != "postgresql":
            raise ValueError("guide.search.backend: the postgres backend needs a PostgreSQL database "
                             f"(sqlalchemy.url is {self.engine.dialect.name}); use the whoosh backend")
        self.reader = _reader(self.engine.url)
        self.near_words_sql = _near_words_sql(self.engine)
        content = Path(settings.get("guide.content_dir") or Path(__file__).resolve().parents[2] / "content")
        init_jieba()
        self.synonym_source = SynonymSource(session_factory.kw["bind"], versions)
        self.most_used = most_used_codes(content / "catalogue" / "most_used.csv")
        self.analyzers = field_analyzers()
        self._snapshot: PostgresSnapshot | None = None
        self._loading = threading.Lock()
        parse("護照 passport", Synonyms())  # warm the converters now, not in a reader's request

    # -- writing -----------------------------------------------------------------------------

    def write_in_transaction(self, session, changed: set) -> None:
        """Before a commit (sync.py): the rows of the items it changed (None among them: every
        item), and the content version they are now at."""
        if changed:
            self._write(session, None if None in changed else changed)
        self._stamp(session)

    def _write(self, session, item_ids, progress=None) -> int:
        """Rewrite the rows of these items (None: all), in the session's transaction; the
        spelling vocabulary's counts follow. Inactive and deleted items lose their rows; an item
        whose document cannot be built keeps its old row (documents_by_code logs it)."""
        connection = session.connection()
        ids_clause = "" if item_ids is None else "WHERE item_id = ANY(:ids)"
        params = {} if item_ids is None else {"ids": sorted(item_ids)}
        old_words = dict(connection.execute(text(
            f"SELECT item_id, tsvector_to_array(spell_en) FROM search_documents {ids_clause} FOR UPDATE"), params).all())
        ids_by_code = dict(session.execute(select(Item.code, Item.id).where(
            true() if item_ids is None else Item.id.in_(item_ids))).all())
        documents, broken = documents_by_code(session, item_ids)
        for item_id in broken:
            old_words.pop(item_id, None)
        rows, words = [], Counter()
        for count, document in enumerate(documents.values(), start=1):
            row, new = self._row(ids_by_code[document["code"]], document)
            rows.append(row)
            old = set(old_words.pop(row["item_id"], None) or ())
            words.update(dict.fromkeys(new - old, 1))
            words.subtract(dict.fromkeys(old - new, 1))
            if progress and (count % 200 == 0 or count == len(documents)):
                progress("index", count, len(documents))
        for old in old_words.values():  # no longer active, or deleted
            words.subtract(dict.fromkeys(old or (), 1))
        if old_words:
            connection.execute(text("DELETE FROM search_documents WHERE item_id = ANY(:ids)"),
                               {"ids": sorted(old_words)})
        if rows:
            columns = ["item_id", "code", *FIELDS, "meta", "lengths"]
            values = ", ".join(f"CAST(:{c} AS tsvector)" if c in FIELDS else f"CAST(:{c} AS jsonb)"
                               if c in ("meta", "lengths") else f":{c}" for c in columns)
            updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns[1:])
            connection.execute(text(f"INSERT INTO search_documents ({', '.join(columns)}) VALUES ({values}) "
                                    f"ON CONFLICT (item_id) DO UPDATE SET {updates}"), rows)
        changes = sorted((word, n) for word, n in words.items() if n)  # one lock order for all writers
        if changes:
            connection.execute(text(
                "INSERT INTO search_words (word, documents) VALUES (:word, :n) "
                "ON CONFLICT (word) DO UPDATE SET documents = search_words.documents + EXCLUDED.documents"),
                [{"word": word, "n": n} for word, n in changes])
            connection.execute(text("DELETE FROM search_words WHERE word = ANY(:words) AND documents <= 0"),
                               {"words": [word for word, _n in changes]})
        return len(rows)

    def _row(self, item_id: int, document: dict) -> tuple[dict, set[str]]:
        """The row of a document, and its spelling words (as the row's spell_en holds them)."""
        row = {"item_id": item_id, "code": document["code"], "meta": json.dumps(document["meta"], ensure_ascii=False)}
        lengths, spelling = {}, set()
        for field in FIELDS:
            tokens = field_tokens(self.analyzers, field, document[field])
            row[field] = tsvector(tokens)
            lengths[field] = len(tokens)
            if field == "spell_en":
                spelling = {word for word, _p in tokens if word and len(word.encode()) <= MAX_WORD_BYTES}
        row["lengths"] = json.dumps(lengths)
        return row, spelling

    def _stamp(self, session) -> None:
        session.connection().execute(text(
            "INSERT INTO search_state (id, content_version, format) "
            "VALUES (1, (SELECT version FROM content_version WHERE id = 1), :format) "
            "ON CONFLICT (id) DO UPDATE SET content_version = EXCLUDED.content_version, format = EXCLUDED.format"),
            {"format": FORMAT})

    def rebuild(self, progress=None, only_if_stale: bool = False) -> int:
        """Every row written again, in one transaction: readers see the old rows until it
        commits. With `only_if_stale`, nothing when the rows turn out to be at the current
        content version once the lock is held (another server rebuilt them meanwhile)."""
        with self.session_factory() as session, session.begin():
            connection = session.connection()
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": REBUILD_LOCK})
            if only_if_stale and self._fresh(connection):
                return 0
            # The content version's row first, as every writer takes it (its first flush bumps
            # it): taking the search rows first would deadlock with a writer.
            bump(session)  # a new state: every process takes a new snapshot
            connection.execute(text("DELETE FROM search_documents"))
            connection.execute(text("DELETE FROM search_words"))
            count = self._write(session, None, progress)
            self._stamp(session)
        # Every row was replaced: clear out the old ones and give the planner the new figures.
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE search_documents, search_words"))
        return count

    @staticmethod
    def _fresh(connection) -> bool:
        stamp = connection.execute(text("SELECT content_version, format FROM search_state WHERE id = 1")).first()
        return stamp is not None and tuple(stamp) == (_content_version(connection), FORMAT)

    def ensure_index(self, background: bool = False) -> None:
        """Rebuild when the rows were last written at another content version than the current
        one (content changed by a process of another backend, or never indexed) or format."""
        with self.engine.connect() as connection:
            if self._fresh(connection):
                return
        log.info("search rows are not at the current content version; writing them")
        self.rebuild(only_if_stale=True)

    def journal_written(self) -> None:
        """Nothing to do: the rows were written in the commit."""

    def index_pending(self) -> int:
        return 0

    def start_background(self, poll_seconds: float = 1.0) -> None:
        """No thread: there is nothing to index after a commit."""

    def close(self) -> None:
        self.reader.dispose()

    def health(self) -> str:
        return "ok"  # no index apart from the database, whose health /readyz reports itself

    def state(self) -> str | None:
        """The content version, read now: the rows change in the same transaction as it, so
        answers kept under it (http_cache.py) are right until the next commit on any server.
        Read afresh rather than through the half-second copy pages key on, so that a search
        never answers from before a commit another server has made."""
        with self.reader.connect() as connection:
            return f"v{_content_version(connection)}"

    # -- searching ---------------------------------------------------------------------------

    def _snapshot_at(self, connection) -> "PostgresSnapshot":
        version = _content_version(connection)
        snapshot = self._snapshot
        if snapshot is not None and snapshot.key == version:
            return snapshot
        with self._loading:
            snapshot = self._snapshot
            if snapshot is None or snapshot.key != version:
                with self.engine.connect().execution_options(isolation_level="REPEATABLE READ") as reading:
                    # the version and the rows of one moment
                    version = _content_version(reading)
                    rows = reading.execute(text(
                        "SELECT item_id, meta, lengths FROM search_documents ORDER BY code")).all()
                snapshot = self._snapshot = PostgresSnapshot(version, rows)
        return snapshot

    @property
    def synonyms(self) -> Synonyms:
        """The synonyms as this process knows them now (synonyms.py)."""
        return self.synonym_source.current()

    def search(self, request: SearchRequest, synonyms: Synonyms | None = None,
               pinned: list[str] | None = None) -> SearchResults:
        with self.reader.connect() as connection:
            snapshot = self._snapshot_at(connection)
            # the synonyms of the version just read: an answer kept under it (state()) has them
            parsed = parse(request.text, synonyms or self.synonym_source.current(snapshot.key))
            return answer(request, parsed, snapshot, PostgresPostings(connection, snapshot, self.near_words_sql),
                          self.most_used, pinned)

    def suggest(self, prefix: str, lang: str, limit: int = 8) -> list[tuple[str, str]]:
        """Completions of what was typed (completion.py), the most used items first."""
        if not prefix.strip():
            return []
        with self.reader.connect() as connection:
            snapshot = self._snapshot_at(connection)
        meta = snapshot.meta
        completer = snapshot.completer(self.synonym_source.current(snapshot.key), self.most_used)
        return [(meta[d]["code"], meta[d]["name_en" if lang == "en" else "name_zh"])
                for d in completer.complete(prefix, limit)]


class PostgresSnapshot(Snapshot):
    """A snapshot whose documents are the rows by code, numbered from 0, with their lengths."""

    def __init__(self, version: int, rows):
        super().__init__(version, {docnum: meta for docnum, (_id, meta, _l) in enumerate(rows)})
        self.docnum_by_id = {item_id: docnum for docnum, (item_id, _m, _l) in enumerate(rows)}
        self.lengths = [lengths for _id, _m, lengths in rows]
        count = max(len(rows), 1)
        self.average_length = {f: sum(lengths.get(f, 0) for lengths in self.lengths) / count or 1.0 for f in FIELDS}


class PostgresPostings:
    """The documents of clauses, read with one statement per search (snapshot.Postings)."""

    def __init__(self, connection, snapshot: PostgresSnapshot, near_words_sql: str):
        self.connection, self.snapshot, self.near_words_sql = connection, snapshot, near_words_sql
        self.key = snapshot.key

    def postings(self, keys: list[tuple]) -> dict[tuple, dict[int, float]]:
        parts, params = [], {}
        for i, (kind, field, words) in enumerate(keys):
            if field not in FIELDS:
                raise ValueError(f"no search field {field!r}")
            parts.append(f"SELECT {i}, item_id FROM search_documents WHERE {field} @@ CAST(%(q{i})s AS tsquery)")
            params[f"q{i}"] = tsquery(kind, words)
        # The version in the same statement: postings of a newer state than the snapshot's are
        # used, but not kept in it.
        parts.append("SELECT -1, version FROM content_version WHERE id = 1")
        found: list[list[int]] = [[] for _ in keys]
        docnum_by_id = self.snapshot.docnum_by_id
        for i, item_id in self.connection.exec_driver_sql(" UNION ALL ".join(parts), params):
            if i < 0:
                self.key = item_id
            elif item_id in docnum_by_id:  # (an item added since the snapshot: in the next one)
                found[i].append(docnum_by_id[item_id])
        return {key: self._scores(key, documents) for key, documents in zip(keys, found)}

    def _scores(self, key: tuple, documents: list[int]) -> dict[int, float]:
        kind, field, _words = key
        if kind == PREFIX:
            return dict.fromkeys(documents, 1.0)
        snapshot = self.snapshot
        idf = math.log(len(snapshot.meta) / (len(documents) + 1)) + 1
        average, lengths = snapshot.average_length[field], snapshot.lengths
        return {d: idf * (K1 + 1) / (1 + K1 * ((1 - B) + B * lengths[d].get(field, 0) / average)) for d in documents}

    def near_words(self, word: str, edits: int, prefix: int) -> list[tuple[str, int]]:
        return [tuple(row) for row in self.connection.exec_driver_sql(
            self.near_words_sql, {"word": word, "prefix": prefix, "edits": edits})]
