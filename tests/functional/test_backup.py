"""Backups: tools/backup.sh and tools/restore.sh carry the whole session database (the sample
catalogue, its guides and audit log, plus three accounts) into a fresh database, all or nothing.
PostgreSQL only: a SQLite database is backed up by copying its file."""
import datetime as dt
import os
import re
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, delete, make_url, text
from sqlalchemy.exc import DBAPIError

from guide.accounts.passwords import hash_password
from guide.models import User
from guide.security import ROLES

TOOLS = Path(__file__).resolve().parents[2] / "tools"
NAMES = [f"backup-{role}" for role in ROLES]
#: what must come back unchanged, row by row; ordered so that the lists compare
RECORDS = {
    "items": "SELECT id, code, department_id FROM items ORDER BY id",
    "guides": "SELECT id, item_id, locale, published_revision_id, draft_revision_id FROM guides ORDER BY id",
    "guide_revisions": "SELECT id, guide_id, number, state, md5(summary), md5(body), created_at, author_id "
                       "FROM guide_revisions ORDER BY id",
    "users": "SELECT id, username, role, password_hash, active, created_at FROM users ORDER BY id",
    "audit_events": "SELECT id, at, action, actor_id, actor_name, item_code, locale, revision, detail "
                    "FROM audit_events ORDER BY id",
    # Restored sequences must go on from where they were, or the next insert clashes.
    "sequences": "SELECT schemaname, sequencename, last_value FROM pg_sequences ORDER BY 1, 2",
}


@pytest.fixture(autouse=True)
def postgresql(db_url):
    if make_url(db_url).get_backend_name() != "postgresql":
        pytest.skip("backups are of PostgreSQL (set GUIDE_TEST_DATABASE_URL); a SQLite database is a file to copy")


def run(script: str, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(TOOLS / script), *args], capture_output=True, text=True, timeout=600, **kwargs)


def snapshot(url: str) -> dict[str, list]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            tables = conn.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"))
            found = {"row counts": [(t, conn.scalar(text(f'SELECT count(*) FROM "{t}"'))) for t in list(tables)]}
            found.update((name, [tuple(row) for row in conn.execute(text(sql))]) for name, sql in RECORDS.items())
            return found
    finally:
        engine.dispose()


def user_tables(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.scalar(text("SELECT count(*) FROM pg_tables "
                                    "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"))
    finally:
        engine.dispose()


@pytest.fixture
def accounts(database):
    """Three accounts committed to the session database (it has none), removed afterwards. Added
    directly, not through Accounts: that would write audit events, which can never be deleted."""
    with database.transaction() as s:
        for name, role in zip(NAMES, ROLES):
            s.add(User(username=name, role=role, password_hash=hash_password(f"{name} password"), active=True,
                       created_at=dt.datetime.now(dt.timezone.utc), locale="en", session_version=0))
    yield NAMES
    with database.transaction() as s:
        s.execute(delete(User).where(User.username.in_(NAMES)))


@pytest.fixture
def target(db_url) -> str:
    """A new, empty database beside the test database (same server and user), always dropped."""
    name = f"guide_restore_{os.getpid()}"
    admin = create_engine(db_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(db_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_a_restore_gives_back_every_item_guide_revision_user_and_audit_event(database, accounts, target, tmp_path):
    # The URL from the environment and a default file name, as a cron job would run it.
    made = run("backup.sh", cwd=tmp_path, env={**os.environ, "GUIDE_DATABASE_URL": database.url})
    assert made.returncode == 0, made.stderr
    dump = tmp_path / made.stdout.strip()
    assert re.fullmatch(r"guide-backup-\d{8}T\d{6}Z\.dump", dump.name)
    assert [p.name for p in tmp_path.iterdir()] == [dump.name]  # no temporary file left beside it
    before = snapshot(database.url)
    assert sorted(u[1] for u in before["users"]) == sorted(accounts)
    assert len(before["items"]) >= 1087 and before["guide_revisions"] and before["audit_events"]

    restored = run("restore.sh", str(dump), target)
    assert restored.returncode == 0, restored.stderr
    assert snapshot(target) == before
    counts = dict(line.split() for line in restored.stdout.splitlines()[1:])
    assert counts == {"items": str(len(before["items"])), "guide_revisions": str(len(before["guide_revisions"])),
                      "users": "3", "audit_events": str(len(before["audit_events"]))}
    # The audit log's append-only trigger came along too.
    engine = create_engine(target)
    try:
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_events"))
    finally:
        engine.dispose()

    # Over a database with tables: refused, unless asked for.
    again = run("restore.sh", str(dump), target)
    assert again.returncode == 1 and "already has" in again.stderr and "--clean" in again.stderr
    cleaned = run("restore.sh", "--clean", str(dump), target)
    assert cleaned.returncode == 0, cleaned.stderr
    assert snapshot(target) == before


def test_a_failed_restore_leaves_the_database_empty(database, target, tmp_path):
    made = run("backup.sh", database.url, str(tmp_path / "whole.dump"))
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == str(tmp_path / "whole.dump")
    whole = (tmp_path / "whole.dump").read_bytes()
    # Cut in the middle of the table data: the tables were already created when reading fails.
    (tmp_path / "cut.dump").write_bytes(whole[:len(whole) // 2])
    failed = run("restore.sh", str(tmp_path / "cut.dump"), target)
    assert failed.returncode != 0
    assert "restored" not in failed.stdout
    assert user_tables(target) == 0


def test_a_failed_backup_leaves_no_file(db_url, tmp_path):
    missing = make_url(db_url).set(database="guide_no_such_database").render_as_string(hide_password=False)
    failed = run("backup.sh", missing, str(tmp_path / "backup.dump"))
    assert failed.returncode != 0 and "guide_no_such_database" in failed.stderr
    assert list(tmp_path.iterdir()) == []


def test_wrong_arguments_are_refused_with_the_usage(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "GUIDE_DATABASE_URL"}
    for script, args in [("backup.sh", []), ("backup.sh", ["a", "b", "c"]), ("restore.sh", ["only-one"]),
                         ("restore.sh", ["--force", "a", "b"])]:
        refused = run(script, *args, env=env)
        assert refused.returncode == 2 and refused.stderr.startswith("usage:"), (script, args)
    sqlite = run("backup.sh", f"sqlite:///{tmp_path / 'guide.sqlite'}", str(tmp_path), env=env)
    assert sqlite.returncode == 1 and "not a PostgreSQL URL" in sqlite.stderr
    assert list(tmp_path.iterdir()) == []
