"""The `guide` command as a new user meets it: demo set-up, and a database not yet initialised."""
from webtest import TestApp

from guide import main
from guide.scripts.cli import main as guide_command, prepare_demo


def test_demo_sets_up_everything_and_a_second_run_reuses_it(tmp_path, capsys):
    settings = prepare_demo(tmp_path / "demo")
    app = TestApp(main({}, **settings))
    assert app.get("/api/v1/items").json["total"] == 1087
    assert app.get("/api/v1/search", {"q": "护照"}).json["results"][0]["code"] == "GAJ-0014"
    assert app.get("/zh-hans/").status_int == 200
    app.app.registry["dbengine"].dispose()
    assert prepare_demo(tmp_path / "demo") == settings
    assert "reusing the catalogue" in capsys.readouterr().out


def test_commands_on_an_uninitialised_database_say_what_to_do(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    assert guide_command(["import-catalogue", "--database-url", url, "--index-dir", str(tmp_path / "ix"),
                          str(tmp_path)]) == 1
    assert "run `guide init-db` first" in capsys.readouterr().err
    assert guide_command(["init-db", "--database-url", url, "--index-dir", str(tmp_path / "ix")]) == 0
