"""The `guide` command: init-db, import-catalogue, load-content, export-content, reindex, best-bet,
translation-status, users, publish-due and demo."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError, ProgrammingError

from .. import migrations
from ..accounts.service import AccountError, Accounts
from ..audit import Actor
from ..clock import SystemClock
from ..catalogue import importer
from ..catalogue.importer import CatalogueInvalid, import_catalogue
from ..catalogue.sources import SourceError
from ..content import export_content, load_content
from ..limits import server_limits
from ..models import Item, get_engine, get_session_factory, transaction_scope
from ..places.loader import ContentInvalid
from ..search import bestbets, make_search_service, search_backend
from ..search.query import normalize_query
from ..security import ROLES
from ..settings import data_path, from_environment
from ..translations import translation_status
from ..workflow.service import GuideWorkflow

#: exit status for "temporary failure, try again" (sysexits.h), which cron and systemd understand
EX_TEMPFAIL = 75
#: the sample content: the wheel's packaged copy, or the source tree's content/ (guide.settings)
DEFAULT_CONTENT = data_path("content")


def load_settings(args) -> dict:
    """The .ini's [app:main], then the environment over it (as the app reads them), then the
    command line's --database-url and --index-dir over both."""
    settings: dict = {}
    config = getattr(args, "config", None)
    if config:
        from plaster import get_settings

        settings.update(get_settings(config, "app:main"))
    settings = from_environment(settings)
    if getattr(args, "database_url", None):
        settings["sqlalchemy.url"] = args.database_url
    if getattr(args, "index_dir", None):
        settings["guide.search.index_dir"] = args.index_dir
    if "sqlalchemy.url" not in settings:
        raise SystemExit("guide: no database: give -c development.ini, --database-url or GUIDE_DATABASE_URL")
    return settings


class Env:
    """An engine, a session factory and a clock for one command run."""

    def __init__(self, settings: dict, search: bool = True, ensure_index: bool = False, clock=None):
        self.settings = settings
        self.clock = clock or SystemClock()
        self.engine = get_engine(settings)
        self.session_factory = get_session_factory(self.engine)
        # With an index configured, changes these commands commit reach it as in the app.
        # (Commands that only read leave it out: it loads jieba, about two seconds.) A backend
        # that writes its index in the content's transaction is attached to every command: a
        # change committed without it would not be searchable until the next start.
        self.search = None
        in_transaction = getattr(search_backend(settings), "writes_in_transaction", False)
        if in_transaction or (search and settings.get("guide.search.index_dir")):
            self.search = make_search_service(settings, self.session_factory)
            # An index missing or built for an older schema could not take this run's changes.
            if ensure_index:
                self.search.ensure_index()

    def transaction(self):
        return transaction_scope(self.session_factory)

    def close(self) -> None:
        if self.search is not None:
            self.search.close()
        self.engine.dispose()


def progress(phase: str, done: int, total: int) -> None:
    if phase == "read":
        print(f"read {done} rows, validating…", file=sys.stderr)
    else:
        print(f"{phase}: {done}/{total} items", file=sys.stderr)


def do_init_db(env: Env) -> None:
    migrations.upgrade(env.engine)
    print(f"database ready at {env.engine.url.render_as_string(hide_password=True)}")


def do_import(env: Env, path, dry_run: bool = False) -> int:
    try:
        if dry_run:
            with env.transaction() as dbsession:
                report = importer.dry_run(dbsession, path, progress=progress)
            print_changes(report)
            print(f"{report.summary()} (a dry run: nothing was imported)")
            return 0
        with env.transaction() as dbsession:
            report = import_catalogue(dbsession, path, progress=progress)
    except CatalogueInvalid as e:
        for error in e.errors[:importer.MAX_ERRORS_SHOWN]:
            print(f"error: {error}", file=sys.stderr)
        print(f"{len(e.errors)} error(s); nothing was imported", file=sys.stderr)
        return 1
    except SourceError as e:
        print(f"error: {e}; nothing was imported", file=sys.stderr)
        return 1
    print(report.summary())
    return 0


def print_changes(report, width: int = 80) -> None:
    """What an import adds, changes (field by field) and removes."""
    def short(value) -> str:
        text = " ".join(str(value).split())
        return text if len(text) <= width else text[:width - 1] + "…"

    for code in report.added:
        print(f"+ {code}")
    for code in report.changed:
        print(f"~ {code}")
        for name, before, after in report.changes.get(code, []):
            print(f"    {name}: {short(before)} → {short(after)}")
    for code in report.removed:
        print(f"- {code} (deactivated)")


