"""The JSON Schemas of API v1's answers (OpenAPI 3.1 `components/schemas`, JSON Schema 2020-12).

Objects are closed (`additionalProperties: false`) and their fields required: the tests
validate every answer against these (tests/functional/api/test_schemas.py), so a field added
to a view and not here, or dropped from a view, fails a test instead of surprising a client.
"""
from ...catalogue.vocab import (AUDIENCES, CENTER_KINDS, CROSS_SITE_MODE_NAMES, DEPARTMENT_KINDS, ITEM_TYPES, LEVELS,
                               REQUIREMENTS, TOPICS)
from ...i18n import KNOWN_LOCALES

STRING = {"type": "string"}
TEXT = {"type": ["string", "null"]}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}
NUMBER = {"type": "number"}
INSTANT = {"type": "string", "format": "date-time"}
MAYBE_INSTANT = {"type": ["string", "null"], "format": "date-time"}
URL = {"type": "string", "format": "uri"}
LANG_TAG = {"type": "string", "enum": [loc.tag for loc in KNOWN_LOCALES]}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def array(items: dict) -> dict:
    return {"type": "array", "items": items}


def closed(description: str | None = None, **properties) -> dict:
    """An object with exactly these properties, all of them required."""
    schema = {"type": "object", "required": list(properties), "properties": properties,
              "additionalProperties": False}
    if description:
        schema["description"] = description
    return schema


STATUS = {
    "open": BOOLEAN, "closes_at": MAYBE_INSTANT, "next_open": MAYBE_INSTANT, "noon_service": BOOLEAN,
    "saturday_service": BOOLEAN,
    "calendar_covered": {**BOOLEAN, "description": "false when the holiday calendar does not reach that far"},
}
CENTER = {
    "code": STRING, "name": STRING, "names": ref("Names"),
    "kind": {"type": "string", "enum": list(CENTER_KINDS)},
    "district": STRING, "address": STRING, "lat": NUMBER, "lon": NUMBER, "phone": TEXT, "url": URL,
    "status_url": {**STRING, "description": "its live status (a path under /api/v1/)"},
}
ITEM_SUMMARY = {
    "code": STRING, "name": STRING, "names": ref("Names"), "department": ref("DepartmentRef"),
    "type": {"type": "string", "enum": list(ITEM_TYPES), "description": "the administrative type"}, "url": URL,
}
ITEM = {
    **ITEM_SUMMARY,
    "level": {"type": "string", "enum": list(LEVELS)},
    "audience": {"type": "string", "enum": list(AUDIENCES)},
    "cross_site_mode": {"type": "string", "enum": list(CROSS_SITE_MODE_NAMES),
                        "description": "where the item can be handed in (DESIGN.md, cross-site handling)"},
    "legal_limit_days": {**INTEGER, "description": "working days allowed by law"},
    "promised_limit_days": {**INTEGER, "description": "working days promised (never above the legal limit)"},
    "fee_yuan": {"type": "string", "pattern": r"^\d+(\.\d+)?$", "description": "a decimal, exact"},
    "fee_note": TEXT, "visits": INTEGER,
    "online_depth": {"type": "integer", "minimum": 1, "maximum": 4,
                     "description": "1 information, 2 forms to download, 3 online application, 4 fully online"},
    "online_url": TEXT, "conditions": TEXT, "result": TEXT, "legal_basis": TEXT, "phone": STRING,
    "topics": array({"type": "string", "enum": list(TOPICS)}), "materials": array(ref("Material")),
}
WINDOW_REASON = {"type": "string", "enum": ["integrated", "department", "listed"],
                 "description": "why the window accepts the item: an integrated window of a hall, the "
                                "department's own window, or listed for the item"}

