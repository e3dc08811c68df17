"""Load districts, schedules, service centers and windows from content/centers/ (all or nothing)."""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..catalogue.validation import SERVICE_CODE
from ..i18n import DEFAULT_LOCALE, LOCALES_BY_TAG
from ..kiosk import PAPERS
from ..models import Department, District, Schedule, ScheduleInterval, ServiceCenter, Window
from ..translations import Ledger, snapshot

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: A center's code: it is part of URLs (/kiosk/{center}/, /{lang}/centers/{code}).
CENTER_CODE = re.compile(r"[a-z0-9-]{1,40}")


class ContentInvalid(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors[:5]) + (f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""))
        self.errors = errors


def _rows(path: Path) -> list[tuple[str, dict]]:
    with path.open(newline="", encoding="utf-8-sig") as f:
        return [(f"{path.name} row {n}", row) for n, row in enumerate(csv.DictReader(f), start=2)]


def _time(value: str) -> dt.time:
    return dt.time.fromisoformat(value)


def _upsert(dbsession: Session, model, code: str, existing: dict, ledger: Ledger, record_as: str, **values):
    obj = existing.get(code)
    before = snapshot(obj, record_as) if obj is not None else None
    if obj is None:
        obj = model(code=code)
        dbsession.add(obj)
        existing[code] = obj
    for key, value in values.items():
        setattr(obj, key, value)
    ledger.record(record_as, code, before, obj)
    return obj


def _spans(intervals) -> list[tuple]:
    return sorted((i.weekday, i.opens, i.closes) for i in intervals)


def load_schedules(dbsession: Session, path: Path, errors: list[str], ledger: Ledger) -> dict[str, Schedule]:
    existing = {s.code: s for s in dbsession.scalars(select(Schedule))}
    data = json.loads(path.read_text(encoding="utf-8"))
    for code, spec in data.items():
        intervals = []
        for day, spans in spec.get("weekly", {}).items():
            if day not in WEEKDAYS:
                errors.append(f"{path.name} {code}: unknown weekday '{day}'")
                continue
            for span in spans:
                try:
                    opens, closes = _time(span[0]), _time(span[1])
                except (ValueError, TypeError, IndexError):
                    errors.append(f"{path.name} {code} {day}: '{span}' is not [\"HH:MM\", \"HH:MM\"]")
                    continue
                if opens >= closes:
                    errors.append(f"{path.name} {code} {day}: opens {span[0]} is not before closes {span[1]}")
                intervals.append(ScheduleInterval(weekday=WEEKDAYS.index(day), opens=opens, closes=closes))
        schedule = _upsert(dbsession, Schedule, code, existing, ledger, "schedule", name_zh=spec["name_zh"], name_en=spec["name_en"],
                           closed_on_public_holidays=bool(spec.get("closed_on_public_holidays", True)))
        if _spans(schedule.intervals) != _spans(intervals):  # rewrite the week only when it changed
            schedule.intervals = intervals
    return existing


def load_centers(dbsession: Session, folder: str | Path) -> dict[str, int]:
    """Upsert everything under content/centers/; raises ContentInvalid before the caller commits."""
    folder = Path(folder)
    errors: list[str] = []
    ledger = Ledger(dbsession)
    schedules = load_schedules(dbsession, folder / "schedules.json", errors, ledger)

    districts = {d.code: d for d in dbsession.scalars(select(District))}
    for label, row in _rows(folder / "districts.csv"):
        try:
            _upsert(dbsession, District, row["code"], districts, ledger, "district", name_zh=row["name_zh"], name_en=row["name_en"],
                    lat=float(row["lat"]), lon=float(row["lon"]))
        except ValueError as e:
            errors.append(f"{label}: {e}")

    centers = {c.code: c for c in dbsession.scalars(select(ServiceCenter))}
    for label, row in _rows(folder / "centers.csv"):
        if not CENTER_CODE.fullmatch(row["code"]):
            errors.append(f"{label}: code '{row['code']}' is not lower-case letters, digits and '-'")
            continue
        district, schedule = districts.get(row["district"]), schedules.get(row["schedule"])
        if district is None or schedule is None:
            errors.append(f"{label}: unknown " + (f"district '{row['district']}'" if district is None
                                                  else f"schedule '{row['schedule']}'"))
            continue
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            errors.append(f"{label}: lat/lon are not numbers")
            continue
        default_locale = row.get("default_lang") or DEFAULT_LOCALE.tag
        if default_locale not in LOCALES_BY_TAG:
            errors.append(f"{label}: default_lang '{default_locale}' is not one of {', '.join(LOCALES_BY_TAG)}")
            continue
        paper = row.get("kiosk_paper") or PAPERS[0]
        if paper not in PAPERS:
            errors.append(f"{label}: kiosk_paper '{paper}' is not one of {', '.join(PAPERS)}")
            continue
        _upsert(dbsession, ServiceCenter, row["code"], centers, ledger, "center", name_zh=row["name_zh"], name_en=row["name_en"],
                kind=row["kind"], district=district, address_zh=row["address_zh"], address_en=row["address_en"],
                lat=lat, lon=lon, phone=row.get("phone") or None, schedule=schedule, default_locale=default_locale,
                kiosk_paper=paper)

    departments = {d.code: d for d in dbsession.scalars(select(Department))}
    windows = {(w.center.code, w.code): w for w in dbsession.scalars(select(Window))}
    listed = set()
    for label, row in _rows(folder / "windows.csv"):
        center = centers.get(row["center"])
        codes = [c for c in row["departments"].split(";") if c]
        unknown = [c for c in codes if c not in departments]
        own_schedule = schedules.get(row["schedule"]) if row["schedule"] else None
        services = [c for c in (row.get("services") or "").split(";") if c]
        problems = [f"unknown department '{c}'" for c in unknown]
        problems += [f"'{c}' is not a service line code" for c in services if not SERVICE_CODE.match(c)]
        if services and row["kind"] != "departmental":
            problems.append("only a departmental window lists services")
        if center is None:
            problems.append(f"unknown center '{row['center']}'")
        if row["schedule"] and own_schedule is None:
            problems.append(f"unknown schedule '{row['schedule']}'")
        if problems:
            errors.append(f"{label}: {'; '.join(problems)}")
            continue
        if row["kind"] not in ("integrated", "departmental") or (row["kind"] == "departmental" and not codes):
            errors.append(f"{label}: kind must be integrated, or departmental with its departments")
            continue
        key = (center.code, row["code"])
        listed.add(key)
        window = windows.get(key)
        before = snapshot(window, "window") if window is not None else None
        if window is None:
            window = Window(center=center, code=row["code"])
            dbsession.add(window)
        window.label_zh, window.label_en = row["label_zh"], row["label_en"]
        ledger.record("window", f"{center.code}/{row['code']}", before, window)
        window.floor, window.kind = row.get("floor") or None, row["kind"]
        window.own_schedule = own_schedule
        window.departments = [departments[c] for c in codes]
        window.services = ";".join(services) or None
    for key, window in windows.items():
        if key not in listed:
            dbsession.delete(window)
    if errors:
        raise ContentInvalid(errors)
    dbsession.flush()
    return {"districts": len(districts), "centers": len(centers), "windows": len(listed), "schedules": len(schedules)}
