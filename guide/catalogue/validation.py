"""Row validation for the catalogue: every error is collected, with its file, row and column."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Callable
from urllib.parse import urlsplit

from .sources import Table
from .vocab import APPLY_ONLINE_DEPTH, AUDIENCES, CROSS_SITE_MODES, DEPARTMENT_KINDS, ITEM_TYPES, LEVELS, REQUIREMENTS, TOPICS

ITEM_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{2,39}$")
DEPARTMENT_CODE = re.compile(r"^[a-z][a-z0-9-]{1,39}$")
SERVICE_CODE = DEPARTMENT_CODE
MAX_MATERIALS = 10


@dataclass(frozen=True)
class RowError:
    origin: str
    row: str
    column: str
    message: str

    def __str__(self):
        where = ", ".join(p for p in (self.origin, self.row, f"column {self.column}" if self.column else "") if p)
        return f"{where}: {self.message}"


class Invalid(ValueError):
    pass


def text(max_len: int) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if len(value) > max_len:
            raise Invalid(f"longer than {max_len} characters")
        if any(ord(c) < 32 and c not in "\n\t" for c in value):
            raise Invalid("contains control characters")
        return value
    return parse


def one_of(choices) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if value not in choices:
            raise Invalid(f"'{value}' is not one of: {', '.join(map(str, choices))}")
        return value
    return parse


def integer(low: int, high: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise Invalid(f"'{value}' is not a whole number") from None
        if not low <= number <= high:
            raise Invalid(f"{number} is not between {low} and {high}")
        return number
    return parse


def money(value: str) -> Decimal:
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise Invalid(f"'{value}' is not an amount in yuan") from None
    if not amount.is_finite() or amount < 0 or amount >= Decimal("100000000"):
        raise Invalid(f"'{value}' is not an amount in yuan between 0 and 99,999,999.99")
    if amount != amount.quantize(Decimal("0.01")):
        raise Invalid(f"'{value}' has more than two decimal places")
    return amount.quantize(Decimal("0.01"))


def pattern(regex: re.Pattern, what: str) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if not regex.match(value):
            raise Invalid(f"'{value}' is not a valid {what}")
        return value
    return parse


def https_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc or " " in value or len(value) > 500:
        raise Invalid(f"'{value}' is not an absolute https:// URL")
    return value


def yes_no(value: str) -> bool:
    lowered = value.lower()
    if lowered in ("yes", "y", "true", "1", "是"):
        return True
    if lowered in ("no", "n", "false", "0", "否", ""):
        return False
    raise Invalid(f"'{value}' is not yes or no")


def topic_list(value: str) -> list[str]:
    topics = [t.strip() for t in value.split(";") if t.strip()]
    unknown = [t for t in topics if t not in TOPICS]
    if unknown:
        raise Invalid(f"unknown topic(s) {', '.join(unknown)}; use: {', '.join(TOPICS)}")
    return sorted(set(topics))


# column: (required, parser)
DEPARTMENT_COLUMNS = {
    "code": (True, pattern(DEPARTMENT_CODE, "department code (lower-case letters, digits, -)")),
    "name_zh": (True, text(200)),
    "name_en": (True, text(300)),
    "kind": (True, one_of(DEPARTMENT_KINDS)),
    "phone": (False, text(40)),
}

ITEM_COLUMNS = {
    "code": (True, pattern(ITEM_CODE, "item code (upper-case letters, digits, -; 3-40 characters)")),
    "name_zh": (True, text(300)),
    "name_en": (True, text(500)),
    "item_type": (True, one_of(ITEM_TYPES)),
    "department": (True, text(40)),
    "level": (True, one_of(LEVELS)),
    "audience": (True, one_of(AUDIENCES)),
    "cross_site_mode": (True, one_of(CROSS_SITE_MODES)),
    "legal_limit_days": (True, integer(0, 3650)),
    "promised_limit_days": (True, integer(0, 3650)),
    "fee_yuan": (True, money),
    "fee_note_zh": (False, text(2000)),
    "fee_note_en": (False, text(4000)),
    "visits": (True, integer(0, 2)),
    "online_depth": (True, integer(1, 4)),
    "online_url": (False, https_url),
    "conditions_zh": (True, text(4000)),
    "conditions_en": (True, text(8000)),
    "result_zh": (True, text(1000)),
    "result_en": (True, text(2000)),
    "legal_basis_zh": (True, text(4000)),
    "legal_basis_en": (False, text(8000)),
    "phone": (True, text(40)),
    "topics": (False, topic_list),
    "service": (False, pattern(SERVICE_CODE, "service line (lower-case letters, digits, -)")),
}

MATERIAL_COLUMNS = {
    "item_code": (True, text(40)),
    "seq": (True, integer(1, MAX_MATERIALS)),
    "name_zh": (True, text(300)),
    "name_en": (True, text(500)),
    "originals": (True, integer(0, 99)),
    "copies": (True, integer(0, 99)),
    "requirement": (True, one_of(REQUIREMENTS)),
    "blank_form": (False, yes_no),
    "note_zh": (False, text(1000)),
    "note_en": (False, text(2000)),
}


@dataclass
class Catalogue:
    """A validated catalogue: typed records, keyed for the import's diff."""

    departments: dict[str, dict] = field(default_factory=dict)
    items: dict[str, dict] = field(default_factory=dict)
    materials: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    errors: list[RowError] = field(default_factory=list)


