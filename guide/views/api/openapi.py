"""The OpenAPI document of API v1 (DESIGN.md's URL contract), at /api/v1/openapi.json."""
from pyramid.view import view_config

from ...i18n import KNOWN_LOCALES
from ...search.interfaces import FACETS
from ..params import MAX_PAGE
from ..search_params import MAX_PER_PAGE as SEARCH_PER_PAGE, MAX_QUERY_INPUT
from .items import MAX_PER_PAGE

LANG = {"name": "lang", "in": "query", "description": "language of `name` and texts (default zh-Hans)",
        "schema": {"type": "string", "enum": [loc.tag for loc in KNOWN_LOCALES]}}
PAGE = {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1}}
CODE = {"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}
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
ERRORS = {
    "400": {"description": "bad input: `error.message` says what, `error.parameter` where",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
    "404": {"description": "no such item or center",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
}


def _get(summary, parameters, ok):
    return {"get": {"summary": summary, "parameters": parameters,
                    "responses": {"200": {"description": ok, "content": {"application/json": {}}}, **ERRORS}}}


def document() -> dict:
    per_page = {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE}}
    facets = [{"name": f, "in": "query", "description": f"filter on the {f} facet", "schema": {"type": "string"}}
              for f in FACETS]
    return {
        "openapi": "3.1.0",
        "info": {"title": "Huizhou service guide API", "version": "1"},
        "paths": {
            "/api/v1/items": _get("The item catalogue, by code", [LANG, PAGE, per_page],
                                  "`total`, `page`, `per_page` and `items` (code, name, names, department, type, url)"),
            "/api/v1/items/{code}": _get("One item with every catalogue fact and its materials", [CODE, LANG],
                                         "the item"),
            "/api/v1/items/{code}/windows": _get(
                "The centers that accept the item, nearest first, with their status",
                [CODE, LANG, AT, *ORIGIN], "`online_only`, `origin` and `centers` (distance_km, open, windows...)"),
            "/api/v1/search": _get(
                "Full-text search with facets",
                [{"name": "q", "in": "query", "schema": {"type": "string", "maxLength": MAX_QUERY_INPUT}}, LANG, PAGE,
                 {**per_page, "schema": {"type": "integer", "minimum": 1, "maximum": SEARCH_PER_PAGE}}, *facets],
                "`total`, `facets`, `did_you_mean`, `degraded` (true while the index is repaired and names are matched "
                "in the database), `partial` (true when no item has every word: results have the most words) and "
                "`results` (code, name, names, department, snippet, url, score, best_bet, `materials_only`: the words are "
                "only in the item's list of required documents; such results come after the others)"),
            "/api/v1/suggest": _get("Suggestions for a search box",
                                    [{"name": "q", "in": "query", "schema": {"type": "string"}}, LANG],
                                    "`suggestions` (kind: bundle (slug) or item (code), name, url): life events first"),
            "/api/v1/centers": _get("Service centers", [LANG], "`centers`"),
            "/api/v1/notices": _get(
                "Notices current at an instant (holiday arrangements, closures, outages)", [AT],
                "`at` and `notices` (id, severity: info|warning|critical, starts, ends, text per locale, centers and "
                "items it concerns: both empty for a site-wide notice)"),
            "/api/v1/centers/{code}/status": _get(
                "Open now, closes at, next opening", [CODE, LANG, AT],
                "`open`, `closes_at`, `next_open`, `noon_service`, `saturday_service`, `calendar_covered`, `windows`"),
            "/healthz": _get("Liveness: the process answers (it reads no database)", [], "`status`"),
            "/readyz": _get("Readiness: the database and search", [],
                            "`database` (`ok` or `down`), `search` (`ok`, `degraded` while a damaged index is "
                            "rebuilt and searches use the database, or `down`); 503 only when the database is down"),
        },
        "components": {"schemas": {"Error": {
            "type": "object", "required": ["error"],
            "properties": {"error": {"type": "object", "properties": {
                "status": {"type": "integer"}, "message": {"type": "string"}, "parameter": {"type": "string"}}}},
        }}},
    }


@view_config(route_name="api.openapi", renderer="json", request_method="GET")
def openapi(request):
    return document()
