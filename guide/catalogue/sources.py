"""Reading catalogue tables from a folder of CSV files, an XLSX workbook or a JSON file.

Every reader yields the same thing: per table, a list of (row label, {column: text}) so the
validator can name the file, row and column of each error whatever the source format.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

TABLES = ("departments", "items", "materials")
#: Limits that fail fast, before a source is read: an upload (a workbook, a JSON file, a folder's
#: CSV files together) over 20 MB; a workbook that would inflate to more than 100 MB, judged from
#: the sizes its archive declares, before anything is inflated (a 1.9 MB "zip bomb" inflated to
#: 528 MB took 76 s and 1.9 GB before failing); a single cell over 100,000 characters.
MAX_SOURCE_BYTES = 20 * 1024 * 1024
MAX_INFLATED_BYTES = 100 * 1024 * 1024
MAX_CELL_CHARS = 100_000


class SourceError(Exception):
    """The source cannot be read at all (missing file, not a workbook, broken JSON)."""


@dataclass
class Table:
    name: str
    #: what error messages call the file: "items.csv", "catalogue.xlsx:items", ...
    origin: str
    #: (row label as the user sees it, {column: stripped text})
    rows: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        # XLSX stores 3 as 3.0; the validator expects what a person typed.
        value = int(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).strip()


def _row(origin: str, label: str, row: dict[str, str]) -> tuple[str, dict[str, str]]:
    for column, value in row.items():
        if len(value) > MAX_CELL_CHARS:
            raise SourceError(f"{origin} {label}, column {column}: a cell of {len(value):,} characters "
                              f"(at most {MAX_CELL_CHARS:,})")
    return label, row


def _not_too_big(name: str, size: int) -> None:
    if size > MAX_SOURCE_BYTES:
        raise SourceError(f"{name}: {size / 1024 / 1024:.1f} MB, over the limit of "
                          f"{MAX_SOURCE_BYTES // 1024 // 1024} MB")


def read_csv_folder(path: Path) -> dict[str, Table]:
    _not_too_big(path.name, sum((path / f"{name}.csv").stat().st_size for name in TABLES
                                if (path / f"{name}.csv").exists()))
    tables = {}
    for name in TABLES:
        file = path / f"{name}.csv"
        if not file.exists():
            continue
        try:
            with file.open(newline="", encoding="utf-8-sig") as f:
                reader = csv.DictReader(f)
                table = Table(name, file.name, columns=[c.strip() for c in reader.fieldnames or []])
                for number, row in enumerate(reader, start=2):
                    table.rows.append(_row(file.name, f"row {number}", {
                        (k or "").strip(): _cell(v) for k, v in row.items() if k is not None
                    }))
        except UnicodeDecodeError as e:
            raise SourceError(f"{file.name}: not UTF-8 text ({e.reason} at byte {e.start})") from e
        except csv.Error as e:
            raise SourceError(f"{file.name}: not readable as CSV ({e})") from e
        tables[name] = table
    return tables


def _inflated_size(path: Path) -> int:
    """What the workbook's archive says its members inflate to (its central directory only)."""
    from zipfile import BadZipFile, ZipFile

    try:
        with ZipFile(path) as archive:
            return sum(member.file_size for member in archive.infolist())
    except (BadZipFile, OSError) as e:
        raise SourceError(f"{path.name}: not a readable XLSX workbook ({e})") from e


def read_xlsx(path: Path) -> dict[str, Table]:
    import openpyxl
    from zipfile import BadZipFile

    inflated = _inflated_size(path)
    if inflated > MAX_INFLATED_BYTES:
        raise SourceError(f"{path.name}: the workbook would take {inflated / 1024 / 1024:.0f} MB unpacked, over the "
                          f"limit of {MAX_INFLATED_BYTES // 1024 // 1024} MB; nothing was read")
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, OSError, KeyError, ValueError) as e:
        raise SourceError(f"{path.name}: not a readable XLSX workbook ({e})") from e
    tables = {}
    try:
        for name in TABLES:
            if name not in workbook.sheetnames:
                continue
            rows = workbook[name].iter_rows(values_only=True)
            header = [_cell(c) for c in next(rows, ())]
            table = Table(name, f"{path.name}:{name}", columns=[c for c in header if c])
            for number, values in enumerate(rows, start=2):
                cells = [_cell(v) for v in values]
                if not any(cells):
                    continue
                table.rows.append(_row(table.origin, f"row {number}", {
                    col: (cells[i] if i < len(cells) else "") for i, col in enumerate(header) if col
                }))
            tables[name] = table
    finally:
        workbook.close()
    return tables


def read_json(path: Path) -> dict[str, Table]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:  # (too deep, or an integer too long)
        raise SourceError(f"{path.name}: not valid UTF-8 JSON ({e})") from e
    if not isinstance(data, dict):
        raise SourceError(f"{path.name}: expected an object with the keys {', '.join(TABLES)}")
    tables = {}
    for name in TABLES:
        if name not in data:
            continue
        records = data[name]
        if not isinstance(records, list):
            raise SourceError(f"{path.name}: '{name}' must be a list of objects")
        table = Table(name, f"{path.name}:{name}")
        columns: dict[str, None] = {}
        for number, record in enumerate(records, start=1):
            if not isinstance(record, dict):
                raise SourceError(f"{path.name}: {name}[{number}] is not an object")
            columns.update(dict.fromkeys(record))
            table.rows.append(_row(table.origin, f"entry {number}", {str(k): _cell(v) for k, v in record.items()}))
        table.columns = list(columns)
        tables[name] = table
    return tables


def read_source(path: str | Path) -> dict[str, Table]:
    path = Path(path)
    if path.is_dir():
        tables = read_csv_folder(path)
    elif not path.exists():
        raise SourceError(f"{path}: no such file or folder")
    elif path.suffix.lower() not in (".xlsx", ".json"):
        raise SourceError(f"{path.name}: give a folder of CSV files, an .xlsx workbook or a .json file")
    else:
        _not_too_big(path.name, path.stat().st_size)
        tables = read_xlsx(path) if path.suffix.lower() == ".xlsx" else read_json(path)
    for required in ("items", "materials"):
        if required not in tables:
            raise SourceError(f"{path.name}: the '{required}' table is missing")
    return tables
