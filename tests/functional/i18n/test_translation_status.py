"""Stale and missing translations: recorded on import, reported by `guide translation-status`,
marked on the pages."""
import csv
import shutil
from pathlib import Path

from webtest import TestApp

from guide import main
from guide.catalogue.importer import import_catalogue
from guide.scripts.cli import main as guide_command
from guide.translations import translation_status
from guide.workflow.loader import load_guides

ROOT = Path(__file__).resolve().parents[3]
SMALL = ROOT / "tests" / "fixtures" / "catalogue-small"


def edit(path: Path, change) -> None:
    with path.open(encoding="utf-8") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def write_guides(folder: Path, zh_revision: int, en_source_revision: int) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "GAJ-0001.zh-Hans.md").write_text(
        f"---\nitem: GAJ-0001\nlocale: zh-Hans\nrevision: {zh_revision}\nsummary: 办护照\n---\n正文\n", encoding="utf-8")
    (folder / "GAJ-0001.en.md").write_text(
        f"---\nitem: GAJ-0001\nlocale: en\nsource_revision: {en_source_revision}\nsummary: Passports\n---\nBody\n",
        encoding="utf-8")


def report(db):
    with db.transaction() as s:
        english, traditional = translation_status(s)
    return english, traditional


def test_source_change_without_new_english_is_stale_until_translated(scratch, tmp_path):
    folder = tmp_path / "catalogue"
    shutil.copytree(SMALL, folder)
    with scratch.transaction() as s:
        import_catalogue(s, folder)
    english, traditional = report(scratch)
    assert not english.stale and not english.missing and traditional.converted > 0

    def change_source(rows):
        rows[0]["name_zh"] = "普通护照签发（新）"
        rows[1]["fee_note_zh"] = "工本费"  # a source with no English at all

    edit(folder / "items.csv", change_source)
    edit(folder / "materials.csv", lambda rows: rows[0].update(name_zh="身份证原件"))
    with scratch.transaction() as s:
        import_catalogue(s, folder)
    english, _ = report(scratch)
    assert english.stale == {"item": ["GAJ-0001 name"], "material": ["GAJ-0001#1 name"]}
    assert english.missing == {"item": ["MZJ-0001 fee_note"]}

    edit(folder / "items.csv", lambda rows: rows[0].update(name_en="Ordinary passport issuance (new)"))
    with scratch.transaction() as s:
        import_catalogue(s, folder)
    english, _ = report(scratch)
    assert english.stale == {"material": ["GAJ-0001#1 name"]}


def test_guides_translated_from_an_older_revision_are_stale(scratch, tmp_path):
    with scratch.transaction() as s:
        import_catalogue(s, SMALL)
    guides = tmp_path / "guides"
    write_guides(guides, zh_revision=1, en_source_revision=1)
    with scratch.transaction() as s:
        load_guides(s, guides)
    assert not report(scratch)[0].stale
    write_guides(guides, zh_revision=2, en_source_revision=1)
    with scratch.transaction() as s:
        load_guides(s, guides)
    english, _ = report(scratch)
    assert english.stale == {"guide": ["GAJ-0001 (translated from revision 1, source is at 2)"]}


def test_pages_mark_stale_text_and_the_command_reports_it(scratch, tmp_path, capsys):
    folder = tmp_path / "catalogue"
    shutil.copytree(SMALL, folder)
    with scratch.transaction() as s:
        import_catalogue(s, folder)
    edit(folder / "items.csv", lambda rows: rows[0].update(name_zh="普通护照签发（新）"))
    with scratch.transaction() as s:
        import_catalogue(s, folder)
    write_guides(tmp_path / "guides", zh_revision=2, en_source_revision=1)
    with scratch.transaction() as s:
        load_guides(s, tmp_path / "guides")
    app = TestApp(main({}, dbengine=scratch.engine, **{
        "sqlalchemy.url": "sqlite://", "guide.search.backend": "guide.search.null.NullSearch",
        "guide.search.index_dir": str(tmp_path / "index")}))
    page = app.get("/en/items/GAJ-0001")
    assert "translation may be out of date" in page.html.h1.text
    assert "may be out of date" in page.html.select_one("main .notice.warning").text
    assert "out of date" not in app.get("/zh-hans/items/GAJ-0001").text

    if scratch.engine.dialect.name == "sqlite":
        url = str(scratch.engine.url)
        assert guide_command(["translation-status", "--database-url", url]) == 0
        out = capsys.readouterr().out
        assert "== en" in out and "item: 0 missing, 1 stale" in out and "stale item GAJ-0001 name" in out
        assert "guide: 0 missing, 1 stale" in out
        assert "== zh-Hant" in out and "converted automatically" in out
