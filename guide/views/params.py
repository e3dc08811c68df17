"""Query-string parsing shared by views: bad input becomes a 400 with a message, never a 500."""
from __future__ import annotations

import re

from pyramid.httpexceptions import HTTPBadRequest
from pyramid.i18n import TranslationStringFactory

_ = TranslationStringFactory("guide")

MAX_PAGE = 100_000
#: control characters no text field takes (tab and line breaks excepted): PostgreSQL refuses
#: NUL outright, and the others only hide text
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class BadParameter(HTTPBadRequest):
    """A 400 whose message the error view shows to the reader (HTML) or client (JSON)."""

    def __init__(self, message, parameter: str | None = None):
        super().__init__()
        self.message = message
        self.parameter = parameter


def params(request):
    try:
        return request.GET
    except UnicodeError:
        raise BadParameter(_("The address contains characters that are not valid UTF-8.")) from None


def text_param(request, name: str, max_len: int = 200) -> str | None:
    value = params(request).get(name, "").strip()
    if len(value) > max_len:
        raise BadParameter(_("The value of '${name}' is too long.", mapping={"name": name}), name)
    if CONTROL.search(value):
        raise BadParameter(_("The value of '${name}' contains characters that are not allowed.",
                             mapping={"name": name}), name)
    return value or None


def int_param(request, name: str, default: int, low: int, high: int) -> int:
    raw = params(request).get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        raise BadParameter(_("'${name}' must be a whole number from ${low} to ${high}.",
                             mapping={"name": name, "low": low, "high": high}), name)
    return value


def choice_param(request, name: str, choices) -> str | None:
    value = text_param(request, name)
    if value is not None and value not in choices:
        raise unknown_value(name, value)
    return value


def lookup_param(request, name: str, lookup):
    """The object a code parameter names (lookup(code) -> object or None), or None when absent."""
    code = text_param(request, name, 40)
    if code is None:
        return None
    found = lookup(code)
    if found is None:
        raise unknown_value(name, code)
    return found


def unknown_value(name: str, value: str) -> BadParameter:
    return BadParameter(_("'${value}' is not a known value for '${name}'.", mapping={"value": value, "name": name}),
                        name)


def page_param(request) -> int:
    return int_param(request, "page", 1, 1, MAX_PAGE)


def page_count(total: int, per_page: int) -> int:
    """Pages needed for total rows, at least one (an empty list still has its page)."""
    return max(1, -(-total // per_page))
