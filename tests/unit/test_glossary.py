"""Every item name that contains a glossary term uses the glossary's English for it."""
import csv
from pathlib import Path

CONTENT = Path(__file__).resolve().parents[2] / "content"


def test_item_names_follow_the_glossary():
    with (CONTENT / "glossary" / "terms.csv").open(encoding="utf-8") as f:
        terms = [t for t in csv.DictReader(f) if t["check_names"] == "yes"]
    with (CONTENT / "catalogue" / "items.csv").open(encoding="utf-8") as f:
        items = list(csv.DictReader(f))
    assert terms and items
    inconsistent = [(t["zh"], item["code"], item["name_en"]) for t in terms for item in items
                    if t["zh"] in item["name_zh"] and t["en"].lower() not in item["name_en"].lower()
                    and item["code"] not in t["exceptions"].split(";")]
    assert inconsistent == []
