"""The `guide` command as a new user meets it: demo set-up, and a database not yet initialised."""
import json
import shutil
from pathlib import Path

import pytest
from chameleon.template import BaseTemplate
from webtest import TestApp

from guide import main
from guide.models import get_engine, get_session_factory
from guide.scripts.cli import main as guide_command, prepare_demo
from guide.search.results import SearchRequest
from guide.search.whoosh_backend import WhooshSearch
from tests.support import index_settled

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "catalogue-small"
CONTENT = Path(__file__).resolve().parents[2] / "content"


def index_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def test_demo_sets_up_everything_and_restarts_reuse_database_and_index(tmp_path, capsys, monkeypatch):
    # The demo keeps compiled templates in its folder (guide.template_cache sets Chameleon's
    # loader for the process): put the loader back afterwards, for the tests after this one.
    monkeypatch.setattr(BaseTemplate, "loader", BaseTemplate.loader)
    settings = prepare_demo(tmp_path / "demo")
    app = TestApp(main({}, **settings))
    assert app.get("/api/v1/items").json["total"] == 1087
    assert app.get("/api/v1/search", {"q": "护照"}).json["results"][0]["code"] == "GAJ-0014"
    assert app.get("/zh-hans/").status_int == 200
    index = Path(settings["guide.search.index_dir"])
    search = app.app.registry["search"]
    index_settled(app.app)
    generation, built = search.current_generation(), index_size(index)
    commits = search._index(generation).latest_generation()
    app.app.registry["dbengine"].dispose()
    for _restart in range(3):
        assert prepare_demo(tmp_path / "demo") == settings
        assert "reusing the catalogue" in capsys.readouterr().out
        app = TestApp(main({}, **settings))
        index_settled(app.app)
        search = app.app.registry["search"]
        # The same generation, nothing re-indexed (not one commit since), about its built size.
        assert search.current_generation() == generation
        assert search._index(generation).latest_generation() == commits
        with search._index(generation).reader() as reader:
            assert reader.doc_count_all() == reader.doc_count() == 1087
        assert abs(index_size(index) - built) <= built * 0.1
        assert app.get("/api/v1/search", {"q": "护照"}).json["results"][0]["code"] == "GAJ-0014"
        app.app.registry["dbengine"].dispose()


def test_commands_on_an_uninitialised_database_say_what_to_do(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    assert guide_command(["import-catalogue", "--database-url", url, "--index-dir", str(tmp_path / "ix"),
                          str(tmp_path)]) == 1
    assert "run `guide init-db` first" in capsys.readouterr().err
    assert guide_command(["init-db", "--database-url", url, "--index-dir", str(tmp_path / "ix")]) == 0


def test_best_bets_from_the_command_reach_searches(tmp_path, capsys):
    url, index_dir = f"sqlite:///{tmp_path / 'bets.sqlite'}", str(tmp_path / "ix")
    db = ["--database-url", url, "--index-dir", index_dir]
    assert guide_command(["init-db", *db]) == 0
    assert guide_command(["import-catalogue", *db, str(SMALL)]) == 0
    engine = get_engine({"sqlalchemy.url": url})
    search = WhooshSearch({"guide.search.index_dir": index_dir}, get_session_factory(engine))

    def found(text):
        return [(hit.code, hit.best_bet) for hit in search.search(SearchRequest(text=text)).hits]

    assert found("express lane") == []
    assert guide_command(["best-bet", *db, "add", "Express   Lane", "GAJ-0001"]) == 0
    assert found("express lane") == [("GAJ-0001", True)]
    assert guide_command(["best-bet", *db, "list"]) == 0
    assert "express lane\tGAJ-0001\t1" in capsys.readouterr().out
    assert guide_command(["best-bet", *db, "remove", "EXPRESS lane", "GAJ-0001"]) == 0
    assert found("express lane") == []
    # Without an index the change is kept, and the command says when searches will show it.
    assert guide_command(["best-bet", "--database-url", url, "add", "express lane", "GAJ-0001"]) == 0
    assert "after `guide reindex`" in capsys.readouterr().err
    engine.dispose()


def test_check_content_prints_findings_and_fails_on_an_error(database, tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    with (content / "checks" / "rules.csv").open("a", encoding="utf-8") as rules:
        rules.write("planted,error,护照,,materials,include,签证,a planted rule\n")
    db = ["--database-url", database.url, "--content", str(content)]
    assert guide_command(["check-content", *db]) == 1
    out = capsys.readouterr().out
    assert "planted  GAJ-0014  a planted rule" in out.splitlines()
    assert guide_command(["check-content", *db, "--format", "json"]) == 1
    errors = json.loads(capsys.readouterr().out)["errors"]
    assert {"rule": "planted", "subject": "GAJ-0014", "message": "a planted rule", "severity": "error"} in errors


@pytest.mark.parametrize("row, problem", [
    ("bad,Error,护照,,materials,include,签证,x", "severity 'Error'"),
    ("bad,error,护照,,material,include,签证,x", "field 'material'"),
    ("bad,error,护照,,materials,includes,签证,x", "must 'includes'"),
    ("bad,error,护照(,,materials,include,签证,x", "item_name is not a regular expression"),
    ("cancellation-result,error,护照,,materials,include,签证,x", "used twice"),
])
def test_check_content_refuses_a_rule_it_cannot_apply(database, tmp_path, capsys, row, problem):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    with (content / "checks" / "rules.csv").open("a", encoding="utf-8") as rules:
        rules.write(row + "\n")
    assert guide_command(["check-content", "--database-url", database.url, "--content", str(content)]) == 2
    err = capsys.readouterr().err
    assert "rules.csv row" in err and problem in err


def test_an_import_dry_run_lists_the_changes_field_by_field_and_imports_nothing(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'dry.sqlite'}"
    db = ["--database-url", url]
    assert guide_command(["init-db", *db]) == 0
    assert guide_command(["import-catalogue", *db, str(SMALL)]) == 0
    changed = tmp_path / "changed"
    shutil.copytree(SMALL, changed)
    items = (changed / "items.csv").read_text(encoding="utf-8").splitlines()
    header = items[0].split(",")
    row = items[1].split(",")
    code, before = row[0], row[header.index("promised_limit_days")]
    row[header.index("promised_limit_days")] = str(int(before) + 7)
    (changed / "items.csv").write_text("\n".join([items[0], ",".join(row), *items[2:]]) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert guide_command(["import-catalogue", *db, str(changed), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"~ {code}" in out and f"promised_limit_days: {before} → {int(before) + 7}" in out
    assert "dry run: nothing was imported" in out
    # nothing was written: the real import still finds the change to make
    assert guide_command(["import-catalogue", *db, str(changed)]) == 0
    assert "1 changed" in capsys.readouterr().out
