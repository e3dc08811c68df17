"""Limits that fail fast, before a catalogue source is read (guide.catalogue.sources): a source
over 20 MB, a workbook that would inflate past 100 MB (judged from its archive's declared sizes,
before inflating anything), and a cell over 100,000 characters, named by row and column."""
import shutil
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from guide.catalogue import sources
from guide.catalogue.sources import SourceError, read_source

SMALL = Path(__file__).resolve().parents[2] / "fixtures" / "catalogue-small"


def test_a_workbook_that_would_inflate_too_far_is_refused_before_anything_is_inflated(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b"0" * (1024 * 1024)
            for _ in range(sources.MAX_INFLATED_BYTES // len(chunk) + 8):  # just past the limit
                member.write(chunk)
    assert bomb.stat().st_size < 2 * 1024 * 1024  # a small file...
    tracemalloc.start()
    with pytest.raises(SourceError, match="unpacked, over the limit"):
        read_source(bomb)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # ...refused from its directory, never inflated (its time: bench/import_limits.py)
    assert peak < 10 * 1024 * 1024


def test_a_source_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_SOURCE_BYTES", 1000)
    big = tmp_path / "catalogue.json"
    big.write_text(" " * 1001, encoding="utf-8")
    with pytest.raises(SourceError, match="over the limit of"):
        read_source(big)
    with pytest.raises(SourceError, match="over the limit of"):
        read_source(SMALL)  # a folder's CSV files together


def test_a_cell_over_the_limit_is_named_by_row_and_column(tmp_path):
    folder = tmp_path / "catalogue"
    shutil.copytree(SMALL, folder)
    lines = (folder / "items.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    row = lines[2].split(",")
    row[header.index("phone")] = "9" * (sources.MAX_CELL_CHARS + 1)
    (folder / "items.csv").write_text("\n".join([lines[0], lines[1], ",".join(row), *lines[3:]]) + "\n",
                                      encoding="utf-8")
    with pytest.raises(SourceError, match=r"items.csv row 3, column phone: a cell of 100,001 characters"):
        read_source(folder)