def _parse_rows(table: Table, columns: dict, errors: list[RowError]) -> list[tuple[str, dict]]:
    missing = [c for c, (required, _) in columns.items() if required and c not in table.columns]
    if missing:
        errors.append(RowError(table.origin, "header", ", ".join(missing), "required column missing"))
        return []
    parsed = []
    for label, row in table.rows:
        record, ok = {}, True
        for column, (required, parse) in columns.items():
            value = row.get(column, "")
            if value == "":
                if required:
                    errors.append(RowError(table.origin, label, column, "a value is required"))
                    ok = False
                record[column] = [] if column == "topics" else (False if column == "blank_form" else None)
                continue
            try:
                record[column] = parse(value)
            except Invalid as e:
                errors.append(RowError(table.origin, label, column, str(e)))
                ok = False
        if ok:
            parsed.append((label, record))
    return parsed


def validate(tables: dict[str, Table], known_departments: set[str]) -> Catalogue:
    """Check every row and the rules between rows; the result is usable only without errors."""
    catalogue = Catalogue()
    errors = catalogue.errors

    if "departments" in tables:
        table = tables["departments"]
        for label, record in _parse_rows(table, DEPARTMENT_COLUMNS, errors):
            if record["code"] in catalogue.departments:
                errors.append(RowError(table.origin, label, "code", f"department '{record['code']}' appears twice"))
            catalogue.departments[record["code"]] = record
    departments = known_departments | set(catalogue.departments)

    table = tables["items"]
    rows_seen = 0
    for label, record in _parse_rows(table, ITEM_COLUMNS, errors):
        rows_seen += 1
        code = record["code"]
        if code in catalogue.items:
            errors.append(RowError(table.origin, label, "code", f"item code '{code}' appears twice"))
        if record["department"] not in departments:
            errors.append(RowError(table.origin, label, "department",
                                   f"unknown department '{record['department']}'"))
        if record["promised_limit_days"] > record["legal_limit_days"]:
            errors.append(RowError(table.origin, label, "promised_limit_days",
                                   "the promised time limit is longer than the legal one"))
        if record["online_depth"] >= APPLY_ONLINE_DEPTH and not record["online_url"]:
            errors.append(RowError(table.origin, label, "online_url",
                                   "an item that can be applied for online needs its online_url"))
        if record["cross_site_mode"] == "online_only" and record["online_depth"] != 4:
            errors.append(RowError(table.origin, label, "online_depth",
                                   "an online-only item must have online_depth 4"))
        # One meaning for "no window": an item needing no visit is handled online only, and the
        # reverse (guide.places.acceptance reads the mode alone).
        if (record["visits"] == 0) != (record["cross_site_mode"] == "online_only"):
            errors.append(RowError(table.origin, label, "visits",
                                   "visits must be 0 exactly when cross_site_mode is online_only"))
        catalogue.items[code] = record
    if not table.rows:
        errors.append(RowError(table.origin, "", "", "the items table has no rows"))

    # Materials of an item row that itself failed are not "unknown": that error is already told.
    listed_codes = {row.get("code") for _, row in tables["items"].rows}
    table = tables["materials"]
    seqs: dict[str, set[int]] = defaultdict(set)
    for label, record in _parse_rows(table, MATERIAL_COLUMNS, errors):
        code = record.pop("item_code")
        if code not in catalogue.items:
            if code in listed_codes:
                continue
            errors.append(RowError(table.origin, label, "item_code", f"unknown item '{code}'"))
            continue
        if record["seq"] in seqs[code]:
            errors.append(RowError(table.origin, label, "seq", f"position {record['seq']} appears twice for {code}"))
        seqs[code].add(record["seq"])
        catalogue.materials[code].append(record)

    # Only judge material counts once every row parsed, or a bad row would be counted twice.
    if not errors:
        for code in catalogue.items:
            count = len(catalogue.materials.get(code, ()))
            if not 1 <= count <= MAX_MATERIALS:
                errors.append(RowError(tables["materials"].origin, "", "item_code",
                                       f"item {code} has {count} materials; it needs 1 to {MAX_MATERIALS}"))
    for code in catalogue.materials:
        catalogue.materials[code].sort(key=lambda m: m["seq"])
    return catalogue
