"""Editor tests: the real app inside a doomed transaction, with one user of each role."""
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from webtest import TestApp

from guide import main
from guide.accounts.passwords import hash_password
from guide.catalogue.importer import import_catalogue
from guide.models import Item, User
from tests.conftest import MovableClock

PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def password_hash() -> str:
    return hash_password(PASSWORD)  # once: argon2 is slow on purpose


@pytest.fixture
def users(dbsession, password_hash) -> dict[str, User]:
    made = {}
    for role in ("editor", "publisher", "admin"):
        made[role] = User(username=f"test-{role}", role=role, password_hash=password_hash, active=True,
                          created_at=dt.datetime.now(dt.timezone.utc), locale="en", session_version=0)
        dbsession.add(made[role])
    dbsession.flush()
    return made


def login(app, username: str, password: str = PASSWORD, status: int = 303):
    app.reset()  # a new browser: no session
    form = app.get("/editor/login", {"lang": "en"}).forms["login-form"]
    form["username"], form["password"] = username, password
    return form.submit(status=status)


@pytest.fixture
def as_role(doomed_app, users):
    """as_role("publisher"): the app signed in with that role."""
    def sign_in(role: str):
        login(doomed_app, users[role].username)
        return doomed_app
    return sign_in


SMALL = Path(__file__).resolve().parents[2] / "fixtures" / "catalogue-small"


class Live:
    """A scratch database with the small catalogue, a published guide for GAJ-0001 and one user
    of each role, committed: for what crosses transactions (commands, a second process)."""

    def __init__(self, scratch, tmp_path, password_hash):
        from guide.workflow.service import GuideWorkflow

        self.db, self.tmp_path, self.clock = scratch, tmp_path, MovableClock()
        with scratch.transaction() as s:
            import_catalogue(s, SMALL)
            for role in ("editor", "publisher", "admin"):
                s.add(User(username=f"test-{role}", role=role, password_hash=password_hash, active=True,
                           created_at=self.clock.now(), locale="en", session_version=0))
            item = s.scalar(select(Item).where(Item.code == "GAJ-0001"))
            GuideWorkflow(s, self.clock.now()).load(item, "zh-Hans", "旧的摘要", "旧的正文\n", "published", None, None,
                                                    overwrite=False)

    def app(self, backend: str = "guide.search.null.NullSearch", index: str = "index") -> TestApp:
        return TestApp(main({}, dbengine=self.db.engine, **{
            "sqlalchemy.url": "sqlite://", "guide.search.backend": backend,
            "guide.search.index_dir": str(self.tmp_path / index), "guide.clock": self.clock,
            "guide.secret": "a test secret that is long enough to sign sessions"}))


@pytest.fixture
def live(scratch, tmp_path, password_hash) -> Live:
    return Live(scratch, tmp_path, password_hash)
