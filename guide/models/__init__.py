"""Database wiring, after pyramid-cookiecutter-starter: one transaction-managed session a request."""
from contextlib import contextmanager

import transaction
from sqlalchemy import engine_from_config, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import configure_mappers, sessionmaker
import zope.sqlalchemy

from . import timeouts as db_timeouts
from .audit import AuditEvent  # noqa: F401
from .bundles import Bundle, BundleItem  # noqa: F401
from .catalogue import Department, Item, ItemTopic, Material  # noqa: F401
from .centers import District, ServiceCenter, Window  # noqa: F401
from .content import ContentVersion  # noqa: F401
from .feedback import Feedback  # noqa: F401
from .forms import MaterialForm  # noqa: F401
from .guides import Guide, GuideRevision, GuideSourceChange  # noqa: F401
from .hours import CalendarDay, Schedule, ScheduleException, ScheduleInterval  # noqa: F401
from .meta import Base  # noqa: F401
from .notices import Notice  # noqa: F401
from .outage import Outage
from .search import BestBet, SearchJournal, Synonym  # noqa: F401
from .translations import TranslationSource  # noqa: F401
from .uploads import CatalogueUpload  # noqa: F401
from .users import LoginFailure, User  # noqa: F401

# Fail at import, not at the first request, when a relationship is misdeclared.
configure_mappers()


#: Execution option of a connection whose transaction will write (guide.models.writes). On
#: SQLite a transaction that reads and then writes must say so when it begins: otherwise a
#: writer committing in between makes its write fail at once ("database is locked").
WRITES = "guide_writes"


def _sqlite_connect(dbapi_connection, connection_record):
    # The driver would begin a transaction only before the first write, so the reads before it
    # would see whatever was committed at that moment and two writers could act on the same
    # stale read. Transactions are begun by _sqlite_begin instead (SQLAlchemy's recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # SQLite ignores foreign keys (and ON DELETE CASCADE) unless asked, per connection.
    cursor.execute("PRAGMA foreign_keys=ON")
    # Readers and the writer do not block each other (a file database; memory ignores it).
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _sqlite_begin(connection):
    # A transaction that writes takes the write lock when it begins: writers wait for each other
    # (up to the driver's timeout) and each sees what the one before it committed.
    immediate = connection.get_execution_options().get(WRITES)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def get_engine(settings, prefix="sqlalchemy.", timeouts=False, **kwargs) -> Engine:
    """An engine for the settings' database; with `timeouts`, the app's: one that waits only
    seconds for a PostgreSQL that stops answering (guide.models.timeouts)."""
    url = str(settings.get(f"{prefix}url", ""))
    if timeouts and url.startswith("postgresql"):
        kwargs.update(db_timeouts.engine_options(settings, url, kwargs.get("connect_args", {})))
    if url.startswith("sqlite"):
        # How long a writer waits for another to finish before giving up (the driver's 5 s is
        # short for a rebuild's or an import's commit).
        kwargs.setdefault("connect_args", {}).setdefault("timeout", 15)
    engine = engine_from_config(settings, prefix, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    if timeouts:
        db_timeouts.watch(engine, settings)
    return engine


def writes(dbsession):
    """Begin this session's transaction as one that writes (PostgreSQL needs nothing more)."""
    dbsession.connection(execution_options={WRITES: True})
    return dbsession


def get_session_factory(engine):
    from ..content_version import attach as attach_content_version
    from ..search.sync import attach_journal

    factory = sessionmaker(bind=engine)
    # Every writer, app or command, notes what the search index must catch up on, and that
    # content changed (the version HTTP caching keys on).
    attach_journal(factory)
    attach_content_version(factory)
    return factory


def get_tm_session(session_factory, transaction_manager, request=None):
    """A session joined to the transaction manager: committed or aborted with it, never by hand."""
    dbsession = session_factory(info={"request": request})
    zope.sqlalchemy.register(dbsession, transaction_manager=transaction_manager)
    return dbsession


@contextmanager
def transaction_scope(session_factory):
    """A session for scripts and tests: its work commits at the end of the block, or is undone
    on an exception (`with transaction.manager:` semantics, with a manager of its own)."""
    tm = transaction.TransactionManager(explicit=True)
    with tm:
        yield writes(get_tm_session(session_factory, tm))


def includeme(config):
    settings = config.get_settings()
    settings["tm.manager_hook"] = "pyramid_tm.explicit_manager"
    # pyramid_tm would look the user up in its own tween, outside the error pages: a database
    # that does not answer there is a bare 500. Views look the user up themselves.
    settings["tm.annotate_user"] = "false"
    # Retries read the whole body first, to replay it: not for a body over the size limit.
    settings.setdefault("retry.activate_hook", "guide.limits.retry_attempts")

    config.include("pyramid_tm")
    config.include("pyramid_retry")

    outage = config.registry["database_outage"] = Outage()
    dbengine = settings.get("dbengine")
    if dbengine is None:  # (an engine handed in is the caller's: tests share one among apps)
        dbengine = get_engine(settings, timeouts=True)
        outage.follow(dbengine)
    session_factory = get_session_factory(dbengine)
    config.registry["dbsession_factory"] = session_factory
    config.registry["dbengine"] = dbengine

    def dbsession(request):
        # Tests may hand in their own session bound to an outer transaction.
        dbsession = request.environ.get("app.dbsession")
        if dbsession is None:
            dbsession = get_tm_session(session_factory, request.tm, request=request)
            if request.method not in ("GET", "HEAD", "OPTIONS"):
                writes(dbsession)  # changes come from these
        return dbsession

    config.add_request_method(dbsession, reify=True)
