"""Item-specific facts written by hand for the most used items (curated/*.json).

Each file maps an item code to what replaces the generated values for it. Codes come from the
generator's own numbering, so each entry also names the item (`name_zh`), and a mismatch stops the
build rather than putting one item's checklist on another. SAMPLE data: written from general
knowledge of the national requirements, not copied from Huizhou's official guides.

    {"GAJ-0019": {
        "name_zh": "居民身份证办理（包括临时）",
        "conditions_zh": "...", "conditions_en": "...",            # optional
        "result_zh": "...", "result_en": "...",                    # optional
        "visits": 1, "online_depth": 3,                            # optional
        "materials": [                                             # optional: replaces the checklist
            {"name_zh": "户口簿", "name_en": "Household register", "originals": 1, "copies": 0,
             "requirement": "required", "blank_form": false, "note_zh": "", "note_en": ""}
        ]}}
"""
from __future__ import annotations

import json
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "curated"
#: the item columns an entry may set; everything else stays generated
ITEM_KEYS = {"audience", "conditions_zh", "conditions_en", "result_zh", "result_en", "visits", "online_depth",
             "fee_yuan", "fee_note_zh", "fee_note_en", "legal_limit_days", "promised_limit_days",
             "cross_site_mode"}
MATERIAL_KEYS = {"name_zh", "name_en", "originals", "copies", "requirement", "blank_form", "note_zh",
                 "note_en"}


def load(folder: Path = FOLDER) -> dict[str, dict]:
    entries: dict[str, dict] = {}
    for path in sorted(folder.glob("*.json")):
        for code, entry in json.loads(path.read_text(encoding="utf-8")).items():
            if code in entries:
                raise SystemExit(f"{path.name}: {code} is curated twice")
            unknown = set(entry) - ITEM_KEYS - {"name_zh", "materials"}
            if unknown:
                raise SystemExit(f"{path.name}: {code}: unknown keys {sorted(unknown)}")
            for m in entry.get("materials", []):
                if set(m) - MATERIAL_KEYS or not {"name_zh", "name_en", "requirement"} <= set(m):
                    raise SystemExit(f"{path.name}: {code}: bad material {m}")
            entries[code] = entry
    return entries


def apply(item: dict, materials: list[dict], entry: dict) -> list[dict]:
    """Put the curated values into `item` (in place) and return its checklist."""
    if entry["name_zh"] != item["name_zh"]:
        raise SystemExit(f"curated {item['code']} names {entry['name_zh']}, the catalogue {item['name_zh']}")
    for key in ITEM_KEYS & set(entry):
        item[key] = entry[key]
    if "materials" not in entry:
        return materials
    return [{
        "item_code": item["code"], "seq": n, "name_zh": m["name_zh"], "name_en": m["name_en"],
        "originals": m.get("originals", 1), "copies": m.get("copies", 0), "requirement": m["requirement"],
        "blank_form": "yes" if m.get("blank_form") else "", "note_zh": m.get("note_zh", ""),
        "note_en": m.get("note_en", ""),
    } for n, m in enumerate(entry["materials"], start=1)]
