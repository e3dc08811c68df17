"""`guide export-content DIR` writes what editors keep in the database as the files
`load-content` reads: loading them back gives the same guides (each one's published revision and
its draft, scheduled ones included), bundles, notices, synonyms and best bets; loading them over
the same content changes nothing."""
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from guide import bundles, forms, notices
from guide.catalogue.importer import import_catalogue
from guide.content import export_content, load_content
from guide.models import BestBet, Bundle, Guide, GuideRevision, Item, Material, MaterialForm, Notice, Synonym
from guide.notices.loader import snapshot as notice_snapshot
from guide.places.loader import ContentInvalid
from guide.search import bestbets, synonyms
from guide.workflow.service import GuideWorkflow

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "catalogue-small"
NOW = dt.datetime(2026, 11, 30, 2, 0, tzinfo=dt.timezone.utc)
AT_NINE = dt.datetime(2026, 12, 3, 1, 30, tzinfo=dt.timezone.utc)  # 09:30 in China


def editorial(s) -> dict:
    """Everything export-content is to keep, as plain values."""
    guides = {}
    for guide in s.scalars(select(Guide)):
        def text(r):
            return None if r is None else (r.number, r.state, r.summary, r.body, r.source_revision, r.publish_at)
        guides[(guide.item.code, guide.locale)] = (text(guide.published_revision), text(guide.draft_revision))
    return {
        "guides": guides,
        "bundles": [(b.slug, b.title_zh, b.title_en, b.summary_zh, b.summary_en, b.terms_zh, b.terms_en,
                     [i.code for i in b.items]) for b in s.scalars(select(Bundle).order_by(Bundle.position))],
        "notices": sorted(notice_snapshot(n) for n in s.scalars(select(Notice))),
        "synonyms": synonyms.table(s),
        "best bets": bestbets.all_bets(s),
        "forms": sorted((f.material.item.code, f.material.seq, f.kind, f.filename, f.media_type, f.sha256)
                        for f in s.scalars(select(MaterialForm))),
    }


def fill(s) -> None:
    """The small catalogue and one of each kind of editorial content, as editors leave it."""
    import_catalogue(s, SMALL)
    items = {i.code: i for i in s.scalars(select(Item))}
    flow = GuideWorkflow(s, NOW)
    # Published, with a draft in review on top; its translation, published.
    flow.load(items["GAJ-0001"], "zh-Hans", "护照摘要", "护照正文\n\n- 第一条\n", "published", None, 3, False)
    flow.load(items["GAJ-0001"], "zh-Hans", "新的摘要: 有冒号", "新的正文\n", "review", None, None, False)
    flow.load(items["GAJ-0001"], "en", "Passport summary", "Passport body\n", "published", 3, None, False)
    # Never published: a draft; and a published guide whose draft is scheduled.
    flow.load(items["MZJ-0001"], "zh-Hans", "结婚摘要", "结婚正文\n", "draft", None, None, False)
    flow.load(items["MZJ-0002"], "zh-Hans", "低保摘要", "低保正文\n", "published", None, None, False)
    flow.load(items["MZJ-0002"], "zh-Hans", "低保新摘要", "低保新正文\n", "scheduled", None, None, False,
              publish_at=AT_NINE)
    fields, problems = bundles.check(s, slug="getting-married", codes=["MZJ-0001", "GAJ-0001"], title_zh="结婚",
                                     title_en="Getting married", summary_zh="（示例）先登记。", summary_en="(Sample) Register.",
                                     terms_zh=["结婚", "领证"], terms_en=["marriage", "wedding"])
    assert not problems
    s.add(bundles.apply(Bundle(slug="getting-married", position=1), fields, NOW))
    fields, problems = notices.check(s, severity="warning", starts_at=NOW, ends_at=NOW + dt.timedelta(days=2),
                                     text_zh="大厅维修", text_en="The hall is closed, \"for repairs\", today",
                                     center_codes=[], item_codes=["GAJ-0001"])
    assert not problems
    s.add(fields.apply(Notice(updated_at=NOW)))  # added on the web: no slug
    synonyms.put(s, "护照本", ["护照", "普通护照"], NOW)
    bestbets.add(s, "Passport", "GAJ-0001", 2)
    photo = s.scalar(select(Material).where(Material.item_id == items["GAJ-0001"].id, Material.seq == 2))
    forms.attach(s, photo, "sample", b"%PDF-1.4\n% a sample\n", "照片样例.pdf", None, NOW)
    s.flush()