def do_load_content(env: Env, content: Path, overwrite: bool = False) -> int:
    try:
        with env.transaction() as dbsession:
            loaded = load_content(dbsession, content, overwrite=overwrite)
    except ContentInvalid as e:
        for error in e.errors:
            print(f"error: {error}", file=sys.stderr)
        print("nothing was loaded", file=sys.stderr)
        return 1
    print(loaded.summary())
    if loaded.kept:
        print(f"kept {len(loaded.kept)} guide(s) edited on the web (--overwrite replaces them with the files): "
              + ", ".join(loaded.kept), file=sys.stderr)
    return 0


def do_export_content(env: Env, folder: Path) -> int:
    if folder.exists() and not folder.is_dir():
        print(f"guide: {folder} is not a folder", file=sys.stderr)
        return 2
    with env.transaction() as dbsession:
        counts = export_content(dbsession, folder)
    print(", ".join(f"{n} {what}" for what, n in counts.items()) + f" written to {folder}")
    return 0


def do_publish_due(env: Env) -> int:
    with env.transaction() as dbsession:
        published = [(r.guide.item.code, r.guide.locale, r.number)
                     for r in GuideWorkflow(dbsession, env.clock.now()).publish_due()]
    for code, locale, number in published:
        print(f"published {code} {locale} revision {number}")
    print(f"{len(published)} scheduled revision(s) published")
    return 0


def read_password() -> str:
    """The first line of standard input (so it is never in the shell's history or `ps`)."""
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass("password (at least 12 characters): ")
    return sys.stdin.readline().rstrip("\r\n")


def do_users(env: Env, args) -> int:
    if args.action != "list" and not args.name:
        print("guide: give the user's NAME", file=sys.stderr)
        return 2
    if args.action == "set-role" and not args.role_name:
        print("guide: give the ROLE: " + ", ".join(ROLES), file=sys.stderr)
        return 2
    # Asked before the transaction begins: on SQLite it holds the write lock, and nobody
    # should wait while someone types.
    password = read_password() if args.action in ("add", "reset-password") else None
    try:
        with env.transaction() as dbsession:
            accounts = Accounts(dbsession, env.clock.now(), Actor.system(f"cli:{getpass_user()}", "cli"))
            if args.action == "list":
                for user in accounts.all():
                    state = "active" if user.active else "disabled"
                    last = user.last_login_at.isoformat(timespec="minutes") if user.last_login_at else "never"
                    print(f"{user.username}\t{user.role}\t{state}\tlast login {last}")
            elif args.action == "add":
                user = accounts.add(args.name, args.role, password)
                print(f"added {user.username} ({user.role})")
            elif args.action == "set-role":
                user = accounts.set_role(args.name, args.role_name)
                print(f"{user.username} is now {user.role}")
            elif args.action in ("disable", "enable"):
                user = accounts.set_active(args.name, args.action == "enable")
                print(f"{user.username} is {'enabled' if user.active else 'disabled'}")
            else:
                user = accounts.reset_password(args.name, password)
                print(f"new password set for {user.username}; their sessions have ended")
    except AccountError as e:
        print(f"guide: {e}", file=sys.stderr)
        return 1
    return 0


def getpass_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def do_reindex(env: Env) -> int:
    if env.search is None:
        print("guide: no search index configured: set guide.search.index_dir in the .ini, --index-dir "
              "or GUIDE_INDEX_DIR", file=sys.stderr)
        return 1
    count = env.search.rebuild(progress=progress)
    print(f"search index rebuilt: {count} items")
    return 0


def do_check_content(env: Env, content: Path, fmt: str) -> int:
    from ..checks import RulesInvalid, check

    try:
        with env.transaction() as dbsession:
            report = check(dbsession, content)
    except RulesInvalid as e:
        for problem in e.problems:
            print(f"guide: {problem}", file=sys.stderr)
        return 2
    sys.stdout.write(report.as_json() if fmt == "json" else report.as_text())
    return 1 if report.failed else 0


def do_best_bet(env: Env, args) -> int:
    try:
        with env.transaction() as dbsession:
            if args.action == "add":
                bestbets.add(dbsession, args.query, args.code, args.rank)
                print(f"pinned {args.code} to “{normalize_query(args.query)}”")
            elif args.action == "remove":
                if not bestbets.remove(dbsession, args.query, args.code):
                    print(f"no best bet {args.code} for “{normalize_query(args.query)}”", file=sys.stderr)
                    return 1
                print(f"removed {args.code} from “{normalize_query(args.query)}”")
            else:
                for query, code, rank in bestbets.all_bets(dbsession):
                    print(f"{query}\t{code}\t{rank}")
    except bestbets.BestBetError as e:
        print(f"guide: {e}", file=sys.stderr)
        return 1
    if args.action != "list" and env.search is None:
        # Searches read best bets from the index, which only a configured index can take.
        print("guide: no search index given (-c, --index-dir or GUIDE_INDEX_DIR): a running site's indexer "
              "takes this change from the search journal within seconds; otherwise searches show it after "
              "`guide reindex`", file=sys.stderr)
    return 0


