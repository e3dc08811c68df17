"""Relevance: the expected item is in the top 5 for at least 90% of the queries.

The shared cases come from ../shared/queries/search-relevance.tsv; ours (other words people use
for the same kinds of things) from tests/fixtures/search-relevance-extra.tsv.
"""
import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CASE_FILES = [ROOT.parent / "shared" / "queries" / "search-relevance.tsv",
              ROOT / "tests" / "fixtures" / "search-relevance-extra.tsv"]
LANGS = {"zh-hans": "zh-Hans", "en": "en", "zh-hant": "zh-Hant"}


def cases(path):
    with path.open(encoding="utf-8") as f:
        return [row[:3] for row in csv.reader(f, delimiter="\t") if row and not row[0].startswith("#")]


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.name)
def test_expected_item_in_top_5_for_90_percent(testapp, path):
    if not path.exists():
        pytest.skip(f"{path} is not beside the project")
    rows = cases(path)
    misses = []
    for text, lang, expected in rows:
        results = testapp.get("/api/v1/search", {"q": text, "lang": LANGS[lang], "per_page": 5}).json["results"]
        names = [r["names"]["zh-Hans"] for r in results]
        if not any(all(part in name for part in expected.split("&")) for name in names):
            misses.append((text, expected, names))
    share = 1 - len(misses) / len(rows)
    print(f"{path.name}: {len(rows) - len(misses)}/{len(rows)} in the top 5 ({share:.0%})")
    assert share >= 0.9, misses


@pytest.mark.parametrize("typed, expected", [
    ("户口前移", "户口迁移"),    # 迁 qian typed as 前 qian
    ("残疾人正新办", "残疾人证新办"),  # 证 zheng typed as 正 zheng
    ("我要办户口前移怎么办", "户口迁移"),  # inside a question
])
def test_a_homophone_typed_by_mistake_finds_the_item(testapp, typed, expected):
    results = testapp.get("/api/v1/search", {"q": typed, "per_page": 3}).json["results"]
    assert any(expected in r["names"]["zh-Hans"] for r in results), [r["names"]["zh-Hans"] for r in results]
