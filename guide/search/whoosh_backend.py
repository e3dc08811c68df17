"""The Whoosh search backend.

Layout of the index folder: one sub-folder per generation (gen-<n>) and a file CURRENT naming
the live one. A rebuild writes a new generation beside the live one and replaces CURRENT
atomically (os.replace), so searches keep working during a rebuild and a crash mid-rebuild
leaves the old index serving.

Updates come from the search journal (sync.py): the items each commit changed. Whoever holds
the writer lock writes them into the live generation and deletes the journal rows it wrote;
while a rebuild runs (it holds a lock on the file REBUILDING, which the system releases if the
process dies) rows are kept, and the rebuild writes them into its new generation after the
swap, so nothing committed meanwhile is lost. Rebuilds take turns on the same lock.
Segments are merged as they accumulate, and the whole generation when a tenth of its
documents are deleted ones, so the index stays about its built size.

Searchers are lent from a small pool (waitress serves from more threads than that); each search
refreshes the searcher it borrows so it sees new commits, this process's or another's. What all
searches share for one committed state (stored fields, facet bitsets, best bets, cached term
scores) is a Snapshot (snapshot.py).
"""
from __future__ import annotations

import fcntl
import logging
import os
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.exc import SQLAlchemyError
from whoosh import index, query
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.index import LockError
from zope.interface import implementer

from ..models import Item, SearchJournal
from .analysis import INDEX_FIELDS, KEYWORD_FIELDS, field_analyzers, init_jieba
from .documents import documents_by_code, item_documents
from .fallback import database_search
from .completion import most_used_codes
from .indexer import BackgroundIndexer
from .integrity import MANIFEST, damage, write_manifest, writer_lock
from .interfaces import ISearchService
from .query import PHRASE, PREFIX, Synonyms, parse
from .synonyms import SynonymSource
from .ranking import answer
from .results import SearchRequest, SearchResults
from .snapshot import Snapshot

log = logging.getLogger(__name__)

CURRENT = "CURRENT"
#: locked (flock) while a rebuild runs
REBUILDING = "REBUILDING"
#: journal rows written per index commit
BATCH = 2000
#: merge the whole generation when this share of its documents are deleted ones
MAX_DELETED_SHARE = 0.1
#: Raised when what the documents hold changes without the schema changing (the stored meta);
#: written into each generation, and a generation of another format is rebuilt at start.
INDEX_FORMAT = "3"
FORMAT_FILE = "FORMAT"
#: How old a change of the index folder must be before its mtime alone vouches for the state.
SETTLED_NS = 2_000_000_000
#: Searchers a process keeps (guide.search.searchers): one per core is enough.
SEARCHERS = 2


#: fields searched word by word only, never as phrases: the bigrams and the spelling vocabulary
NO_PHRASES = ("name_bigram", "spell_en")


def make_schema() -> Schema:
    """The index fields (analysis.INDEX_FIELDS, with their analysers), the code and the metadata."""
    analyzers = field_analyzers()
    fields = {name: KEYWORD(lowercase=True, scorable=True) if name in KEYWORD_FIELDS
              else TEXT(analyzer=analyzers[name], phrase=name not in NO_PHRASES) for name in INDEX_FIELDS}
    return Schema(code=ID(stored=True, unique=True), meta=STORED, **fields)