def wipe(s) -> None:
    for model in (BestBet, Synonym, Notice, Bundle, MaterialForm):
        s.execute(delete(model))
    s.execute(Guide.__table__.update().values(published_revision_id=None, draft_revision_id=None))
    s.execute(delete(GuideRevision))
    s.execute(delete(Guide))


def test_exported_content_loads_back_the_same(scratch, tmp_path):
    with scratch.transaction() as s:
        fill(s)
        before = editorial(s)
        counts = export_content(s, tmp_path / "export")
    assert counts == {"guide files": 6, "bundles": 1, "notices": 1, "forms": 1, "synonyms": 1, "best bets": 1}
    names = sorted(p.name for p in (tmp_path / "export" / "guides").iterdir())
    assert names == ["GAJ-0001.en.md", "GAJ-0001.zh-Hans.draft.md", "GAJ-0001.zh-Hans.md", "MZJ-0001.zh-Hans.md",
                     "MZJ-0002.zh-Hans.draft.md", "MZJ-0002.zh-Hans.md"]
    with scratch.transaction() as s:
        wipe(s)
    with scratch.transaction() as s:
        assert editorial(s)["guides"] == {}
        load_content(s, tmp_path / "export")
    with scratch.transaction() as s:
        after = editorial(s)
    assert after == before
    # Loaded over the same content, the files change nothing: no new revision.
    with scratch.transaction() as s:
        revisions = s.scalar(select(func.count()).select_from(GuideRevision))
        loaded = load_content(s, tmp_path / "export")
        assert loaded.counts["guides added or changed"] == 0
        assert s.scalar(select(func.count()).select_from(GuideRevision)) == revisions
        assert editorial(s) == before


def test_the_command_writes_the_folder(scratch, tmp_path):
    with scratch.transaction() as s:
        fill(s)
    done = subprocess.run([sys.executable, "-m", "guide.scripts.cli", "export-content", str(tmp_path / "out"),
                           "--database-url", scratch.url], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "6 guide files" in done.stdout
    assert (tmp_path / "out" / "search" / "synonyms.tsv").read_text(encoding="utf-8").endswith("护照本\t护照;普通护照\n")
    draft = (tmp_path / "out" / "guides" / "MZJ-0002.zh-Hans.draft.md").read_text(encoding="utf-8")
    assert "state: scheduled" in draft and "publish_at: '2026-12-03T01:30:00+00:00'" in draft


def test_a_form_file_the_rules_refuse_stops_the_load(scratch, tmp_path):
    with scratch.transaction() as s:
        import_catalogue(s, SMALL)
    folder = tmp_path / "content" / "forms"
    (folder / "files").mkdir(parents=True)
    (folder / "files" / "GAJ-0001-1-blank.pdf").write_bytes(b"<html><script>alert(1)</script></html>")
    (folder / "forms.csv").write_text("item,seq,kind,file,filename\nGAJ-0001,1,blank,../../GAJ-0001-1-blank.pdf,x.pdf\n"
                                      "GAJ-0001,9,blank,none.pdf,y.pdf\n", encoding="utf-8")
    with pytest.raises(ContentInvalid) as refused:
        with scratch.transaction() as s:
            load_content(s, tmp_path / "content")
    assert [e.split(":")[0] for e in refused.value.errors] == ["forms.csv row 2", "forms.csv row 3"]
    assert "content" in refused.value.errors[0]
    with scratch.transaction() as s:
        assert s.scalar(select(func.count()).select_from(MaterialForm)) == 0