SCHEMAS = {
    "Error": closed(error={"type": "object", "required": ["status", "message"], "additionalProperties": False,
                           "properties": {"status": INTEGER, "message": STRING, "parameter": STRING}}),
    "Names": closed("a text in every language, by BCP 47 tag", **{loc.tag: STRING for loc in KNOWN_LOCALES}),
    "DepartmentRef": closed(code=STRING, name=STRING),
    "ItemSummary": closed(**ITEM_SUMMARY),
    "ItemList": closed(total=INTEGER, page=INTEGER, per_page=INTEGER, lang=LANG_TAG, items=array(ref("ItemSummary"))),
    "Material": closed(
        seq={**INTEGER, "description": "its place in the checklist, from 1"}, name=STRING,
        originals=INTEGER, copies=INTEGER, requirement={"type": "string", "enum": list(REQUIREMENTS)},
        blank_form={**BOOLEAN, "description": "the department provides a blank form"}, note=TEXT),
    "Item": closed(**ITEM),
    "ExportWindow": closed(center=STRING, code=STRING, label=STRING, reason=WINDOW_REASON),
    "ExportItem": closed(**ITEM, windows=array(ref("ExportWindow"))),
    "Export": closed(lang=LANG_TAG, total=INTEGER, items=array(ref("ExportItem"))),
    "Department": closed(code=STRING, name=STRING, names=ref("Names"),
                         kind={"type": "string", "enum": list(DEPARTMENT_KINDS)}, phone=TEXT,
                         items={**INTEGER, "description": "its items in the catalogue"}, url=URL),
    "DepartmentList": closed(lang=LANG_TAG, departments=array(ref("Department"))),
    "Topic": closed(code={"type": "string", "enum": list(TOPICS)}, name=STRING, items=INTEGER,
                    url={**URL, "description": "the items of the topic, on the site"}),
    "TopicList": closed(lang=LANG_TAG, topics=array(ref("Topic"))),
    "Center": closed(**CENTER),
    "CenterList": closed(centers=array(ref("Center"))),
    "CenterStatus": closed(center=STRING, at=INSTANT, **STATUS,
                           windows=array(closed(code=STRING, label=STRING, **STATUS))),
    "ItemWindows": closed(
        item=STRING, online_only={**BOOLEAN, "description": "handled fully online: no window takes it"},
        online_url=TEXT,
        origin=closed(lat=NUMBER, lon=NUMBER, kind={"type": "string", "enum": ["location", "district", "center"]},
                      code=TEXT),
        at=INSTANT,
        centers=array(closed(**CENTER, distance_km=NUMBER, **STATUS, reasons=array(WINDOW_REASON),
                             windows=array(closed(code=STRING, label=STRING, reason=WINDOW_REASON))))),
    "SearchResults": closed(
        q=TEXT, lang=LANG_TAG, total=INTEGER, page=INTEGER, per_page=INTEGER,
        truncated_to={"type": ["integer", "null"], "description": "the query was cut to this many characters"},
        did_you_mean=TEXT, degraded=BOOLEAN, partial=BOOLEAN,
        facets={"type": "object", "additionalProperties": array(closed(value=STRING, count=INTEGER))},
        bundles=array(closed(slug=STRING, title=STRING, url=URL)),
        results=array(closed(code=STRING, name=STRING, names=ref("Names"), department=ref("DepartmentRef"),
                             type=STRING, snippet=TEXT, url=URL, score=NUMBER, best_bet=BOOLEAN,
                             materials_only=BOOLEAN))),
    "Suggestions": closed(q=STRING, suggestions=array({"oneOf": [
        closed(kind={"const": "bundle"}, slug=STRING, name=STRING, url=STRING),
        closed(kind={"const": "item"}, code=STRING, name=STRING, url=STRING),
    ]})),
    "NoticeList": closed(at=INSTANT, notices=array(closed(
        id=INTEGER, severity={"type": "string", "enum": ["info", "warning", "critical"]}, starts=INSTANT,
        ends=INSTANT, text=ref("Names"), centers=array(STRING), items=array(STRING)))),
    "Health": closed(status={"const": "ok"}),
    "Readiness": closed(database={"type": "string", "enum": ["ok", "down"]},
                        search={"type": "string", "enum": ["ok", "degraded", "down"]}),
    "OpenAPI": {"type": "object", "required": ["openapi", "info", "paths", "components"],
                "description": "this document"},
}
