"""content/search seeds the synonyms and best bets the database keeps: what the database lacks is
added; what publishers changed on the web is kept unless --overwrite; a bad row stops the load."""
import datetime as dt
from pathlib import Path

import pytest

from guide.catalogue.importer import import_catalogue
from guide.search import bestbets, synonyms

SMALL = Path(__file__).resolve().parents[2] / "fixtures" / "catalogue-small"
NOW = dt.datetime(2026, 11, 30, tzinfo=dt.timezone.utc)


def test_synonyms_are_added_and_replaced_only_with_overwrite(scratch, tmp_path):
    path = tmp_path / "synonyms.tsv"
    path.write_text("# a comment\n社保卡\t社会保障卡\n驾照\t驾驶证;机动车驾驶证\n社保卡\t社会保险\nbad row\n", encoding="utf-8")
    with scratch.transaction() as s:
        assert synonyms.load_synonyms(s, path, now=NOW) == 2  # the first row of a term wins
        synonyms.put(s, "驾照", ["驾驶证"], NOW)  # a publisher's change on the web
    with scratch.transaction() as s:
        assert synonyms.load_synonyms(s, path, now=NOW) == 0
        assert dict(synonyms.table(s))["驾照"] == ["驾驶证"]
        assert synonyms.load_synonyms(s, path, overwrite=True, now=NOW) == 1
        assert synonyms.table(s) == [("社保卡", ["社会保障卡"]), ("驾照", ["驾驶证", "机动车驾驶证"])]
    # what the file says is what the database says: written back, the same rows come out
    out = tmp_path / "out.tsv"
    with scratch.transaction() as s:
        synonyms.write_file(out, synonyms.table(s))
    assert list(synonyms.read_file(out).items()) == [("社保卡", ["社会保障卡"]), ("驾照", ["驾驶证", "机动车驾驶证"])]


def test_best_bets_are_seeded_and_a_row_naming_no_item_stops_the_load(scratch, tmp_path):
    with scratch.transaction() as s:
        import_catalogue(s, SMALL)
    path = tmp_path / "best_bets.tsv"
    path.write_text("# query\tcode\trank\n护照\tGAJ-0001\t1\nMarriage\tMZJ-0001\n", encoding="utf-8")
    with scratch.transaction() as s:
        assert bestbets.load_best_bets(s, path) == 2
        assert bestbets.all_bets(s) == [("marriage", "MZJ-0001", 1), ("护照", "GAJ-0001", 1)]
        assert bestbets.load_best_bets(s, path) == 0
    path.write_text("护照\tGAJ-0001\t2\n", encoding="utf-8")
    with scratch.transaction() as s:
        assert bestbets.load_best_bets(s, path) == 0  # the database's rank is kept
        assert bestbets.load_best_bets(s, path, overwrite=True) == 1
    path.write_text("护照\tNOPE-0001\t1\n", encoding="utf-8")
    with pytest.raises(bestbets.BestBetError, match="row 1"):
        with scratch.transaction() as s:
            bestbets.load_best_bets(s, path)
