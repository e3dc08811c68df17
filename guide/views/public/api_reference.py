"""The API reference, /{lang}/api: the OpenAPI document (guide.views.api.openapi) as a page to
read, so the page and the contract the tests validate against cannot drift apart. The page's
frame is translated; the endpoints' and fields' descriptions are the document's, in English."""
from __future__ import annotations

import re

from pyramid.view import view_config

from ..api.openapi import document

REF = "#/components/schemas/"


def segments(text: str | None) -> list[tuple[str, bool]]:
    """Text with `code` marks as [(part, is code)]: the template shows code parts as <code>
    and escapes everything (the descriptions are plain text with Markdown's backticks)."""
    return [(part, n % 2 == 1) for n, part in enumerate((text or "").split("`")) if part]


def anchor(path: str) -> str:
    return "get-" + re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")


def type_of(schema: dict) -> list[tuple[str, str | None]]:
    """A schema's type as [(text, link to a data type or None)], in a neutral notation
    (`string | null`, `array[Item]`, `"a" | "b"`) that needs no translation."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix(REF)
        return [(name, "#schema-" + name)]
    if "const" in schema:
        return [(f'"{schema["const"]}"', None)]
    if "enum" in schema:
        return [(" | ".join(f'"{v}"' for v in schema["enum"]), None)]
    if "oneOf" in schema:
        parts: list = []
        for n, choice in enumerate(schema["oneOf"]):
            parts += ([(" | ", None)] if n else []) + type_of(choice)
        return parts
    kind = schema.get("type", "any")
    if kind == "array":
        return [("array[", None), *type_of(schema.get("items", {})), ("]", None)]
    if kind == "object" and "properties" in schema:
        return [("{" + ", ".join(schema["properties"]) + "}", None)]
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        return [("map[string, ", None), *type_of(schema["additionalProperties"]), ("]", None)]
    text = " | ".join(kind) if isinstance(kind, list) else kind
    if "format" in schema:
        text += f" ({schema['format']})"
    limits = [f"{word} {schema[key]}" for key, word in (("minimum", "≥"), ("maximum", "≤"), ("maxLength", "length ≤"))
              if key in schema]
    return [(text + (", " + ", ".join(limits) if limits else ""), None)]


def endpoints(doc: dict) -> list[dict]:
    found = []
    for path, item in doc["paths"].items():
        spec = item["get"]
        found.append({
            "path": path, "id": anchor(path), "summary": spec["summary"],
            "parameters": [{"name": p["name"], "in": p["in"], "type": type_of(p.get("schema", {})),
                            "description": segments(p.get("description"))} for p in spec["parameters"]],
            "responses": [{"status": status, "description": segments(answer["description"]),
                           "media": [(media, type_of(body.get("schema", {})))
                                     for media, body in answer.get("content", {}).items()]}
                          for status, answer in spec["responses"].items()],
        })
    return found


def data_types(doc: dict) -> list[dict]:
    return [{
        "name": name, "id": "schema-" + name, "description": segments(schema.get("description")),
        "fields": [{"name": field, "type": type_of(sub), "required": field in schema.get("required", ()),
                    "description": segments(sub.get("description"))}
                   for field, sub in schema.get("properties", {}).items()],
    } for name, schema in doc["components"]["schemas"].items()]


@view_config(route_name="public.api_reference", request_method="GET",
             renderer="guide:templates/public/api_reference.pt")
def api_reference(request):
    doc = document()
    return {"info": doc["info"], "version": doc["openapi"], "endpoints": endpoints(doc), "data_types": data_types(doc),
            "description": segments(doc["info"].get("description"))}