def do_translation_status(env: Env, show_all: bool) -> int:
    with env.transaction() as dbsession:
        reports = translation_status(dbsession)
    for report in reports:
        print(f"== {report.locale}")
        if report.converted:
            print(f"converted automatically from zh-Hans: {report.converted} fields and guides")
        kinds = sorted(set(report.missing) | set(report.stale))
        for kind in kinds:
            print(f"{kind}: {len(report.missing.get(kind, []))} missing, {len(report.stale.get(kind, []))} stale")
        if not kinds:
            print("nothing missing or stale")
        for label, entries in (("missing", report.missing), ("stale", report.stale)):
            for kind in sorted(entries):
                shown = entries[kind] if show_all else entries[kind][:20]
                for entry in shown:
                    print(f"  {label} {kind} {entry}")
                if len(shown) < len(entries[kind]):
                    print(f"  … and {len(entries[kind]) - len(shown)} more {label} {kind} (--all lists them)")
    return 0


def prepare_demo(data_dir: Path) -> dict | None:
    """The SQLite database under data_dir, migrated, with the sample catalogue and content:
    the settings to serve it with, or None when loading failed. A second run reuses the
    catalogue it finds (content is reloaded: it is quick and idempotent)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    # The environment applies (GUIDE_SECRET, GUIDE_BASE_URL, ...), except where the demo keeps
    # its data: a GUIDE_DATABASE_URL exported for a real site must not get the sample loaded.
    own = {
        "sqlalchemy.url": f"sqlite:///{data_dir / 'guide.sqlite'}",
        "guide.search.index_dir": str(data_dir / "index"),
        "guide.search.backend": "whoosh",
        "guide.content_dir": str(DEFAULT_CONTENT),
    }
    for name in ("GUIDE_DATABASE_URL", "GUIDE_INDEX_DIR", "GUIDE_SEARCH_BACKEND", "GUIDE_CONTENT_DIR"):
        if os.environ.get(name):
            print(f"guide demo: {name} is ignored: the demo keeps its data in {data_dir}", file=sys.stderr)
    settings = from_environment({
        "pyramid.default_locale_name": "zh_Hans",
        "guide.template_cache": str(data_dir / "templates"),
        "guide.secret": demo_secret(data_dir),
    }) | own
    # The index is built when the app starts, from the loaded database.
    env = Env(settings, ensure_index=False)
    do_init_db(env)
    with env.transaction() as dbsession:
        has_items = dbsession.scalar(select(func.count(Item.id)))
    if has_items:
        print(f"reusing the catalogue in {data_dir} ({has_items} items)")
    elif do_import(env, DEFAULT_CONTENT / "catalogue"):
        return None
    if do_load_content(env, DEFAULT_CONTENT):
        return None
    env.close()
    return settings


def demo_secret(data_dir: Path) -> str:
    """The demo's session secret, made once and kept beside its database (GUIDE_SECRET wins)."""
    path = data_dir / "secret"
    if not path.exists():
        import secrets

        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


