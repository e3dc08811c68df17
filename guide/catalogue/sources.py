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


def read_csv_folder(path: Path) -> dict[str, Table]:
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
                    table.rows.append((f"row {number}", {
                        (k or "").strip(): _cell(v) for k, v in row.items() if k is not None
                    }))
        except UnicodeDecodeError as e:
            raise SourceError(f"{file.name}: not UTF-8 text ({e.reason} at byte {e.start})") from e
        except csv.Error as e:
            raise SourceError(f"{file.name}: not readable as CSV ({e})") from e
        tables[name] = table
    return tables


def read_xlsx(path: Path) -> dict[str, Table]:
    import openpyxl
    from zipfile import BadZipFile

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
                table.rows.append((f"row {number}", {
                    col: (cells[i] if i < len(cells) else "") for i, col in enumerate(header) if col
                }))
            tables[name] = table
    finally:
        workbook.close()
    return tables


def read_json(path: Path) -> dict[str, Table]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
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
            table.rows.append((f"entry {number}", {str(k): _cell(v) for k, v in record.items()}))
        table.columns = list(columns)
        tables[name] = table
    return tables


def read_source(path: str | Path) -> dict[str, Table]:
    path = Path(path)
    if path.is_dir():
        tables = read_csv_folder(path)
    elif not path.exists():
        raise SourceError(f"{path}: no such file or folder")
    elif path.suffix.lower() == ".xlsx":
        tables = read_xlsx(path)
    elif path.suffix.lower() == ".json":
        tables = read_json(path)
    else:
        raise SourceError(f"{path.name}: give a folder of CSV files, an .xlsx workbook or a .json file")
    for required in ("items", "materials"):
        if required not in tables:
            raise SourceError(f"{path.name}: the '{required}' table is missing")
    return tables
