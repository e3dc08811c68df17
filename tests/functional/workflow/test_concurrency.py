"""Two writers at once, on SQLite and PostgreSQL alike: one wins, the other is told, and the
guide is never left with a lost draft or a revision published twice."""
import datetime as dt
import threading
from pathlib import Path

from sqlalchemy import func, select

from guide.audit import Actor
from guide.catalogue.importer import import_catalogue
from guide.models import AuditEvent, Guide, GuideRevision, Item, User
from guide.workflow.service import Conflict, GuideWorkflow, Submission
from guide.workflow.states import WORKING_STATES

SMALL = Path(__file__).resolve().parents[2] / "fixtures" / "catalogue-small"
NOW = dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.timezone.utc)
ROUNDS = 4


def setup(db):
    with db.transaction() as s:
        import_catalogue(s, SMALL)
        for name in ("first", "second"):
            s.add(User(username=name, role="publisher", active=True, created_at=NOW, locale="en", session_version=0))
        item = s.scalar(select(Item).where(Item.code == "GAJ-0001"))
        GuideWorkflow(s, NOW).load(item, "zh-Hans", "摘要", "正文\n", "published", None, None, overwrite=False)


def at_once(*work):
    """Run each callable in its own thread, released together; their results or exceptions."""
    barrier, results = threading.Barrier(len(work)), [None] * len(work)

    def run(i, fn):
        barrier.wait()
        try:
            results[i] = fn()
        except Exception as e:  # the test looks at what each writer met
            results[i] = e

    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(work)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def apply(db, name, action, text, base, now=NOW, **form):
    def work():
        with db.transaction() as s:
            user = s.scalar(select(User).where(User.username == name))
            item = s.scalar(select(Item).where(Item.code == "GAJ-0001"))
            GuideWorkflow(s, now).apply(item, "zh-Hans", action, Submission("摘要", text, base, **form),
                                        Actor.of(user, "192.0.2.1"), may_change_schedule=True)  # publishers
            return "done"
    return work


def publish_due(db, now):
    def work():
        with db.transaction() as s:
            return len(GuideWorkflow(s, now).publish_due())
    return work


def consistent(db) -> tuple[int, int]:
    """Every draft-like revision is the guide's draft; (newest number, draft number)."""
    with db.transaction() as s:
        guide = s.scalar(select(Guide))
        working = s.scalars(select(GuideRevision.id).where(GuideRevision.state.in_(WORKING_STATES))).all()
        assert working == ([guide.draft_revision_id] if guide.draft_revision_id else [])
        newest = s.scalar(select(func.max(GuideRevision.number)))
        return newest, guide.draft_revision.number if guide.draft_revision else 0


def test_two_saves_at_once_one_wins_the_other_is_a_conflict(scratch):
    setup(scratch)
    base = 1
    for n in range(ROUNDS):
        results = at_once(apply(scratch, "first", "save", f"甲的第{n}稿\n", base),
                          apply(scratch, "second", "save", f"乙的第{n}稿\n", base))
        assert sorted(type(r).__name__ for r in results) == ["Conflict", "str"], results
        base += 1
        assert consistent(scratch) == (base, base)  # the winner's draft is the guide's draft


def test_publish_due_twice_at_once_publishes_once(scratch):
    setup(scratch)
    later = NOW + dt.timedelta(hours=1)
    for n in range(ROUNDS):
        with scratch.transaction() as s:
            base = s.scalar(select(func.max(GuideRevision.number)))
        assert apply(scratch, "first", "schedule", f"定时稿{n}\n", base, note="定时", publish_at=later)() == "done"
        results = at_once(publish_due(scratch, later + dt.timedelta(minutes=1)),
                          publish_due(scratch, later + dt.timedelta(minutes=1)))
        assert sorted(results) == [0, 1], results
        later += dt.timedelta(hours=1)
    with scratch.transaction() as s:
        assert s.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == "guide.publish",
                                                                 AuditEvent.actor_name == "scheduler")) == ROUNDS


def test_publish_due_against_an_editors_save_loses_nothing(scratch):
    setup(scratch)
    later = NOW + dt.timedelta(hours=1)
    assert apply(scratch, "first", "schedule", "定时稿\n", 1, note="定时", publish_at=later)() == "done"
    results = at_once(publish_due(scratch, later), apply(scratch, "second", "save", "编辑的新稿\n", 2,
                                                          now=later))
    assert all(not isinstance(r, Exception) or isinstance(r, Conflict) for r in results), results
    newest, draft = consistent(scratch)
    if results[1] == "done":  # the save won: it is the draft, nothing was orphaned
        assert draft == newest == 3
