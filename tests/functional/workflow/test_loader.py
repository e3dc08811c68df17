"""`load-content` writes only what changed, and never replaces a guide edited on the web
unless told to (--overwrite)."""
import datetime as dt
import shutil
from pathlib import Path

from sqlalchemy import func, select

from guide.audit import Actor
from guide.catalogue.importer import import_catalogue
from guide.models import AuditEvent, Guide, GuideRevision, Item, SearchJournal, User
from guide.scripts.cli import main as guide_command
from guide.workflow.loader import load_guides
from guide.workflow.service import GuideWorkflow, Submission, guide_state, published_revisions

ROOT = Path(__file__).resolve().parents[3]
NOW = dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.timezone.utc)


def write(folder: Path, code: str, locale: str, body: str, **meta) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    head = "".join(f"{k}: {v}\n" for k, v in {"item": code, "locale": locale, "summary": "摘要", **meta}.items())
    (folder / f"{code}.{locale}.md").write_text(f"---\n{head}---\n{body}\n", encoding="utf-8")


def counts(db) -> tuple[int, int, int]:
    with db.transaction() as s:
        return (s.scalar(select(func.count(GuideRevision.id))), s.scalar(select(func.count(AuditEvent.id))),
                s.scalar(select(func.count(SearchJournal.id))))


def published_body(db, code: str, locale: str = "zh-Hans") -> str:
    with db.transaction() as s:
        item = s.scalar(select(Item).where(Item.code == code))
        return published_revisions(s, [item.id])[(item.id, locale)].body


def test_only_changes_are_written_and_web_edits_are_kept(scratch, tmp_path):
    with scratch.transaction() as s:
        import_catalogue(s, ROOT / "tests" / "fixtures" / "catalogue-small")
    guides = tmp_path / "guides"
    write(guides, "GAJ-0001", "zh-Hans", "文件里的正文", revision=1)
    write(guides, "GAJ-0001", "en", "Text from the file", source_revision=1)
    with scratch.transaction() as s:
        assert load_guides(s, guides, NOW).outcomes == {"added": 2}
    before = counts(scratch)
    with scratch.transaction() as s:
        assert load_guides(s, guides, NOW).outcomes == {"unchanged": 2}
    assert counts(scratch) == before  # nothing written: no revision, no audit record, nothing to index

    # An editor changes the Chinese guide on the web.
    with scratch.transaction() as s:
        editor = User(username="web-editor", role="publisher", active=True, created_at=NOW, locale="en",
                      session_version=0)
        s.add(editor)
        item = s.scalar(select(Item).where(Item.code == "GAJ-0001"))
        GuideWorkflow(s, NOW).apply(item, "zh-Hans", "publish", Submission("摘要", "网上改过的正文\n", 1, "网上修改"),
                                    Actor.of(editor, "192.0.2.1"))
    write(guides, "GAJ-0001", "zh-Hans", "文件又改了", revision=2)
    write(guides, "GAJ-0001", "en", "The file's new English", source_revision=2)
    with scratch.transaction() as s:
        report = load_guides(s, guides, NOW)
    assert report.outcomes == {"kept": 1, "changed": 1} and report.kept == ["GAJ-0001 zh-Hans"]
    assert published_body(scratch, "GAJ-0001") == "网上改过的正文\n"
    assert published_body(scratch, "GAJ-0001", "en") == "The file's new English\n"

    with scratch.transaction() as s:
        assert load_guides(s, guides, NOW, overwrite=True).outcomes == {"changed": 1, "unchanged": 1}
    assert published_body(scratch, "GAJ-0001") == "文件又改了\n"
    with scratch.transaction() as s:
        numbers = s.scalars(select(GuideRevision.number).join(GuideRevision.guide)
                            .where(GuideRevision.state == "published")).all()
    assert sorted(numbers) == [2, 3]  # the English at 2, the Chinese at 3: the web edit is in the history


def test_the_command_says_which_guides_it_kept(scratch, tmp_path, capsys):
    with scratch.transaction() as s:
        import_catalogue(s, ROOT / "content" / "catalogue")
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "centers", content / "centers")
    shutil.copytree(ROOT / "content" / "calendar", content / "calendar")
    write(content / "guides", "GAJ-0014", "zh-Hans", "文件里的正文")
    db = ["--database-url", scratch.url, "--content", str(content)]
    assert guide_command(["load-content", *db]) == 0
    assert "1 guides added or changed" in capsys.readouterr().out
    journalled = counts(scratch)[2]  # no index here: what the first load changed waits in the journal
    with scratch.transaction() as s:
        editor = User(username="web-editor", role="editor", active=True, created_at=NOW, locale="en",
                      session_version=0)
        item = s.scalar(select(Item).where(Item.code == "GAJ-0014"))
        GuideWorkflow(s, NOW).apply(item, "zh-Hans", "save", Submission("摘要", "草稿\n", 1),
                                    Actor.of(editor, "192.0.2.1"))
    write(content / "guides", "GAJ-0014", "zh-Hans", "文件改了")
    assert guide_command(["load-content", *db]) == 0
    captured = capsys.readouterr()
    assert "0 guides added or changed" in captured.out and "1 guides kept" in captured.out
    assert "kept 1 guide(s) edited on the web" in captured.err and "GAJ-0014 zh-Hans" in captured.err
    # Unchanged centers, windows and calendar were not written again: nothing new to index.
    assert counts(scratch)[2] == journalled
    assert guide_command(["load-content", *db, "--overwrite"]) == 0
    assert "1 guides added or changed" in capsys.readouterr().out
    assert published_body(scratch, "GAJ-0014") == "文件改了\n"
    assert counts(scratch)[2] == journalled + 1  # the newly published guide


def test_web_actions_that_change_no_text_are_kept_too(scratch, tmp_path):
    with scratch.transaction() as s:
        import_catalogue(s, ROOT / "tests" / "fixtures" / "catalogue-small")
    guides = tmp_path / "guides"
    write(guides, "GAJ-0001", "zh-Hans", "文件里的正文", revision=1)
    write(guides, "MZJ-0001", "zh-Hans", "婚姻登记的正文", revision=1)
    with scratch.transaction() as s:
        load_guides(s, guides, NOW)
        publisher = User(username="web-publisher", role="publisher", active=True, created_at=NOW, locale="en",
                         session_version=0)
        s.add(publisher)
        workflow, actor = GuideWorkflow(s, NOW), Actor.of(publisher, "192.0.2.1")
        gaj, mzj = (s.scalar(select(Item).where(Item.code == code)) for code in ("GAJ-0001", "MZJ-0001"))
        workflow.apply(gaj, "zh-Hans", "archive", Submission("摘要", "文件里的正文\n", 1), actor)
        workflow.apply(mzj, "zh-Hans", "submit", Submission("摘要", "婚姻登记的正文（改）\n", 1), actor)
    with scratch.transaction() as s:
        report = load_guides(s, guides, NOW)
    assert report.outcomes == {"kept": 2}
    with scratch.transaction() as s:
        states = {g.item.code: guide_state(g) for g in s.scalars(select(Guide))}
    assert states == {"GAJ-0001": "archived", "MZJ-0001": "review"}
