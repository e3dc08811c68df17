"""The OpenAPI document of API v1 (DESIGN.md's URL contract), at /api/v1/openapi.json."""
from pyramid.view import view_config

from ...i18n import KNOWN_LOCALES
from ...search.interfaces import FACETS
from ..params import MAX_PAGE
from ..search_params import MAX_PER_PAGE as SEARCH_PER_PAGE, MAX_QUERY_INPUT
from .export import CSV_COLUMNS, LIST_SEPARATOR
from .items import MAX_PER_PAGE
from .schemas import SCHEMAS

LANG = {"name": "lang", "in": "query", "description": "language of `name` and texts (default zh-Hans)",
        "schema": {"type": "string", "enum": [loc.tag for loc in KNOWN_LOCALES]}}
PAGE = {"name": "page", "in": "query", "description": "the page of results, from 1",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1}}
CODE = {"name": "code", "in": "path", "required": True,
        "description": "the item's code (e.g. GAJ-0014), or the center's (e.g. municipal)",
        "schema": {"type": "string"}}
AT = {"name": "at", "in": "query", "description": "ISO 8601 instant; Asia/Shanghai when it has no offset; default now",
      "schema": {"type": "string", "format": "date-time"}}
ORIGIN = [
    {"name": "lat", "in": "query", "schema": {"type": "number", "minimum": -90, "maximum": 90}},
    {"name": "lon", "in": "query", "schema": {"type": "number", "minimum": -180, "maximum": 180}},
    {"name": "district", "in": "query", "description": "a district code, instead of lat and lon",
     "schema": {"type": "string"}},
    {"name": "center", "in": "query", "description": "a center code (a kiosk's own), instead of lat and lon",
     "schema": {"type": "string"}},
]
ERROR = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
BAD_INPUT = {"400": {"description": "bad input: `error.message` says what, `error.parameter` where", **ERROR}}
NOT_FOUND = {"404": {"description": "no such item or center", **ERROR}}
NOT_MODIFIED = {"304": {"description": "the export has not changed since the ETag given in If-None-Match"}}


def _json(description: str, schema: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}}


def _get(summary, parameters, ok, schema, **more) -> dict:
    """A GET answering `schema` with 200; 400 when it takes parameters, 404 when it names a thing."""
    responses = {"200": _json(ok, schema)}
    if parameters:
        responses.update(BAD_INPUT)
    if any(p["in"] == "path" for p in parameters):
        responses.update(NOT_FOUND)
    responses.update(more)
    return {"get": {"summary": summary, "parameters": parameters, "responses": responses}}


def document() -> dict:
    per_page = {"name": "per_page", "in": "query", "description": "results per page",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE}}
    facets = [{"name": f, "in": "query", "description": f"filter on the {f} facet", "schema": {"type": "string"}}
              for f in FACETS]
    csv_columns = ", ".join(f"`{c}`" for c in CSV_COLUMNS)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Huizhou service guide API", "version": "1",
                 "description": "Read-only JSON about Huizhou's administrative service items, their materials and "
                                "the service centers that accept them. Every answer may be read from any origin "
                                "(CORS). Texts are in the language `lang` names; `names` has every language."},
        "paths": {
            "/api/v1/items": _get("The item catalogue, by code", [LANG, PAGE, per_page],
                                  "`total`, `page`, `per_page` and `items` (code, name, names, department, type, url)",
                                  "ItemList"),
            "/api/v1/items/{code}": _get("One item with every catalogue fact and its materials", [CODE, LANG],
                                         "the item", "Item"),
            "/api/v1/items/{code}/windows": _get(
                "The centers that accept the item, nearest first, with their status",
                [CODE, LANG, AT, *ORIGIN], "`online_only`, `origin` and `centers` (distance_km, open, windows...)",
                "ItemWindows"),
            "/api/v1/departments": _get("The departments, with how many items each has", [LANG], "`departments`",
                                        "DepartmentList"),
            "/api/v1/topics": _get("The life topics items are grouped by (business, housing...)", [LANG], "`topics`",
                                   "TopicList"),
            "/api/v1/export.json": _get(
                "Open data: the whole catalogue, each item with its materials and the windows that accept it",
                [LANG], "`total` and `items` (as /api/v1/items/{code}, plus `windows`). Sent as it is written "
                "(no Content-Length); revalidate with If-None-Match", "Export", **NOT_MODIFIED),
            "/api/v1/export.csv": {"get": {
                "summary": "Open data: the whole catalogue as CSV, one row per item",
                "parameters": [LANG],
                "responses": {
                    "200": {"description": f"UTF-8 with a byte order mark, a header row, then one row per item. "
                                           f"Columns: {csv_columns}. `topics`, `materials` (names, in checklist "
                                           f"order) and `windows` (`center/window` codes) are lists joined with "
                                           f"`{LIST_SEPARATOR}`",
                            "content": {"text/csv": {"schema": {"type": "string"}}}},
                    **BAD_INPUT, **NOT_MODIFIED}}},
            "/api/v1/search": _get(
                "Full-text search with facets",
                [{"name": "q", "in": "query", "schema": {"type": "string", "maxLength": MAX_QUERY_INPUT}}, LANG, PAGE,
                 {**per_page, "schema": {"type": "integer", "minimum": 1, "maximum": SEARCH_PER_PAGE}}, *facets],
                "`total`, `facets`, `did_you_mean`, `degraded` (true while the index is repaired and names are matched "
                "in the database), `partial` (true when no item has every word: results have the most words) and "
                "`results` (code, name, names, department, snippet, url, score, best_bet, `materials_only`: the words are "
                "only in the item's list of required documents; such results come after the others)", "SearchResults"),
            "/api/v1/suggest": _get("Suggestions for a search box",
                                    [{"name": "q", "in": "query", "schema": {"type": "string"}}, LANG],
                                    "`suggestions` (kind: bundle (slug) or item (code), name, url): life events first",
                                    "Suggestions"),
            "/api/v1/centers": _get("Service centers", [LANG], "`centers`", "CenterList"),
            "/api/v1/notices": _get(
                "Notices current at an instant (holiday arrangements, closures, outages)", [AT],
                "`at` and `notices` (id, severity: info|warning|critical, starts, ends, text per locale, centers and "
                "items it concerns: both empty for a site-wide notice)", "NoticeList"),
            "/api/v1/centers/{code}/status": _get(
                "Open now, closes at, next opening", [CODE, LANG, AT],
                "`open`, `closes_at`, `next_open`, `noon_service`, `saturday_service`, `calendar_covered`, `windows`",
                "CenterStatus"),
            "/api/v1/openapi.json": _get("This document", [], "the OpenAPI 3.1 document", "OpenAPI"),
            "/healthz": _get("Liveness: the process answers (it reads no database)", [], "`status`", "Health"),
            "/readyz": _get("Readiness: the database and search", [],
                            "`database` (`ok` or `down`), `search` (`ok`, `degraded` while a damaged index is "
                            "rebuilt and searches use the database, or `down`)", "Readiness",
                            **{"503": _json("the database is down", "Readiness")}),
        },
        "components": {"schemas": SCHEMAS},
    }


@view_config(route_name="api.openapi", renderer="json", request_method="GET")
def openapi(request):
    return document()