@implementer(ISearchService)
class WhooshSearch:
    def __init__(self, settings: dict, session_factory, versions=None):
        self.root = Path(settings["guide.search.index_dir"]).resolve()
        self.lock_timeout = float(settings.get("guide.search.lock_timeout", 10))
        content = Path(settings.get("guide.content_dir") or Path(__file__).resolve().parents[2] / "content")
        init_jieba()
        self.synonym_source = SynonymSource(session_factory.kw["bind"], versions)
        self.most_used = most_used_codes(content / "catalogue" / "most_used.csv")
        self.session_factory = session_factory
        #: searchers lent out or idle, at most `guide.search.searchers` of them
        self._slots = threading.BoundedSemaphore(int(settings.get("guide.search.searchers", SEARCHERS)))
        self._idle: list[tuple[str, int, object]] = []
        self._pool_lock = threading.Lock()
        self._indexes: dict[str, index.Index] = {}
        self._lock = threading.Lock()
        self._current_cache: tuple[int, str] | None = None
        self._snapshot: Snapshot | None = None
        self._indexer: BackgroundIndexer | None = None
        #: what is wrong with the live index, while searches fall back to the database
        self._damage: str | None = None
        #: the thread rebuilding a damaged index (tests join it)
        self.repair_thread: threading.Thread | None = None
        # Warm the converters and caches now, not in the first reader's request.
        parse("護照 passport", Synonyms())  # warm the converters now, not in a reader's request

    # -- generations -------------------------------------------------------------------------

    def current_generation(self) -> str | None:
        path = self.root / CURRENT
        try:
            mtime = path.stat().st_mtime_ns
        except FileNotFoundError:
            return None
        cached = self._current_cache
        if cached and cached[0] == mtime:
            return cached[1]
        name = path.read_text(encoding="utf-8").strip()
        self._current_cache = (mtime, name)
        return name

    def _index(self, generation: str) -> index.Index:
        with self._lock:
            ix = self._indexes.get(generation)
            if ix is None:
                ix = index.open_dir(str(self.root / generation))
                self._indexes[generation] = ix
            return ix

    def ensure_index(self, background: bool = False) -> None:
        """Rebuild when there is no index, or it cannot be opened, is outdated or damaged
        (start-up). With `background` (the app), an index that exists but is damaged is rebuilt
        in a thread while searches fall back to the database; the first index is always built
        before returning."""
        why = self._unusable()
        if why is None:
            return
        if background and any(self.root.glob("gen-*")):
            self._start_repair(why)
            return
        log.info("%s; building it", why)
        with self._rebuild_lock(wait=True):
            # Another process may have rebuilt it while this one waited for the lock.
            if self._unusable() is not None:
                self._rebuild_and_clean(None)

    def _unusable(self) -> str | None:
        """Why the live generation cannot serve, or None: it opens, has our schema and format,
        its files match their checksums and it holds every active item."""
        generation = self.current_generation()
        if not generation:
            return f"no search index in {self.root}"
        try:
            ix = self._index(generation)
            if sorted(ix.schema.names()) != sorted(make_schema().names()) or self._format(generation) != INDEX_FORMAT:
                return f"search index {generation} was built for another schema or format"
            problem = damage(self.root / generation)
            if problem:
                return f"search index {generation} is damaged: {problem}"
            with self.session_factory() as dbsession:
                pending = dbsession.scalar(select(SearchJournal.id).limit(1)) is not None
                active = dbsession.scalar(select(func.count(Item.id)).where(Item.active))
            if not pending and ix.doc_count() != active:
                return f"search index {generation} holds {ix.doc_count()} items, the database {active}"
        except SQLAlchemyError:
            raise
        except Exception as e:  # a damaged index of any kind: rebuild, the database is the truth
            return f"search index {generation} cannot be opened ({type(e).__name__}: {e})"
        return None

    def _start_repair(self, why: str) -> None:
        """Searches fall back to the database from now on, and a thread rebuilds the index."""
        with self._lock:
            if self._damage is None:
                log.error("%s: searching the database until a rebuild repairs it", why)
            self._damage = self._damage or why
            if self.repair_thread is not None and self.repair_thread.is_alive():
                return
            self.repair_thread = threading.Thread(target=self._repair, name="search-repair", daemon=True)
            self.repair_thread.start()

    def _repair(self) -> None:
        try:
            self.rebuild()
        except Exception:
            log.exception("rebuilding the damaged search index failed; searches keep using the database")
            return
        with self._lock:
            self._damage = None
        log.info("search index repaired")

    def close(self) -> None:
        # The indexer first: it would go on reading the database (whose engine its owner may
        # dispose of next) until this service is collected.
        if self._indexer is not None:
            self._indexer.stop()
        with self._pool_lock:
            idle, self._idle = self._idle, []
        for _generation, _checked, searcher in idle:
            searcher.close()

    def health(self) -> str:
        """"ok", or "degraded" while searches fall back to the database."""
        return "ok" if self._damage is None and self.current_generation() else "degraded"

    def _format(self, generation: str) -> str | None:
        try:
            return (self.root / generation / FORMAT_FILE).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None

    @contextmanager
    def _rebuild_lock(self, wait: bool):
        """The rebuild lock, held for the block; BlockingIOError when not `wait` and it is held."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.root / REBUILDING, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            yield
        finally:
            os.close(fd)  # releases the lock

    def _rebuild_running(self) -> bool:
        try:
            with self._rebuild_lock(wait=False):
                return False
        except BlockingIOError:
            return True

    def rebuild(self, progress=None) -> int:
        with self._rebuild_lock(wait=True):
            return self._rebuild_and_clean(progress)

    def _rebuild_and_clean(self, progress) -> int:
        """Under the rebuild lock: a new generation, then the old ones removed (not while another
        rebuild could be making one)."""
        generation, count = self._rebuild(progress)
        self._cleanup(keep={generation})
        return count

    def _rebuild(self, progress) -> tuple[str, int]:
        # Changes committed before the documents are read are in the new generation...
        with self.session_factory() as dbsession:
            included = dbsession.scalars(select(SearchJournal.id)).all()
        generation, count = self._build(progress)
        problem = damage(self.root / generation)
        if problem:  # read back wrong: never swap in a generation that does not check out
            raise OSError(f"the new search index {generation} is damaged: {problem}")
        tmp = self.root / f"{CURRENT}.tmp"
        tmp.write_text(generation, encoding="utf-8")
        os.replace(tmp, self.root / CURRENT)
        self._forget(included)
        # ...and what was committed while they were read is written into it now.
        while self._write_journal(generation, rebuilding=True):
            pass
        return generation, count

    def _build(self, progress) -> tuple[str, int]:
        generation = f"gen-{time.time_ns()}"
        folder = self.root / generation
        folder.mkdir()
        ix = index.create_in(str(folder), make_schema())
        writer = ix.writer(limitmb=256)
        count = 0
        try:
            with self.session_factory() as dbsession:
                documents = list(item_documents(dbsession))
            for count, document in enumerate(documents, start=1):
                writer.add_document(**document)
                if progress and (count % 200 == 0 or count == len(documents)):
                    progress("index", count, len(documents))
            writer.commit(optimize=True)
            (folder / FORMAT_FILE).write_text(INDEX_FORMAT, encoding="utf-8")
            write_manifest(folder)
        except BaseException:
            writer.cancel()
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return generation, count

    def _cleanup(self, keep: set[str]) -> None:
        # Keep the newest older generation too: a searcher may still be reading it. A folder
        # with no manifest is a build that never finished (a killed rebuild): never kept.
        generations = sorted((p for p in self.root.glob("gen-*") if p.is_dir()), key=lambda p: p.name)
        unfinished = [p for p in generations if p.name not in keep and not (p / MANIFEST).exists()]
        finished = [p for p in generations if p.name not in keep and p not in unfinished]
        for old in unfinished + finished[:-1]:
            shutil.rmtree(old, ignore_errors=True)
            with self._lock:
                self._indexes.pop(old.name, None)

    # -- updates -----------------------------------------------------------------------------

    def start_background(self, poll_seconds: float = 1.0) -> None:
        """Index in a thread of this process from now on (the app); otherwise commits are
        indexed before journal_written returns (scripts, tests)."""
        self._indexer = BackgroundIndexer(self, poll_seconds)
        self._indexer.start()

    @property
    def indexer(self) -> BackgroundIndexer | None:
        return self._indexer

    def journal_written(self) -> None:
        if self._indexer is not None:
            self._indexer.wake()
            return
        try:
            while self.index_pending():
                pass
        except LockError:
            log.error("search index is locked by another writer; the journal keeps the change for the next update")

    def index_pending(self) -> int:
        """Write journalled items into the live generation: the number of journal rows done
        (0 when there was nothing to do, or the rows must wait for a rebuild)."""
        generation = self.current_generation()
        if generation is None or self._rebuild_running():
            return 0  # no index yet, or one is being built: the build takes the journal
        return self._write_journal(generation, rebuilding=False)

    def _write_journal(self, generation: str, rebuilding: bool) -> int:
        with self.session_factory() as dbsession:
            if dbsession.scalar(select(SearchJournal.id).limit(1)) is None:
                return 0  # the usual case: no writer lock taken
        ix = self._index(generation)
        writer = ix.writer(timeout=self.lock_timeout)
        try:
            with self.session_factory() as dbsession:
                rows = dbsession.execute(select(SearchJournal.id, SearchJournal.item_id)
                                         .order_by(SearchJournal.id).limit(BATCH)).all()
                if not rows:  # another process wrote them while this one waited for the lock
                    writer.cancel()
                    return 0
                item_ids = {item_id for _id, item_id in rows}
                if None in item_ids:
                    item_ids = set(dbsession.scalars(select(Item.id)))
                codes = dict(dbsession.execute(select(Item.id, Item.code).where(Item.id.in_(item_ids))).all())
            documents, broken = self._documents(item_ids)
            for item_id, code in codes.items():
                if item_id in broken:
                    continue  # keeps its old entry
                if code in documents:
                    writer.update_document(**documents[code])
                else:
                    writer.delete_by_term("code", code)
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        self._merge_if_worn(ix)
        with writer_lock(ix, self.lock_timeout):  # no other writer half-way through a file
            write_manifest(self.root / generation)
        # Rows stay while another process rebuilds, or if the generation was swapped since:
        # the new generation must get them too.
        if not rebuilding and (self._rebuild_running() or self.current_generation() != generation):
            return 0
        self._forget([row_id for row_id, _ in rows])
        return len(rows)

    def _documents(self, item_ids) -> tuple[dict[str, dict], set[int]]:
        with self.session_factory() as dbsession:
            return documents_by_code(dbsession, item_ids)

    def _forget(self, journal_ids: list[int]) -> None:
        for start in range(0, len(journal_ids), BATCH):
            with self.session_factory() as dbsession, dbsession.begin():
                dbsession.execute(delete(SearchJournal).where(SearchJournal.id.in_(journal_ids[start:start + BATCH])))

    def _merge_if_worn(self, ix) -> None:
        with ix.reader() as reader:
            total, live = reader.doc_count_all(), reader.doc_count()
        if total and total - live > MAX_DELETED_SHARE * total:
            writer = ix.writer(timeout=self.lock_timeout)
            writer.commit(optimize=True)

    # -- searching ---------------------------------------------------------------------------

    @contextmanager
    def _searching(self):
        """A searcher on the live generation, refreshed to the latest commit, and the snapshot
        every search shares for that state; (None, None) without an index. Searchers are lent
        from a pool of `guide.search.searchers` (each holds about 12 MB of the index): with one
        interpreter lock more would not search faster, only hold more memory."""
        generation = self.current_generation()
        if generation is None:
            yield None, None
            return
        with self._slots:
            with self._pool_lock:
                # Searchers of an older generation (a rebuild swapped it) hold its files open.
                stale = [entry for entry in self._idle if entry[0] != generation]
                self._idle = [entry for entry in self._idle if entry[0] == generation]
                lent = self._idle.pop() if self._idle else None
            for _generation, _checked, old in stale:
                old.close()
            searcher, checked = self._fresh(lent, generation)
            try:
                key = (generation, searcher.reader().generation())
                snapshot = self._snapshot
                if snapshot is None or snapshot.key != key:
                    snapshot = Snapshot(key, {d: fields["meta"] for d, fields in searcher.reader().iter_docs()})
                    self._snapshot = snapshot
                yield searcher, snapshot
            finally:
                with self._pool_lock:
                    self._idle.append((generation, checked, searcher))

    def _fresh(self, lent, generation: str):
        """(searcher, the folder mtime it was checked at): the lent one when still current."""
        # Whoosh's own check (up_to_date) lists the index folder, a fifth of a search's time
        # under load. A commit adds a file to the folder and so changes its mtime: while the
        # mtime is the one seen at the last check, nothing was committed since. A change less
        # than two seconds old is checked anyway, for file systems with a coarse clock.
        folder_mtime, settled = self._folder_mtime(generation)
        if lent is not None:
            lent_generation, checked, searcher = lent
            if lent_generation == generation and checked == folder_mtime and settled:
                return searcher, checked
            # Not searcher.refresh(): it reuses segment readers and then misses deletions made
            # since (an updated document showed up twice).
            if lent_generation == generation and searcher.up_to_date():
                return searcher, folder_mtime
            searcher.close()
        return self._index(generation).searcher(), folder_mtime

    def _folder_mtime(self, generation: str) -> tuple[int, bool]:
        """The generation folder's mtime, and whether it is settled: a change less than two
        seconds old may be followed by another within the same tick of a coarse clock."""
        mtime = os.stat(self.root / generation).st_mtime_ns
        return mtime, time.time_ns() - mtime >= SETTLED_NS

    @property
    def synonyms(self) -> Synonyms:
        """The synonyms as this process knows them now (synonyms.py)."""
        return self.synonym_source.current()

    def state(self) -> str | None:
        generation = self.current_generation()
        if generation is None or self._damage is not None:
            return None  # answers from the fallback are not to be kept
        try:
            mtime, settled = self._folder_mtime(generation)
        except OSError:
            return None  # a rebuild swapped generations meanwhile
        return f"{generation}-{mtime:x}" if settled else None

    def search(self, request, synonyms: Synonyms | None = None, pinned: list[str] | None = None) -> SearchResults:
        synonyms = synonyms or self.synonyms
        found = self._from_index(lambda: self._search_index(request, synonyms, pinned), "searching the index")
        return found if found is not None else database_search(self.session_factory, synonyms, request)

    def _from_index(self, work, what: str):
        """work()'s answer; None while the index is damaged, or when work() finds it damaged (a
        repair starts, and the caller answers from the database meanwhile)."""
        if self._damage is not None:
            return None
        try:
            return work()
        except SQLAlchemyError:
            raise  # the database, not the index
        except Exception as e:  # a damaged index of any kind
            self._start_repair(f"{what} failed ({type(e).__name__}: {e})")
            return None

    def _search_index(self, request, synonyms: Synonyms, pinned: list[str] | None) -> SearchResults:
        parsed = parse(request.text, synonyms)
        with self._searching() as (searcher, snapshot):
            if searcher is None:
                raise FileNotFoundError(f"{self.root / CURRENT} is missing")
            return answer(request, parsed, snapshot, WhooshPostings(searcher, snapshot.key), self.most_used, pinned)

    def suggest(self, prefix: str, lang: str, limit: int = 8) -> list[tuple[str, str]]:
        """Completions of what was typed (completion.py), the most used items first."""
        if not prefix.strip():
            return []
        found = self._from_index(lambda: self._complete(prefix, lang, limit), "completing from the index")
        if found is not None:
            return found
        results = database_search(self.session_factory, self.synonyms,
                                  SearchRequest(text=prefix, lang=lang, per_page=limit))
        return [(h.code, h.name_en if lang == "en" else h.name_zh) for h in results.hits]

    def _complete(self, prefix: str, lang: str, limit: int) -> list[tuple[str, str]]:
        with self._searching() as (searcher, snapshot):
            if searcher is None:
                raise FileNotFoundError(f"{self.root / CURRENT} is missing")
            completer = snapshot.completer(self.synonyms, self.most_used)
        meta = snapshot.meta
        return [(meta[d]["code"], meta[d]["name_en" if lang == "en" else "name_zh"])
                for d in completer.complete(prefix, limit)]


class WhooshPostings:
    """The documents of clauses, read from one Whoosh searcher (snapshot.Postings)."""

    def __init__(self, searcher, key):
        self.searcher, self.key = searcher, key

    def postings(self, keys: list[tuple]) -> dict[tuple, dict[int, float]]:
        return {key: self._postings(*key) for key in keys}

    def _postings(self, kind: str, fieldname: str, text) -> dict[int, float]:
        searcher = self.searcher
        if kind == PHRASE:
            return {hit.docnum: hit.score for hit in searcher.search(query.Phrase(fieldname, list(text)), limit=None)}
        if kind == PREFIX:
            # Whoosh scores a prefix as a constant, however many terms it expands to.
            field = searcher.schema[fieldname]
            docnums: set[int] = set()
            for btext in searcher.reader().expand_prefix(fieldname, text):
                docnums.update(self._postings("term", fieldname, field.from_bytes(btext)))
            return dict.fromkeys(docnums, 1.0)
        found = {}
        try:
            btext = searcher.schema[fieldname].to_bytes(text)
        except ValueError:
            return found
        if (fieldname, btext) in searcher.reader():
            matcher = searcher.postings(fieldname, btext)  # deleted documents filtered out
            while matcher.is_active():
                found[matcher.id()] = matcher.score()
                matcher.next()
        return found

    def near_words(self, word: str, edits: int, prefix: int) -> list[tuple[str, int]]:
        # Whoosh's own suggester: a Levenshtein automaton over the field's words
        reader = self.searcher.reader()
        return [(w, reader.doc_frequency("spell_en", w))
                for w in self.searcher.suggest("spell_en", word, limit=5, maxdist=edits, prefix=prefix)]