def do_demo(args) -> int:
    settings = prepare_demo(Path(args.data_dir).resolve())
    if settings is None:
        return 1
    from waitress import serve

    from .. import main as make_app

    app = make_app({}, **settings)
    print(f"serving on http://127.0.0.1:{args.port}/zh-hans/ (editor: http://127.0.0.1:{args.port}/editor/)",
          flush=True)
    print("an editor account: guide users add NAME --role admin --database-url "
          f"{settings['sqlalchemy.url']} (the password is read from standard input)", flush=True)
    serve(app, host="127.0.0.1", port=args.port, threads=8, **server_limits())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="guide", description="Huizhou service guide")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_db(p):
        p.add_argument("-c", "--config", help="an .ini file with [app:main] sqlalchemy.url")
        p.add_argument("--database-url", help="overrides the .ini's sqlalchemy.url")
        p.add_argument("--index-dir", help="overrides the .ini's guide.search.index_dir")
        return p

    with_db(sub.add_parser("init-db", help="create or upgrade the database schema"))
    p = with_db(sub.add_parser("import-catalogue", help="import the item catalogue (all or nothing)"))
    p.add_argument("path", help="a folder of CSV files, an .xlsx workbook or a .json file")
    p.add_argument("--dry-run", action="store_true",
                   help="list what would be added, changed (field by field) and removed, and import nothing")
    p = with_db(sub.add_parser("load-content", help="load centers, windows, hours and editorial guides"))
    p.add_argument("--content", help="the content folder (default: guide.content_dir, GUIDE_CONTENT_DIR or the "
                                      "sample content)")
    p.add_argument("--overwrite", action="store_true",
                   help="replace guides edited on the web with the files' text (otherwise they are kept)")
    p = with_db(sub.add_parser("export-content", help="write the editorial content kept in the database "
                               "(guides, bundles, notices, synonyms, best bets) as files load-content reads"))
    p.add_argument("folder", help="where to write them (files there of the same names are replaced)")
    with_db(sub.add_parser("publish-due", help="publish scheduled guides whose time has come "
                                               "(idempotent: run it every minute)"))
    p = with_db(sub.add_parser("users", help="editorial accounts: add, set-role, disable, enable, reset-password, list",
                               description="The password of add and reset-password is the first line of standard "
                                           "input (at least 12 characters)."))
    p.add_argument("action", choices=("add", "set-role", "disable", "enable", "reset-password", "list"))
    p.add_argument("name", nargs="?", default="")
    p.add_argument("role_name", nargs="?", default="", metavar="ROLE", help="for set-role: " + ", ".join(ROLES))
    p.add_argument("--role", choices=ROLES, default="editor", help="for add (default editor)")
    p = with_db(sub.add_parser("translation-status", help="missing and stale translations, per locale"))
    p.add_argument("--all", action="store_true", help="list every entry, not the first 20 of each kind")
    p = with_db(sub.add_parser("check-content", help="check what the site serves against the content rules "
                                                     "(exit status 1 on any error)"))
    p.add_argument("--content", help="the content folder (rule tables, glossary; default: guide.content_dir, "
                                      "GUIDE_CONTENT_DIR or the sample content)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    with_db(sub.add_parser("reindex", help="rebuild the search index beside the live one and swap it in"))
    p = with_db(sub.add_parser("best-bet", help="pin an item to the top of a query's results"))
    p.add_argument("action", choices=("add", "remove", "list"))
    p.add_argument("query", nargs="?", default="")
    p.add_argument("code", nargs="?", default="")
    p.add_argument("--rank", type=int, default=1, help="order among items pinned to one query")
    p = sub.add_parser("demo", help="set up a SQLite demo with the sample data and serve it")
    p.add_argument("--port", type=int, default=6543)
    p.add_argument("--data-dir", default="var")
    return parser


def main(argv=None, clock=None) -> int:
    """`clock` (an object with now()) is for tests: publish-due with the time moved."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    args = build_parser().parse_args(argv)
    try:
        return run(args, clock)
    except OperationalError as e:
        if "locked" in str(e.orig):  # SQLite, another writer busy: the next run will do it
            print("guide: the database is busy (another writer holds it); try again", file=sys.stderr)
            return EX_TEMPFAIL
        print(f"guide: the database is not ready ({e.orig}); run `guide init-db` first", file=sys.stderr)
        return 1
    except ProgrammingError as e:
        print(f"guide: the database is not ready ({e.orig}); run `guide init-db` first", file=sys.stderr)
        return 1


def run(args, clock=None) -> int:
    if args.command == "demo":
        return do_demo(args)
    # Commands that change indexed data need an index that can take the change; init-db runs
    # before there are tables to build one from, and reindex builds its own. Reading commands
    # and account changes touch nothing indexed; publish-due runs every minute, so it leaves
    # the journal to the running site's indexer rather than load jieba each time.
    without_index = (args.command in ("init-db", "translation-status", "users", "publish-due", "check-content",
                                      "export-content")
                     or getattr(args, "action", None) == "list")
    env = Env(load_settings(args), search=not without_index,
              ensure_index=args.command in ("import-catalogue", "load-content", "best-bet"),
              clock=clock)
    try:
        return COMMANDS[args.command](env, args)
    finally:
        env.close()


def content_dir(env: Env, args) -> Path:
    return Path(args.content or env.settings.get("guide.content_dir") or DEFAULT_CONTENT)


def _init_db(env: Env, args) -> int:
    do_init_db(env)
    return 0


def _best_bet(env: Env, args) -> int:
    if args.action != "list" and not (args.query and args.code):
        print("guide: best-bet add/remove need a QUERY and an item CODE", file=sys.stderr)
        return 2
    return do_best_bet(env, args)


COMMANDS = {
    "init-db": _init_db,
    "import-catalogue": lambda env, args: do_import(env, args.path, args.dry_run),
    "load-content": lambda env, args: do_load_content(env, content_dir(env, args), args.overwrite),
    "export-content": lambda env, args: do_export_content(env, Path(args.folder)),
    "publish-due": lambda env, args: do_publish_due(env),
    "users": do_users,
    "translation-status": lambda env, args: do_translation_status(env, args.all),
    "reindex": lambda env, args: do_reindex(env),
    "check-content": lambda env, args: do_check_content(env, content_dir(env, args), args.format),
    "best-bet": _best_bet,
}


if __name__ == "__main__":
    sys.exit(main())
