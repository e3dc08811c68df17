"""Reading the editor's forms: every field checked for presence, form and size; a problem is
a message for that field, and the form comes back with what was typed."""
from __future__ import annotations

import datetime as dt

from ...accounts import names, passwords
from ...hours.status import TZ
from ...i18n import _
from ...workflow.service import Submission
from ...workflow.states import ACTIONS
from ..params import CONTROL

#: the longest value of each editor field: checked here, and the forms' maxlength
LIMITS = {"summary": 1_000, "body": 50_000, "note": 500, "password": passwords.MAX_LENGTH,
          "username": names.MAX_LENGTH, "query": 200, "item": 40}
MAX_NUMBER = 1_000_000_000
#: the datetime-local input's form, read as China time
PUBLISH_AT_FORMAT = "%Y-%m-%dT%H:%M"


class FormErrors(dict):
    """field name -> message; "form" for what concerns the whole form."""


def text(post, name: str, max_len: int, errors: FormErrors) -> str:
    value = post.get(name, "")
    if not isinstance(value, str):  # a file upload in place of a field
        errors[name] = _("This field takes text.")
        return ""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if len(value) > max_len:
        errors[name] = _("This is too long: at most ${n} characters.", mapping={"n": max_len})
    elif CONTROL.search(value):
        errors[name] = _("This contains characters that are not allowed (control characters).")
    return value


def uploaded(field, limit: int) -> tuple[str, bytes]:
    """(the name sent, the bytes: one more than the limit at most, enough to refuse them) of a
    file field; ("", b"") when the field is not a file."""
    if not hasattr(field, "file"):
        return "", b""
    try:
        return field.filename or "", field.file.read(limit + 1)
    finally:
        field.file.close()  # a temporary file: not left for the collector


def body_text(value: str) -> str:
    """Markdown as stored: no surrounding blank lines, one final newline (as content files)."""
    value = value.strip()
    return value + "\n" if value else ""


def number(post, name: str, errors: FormErrors) -> int:
    raw = post.get(name, "")
    try:
        value = int(raw)
    except (TypeError, ValueError):
        value = -1
    if not 0 <= value <= MAX_NUMBER:
        errors[name] = _("The form is damaged: reload the page and try again.")
        return 0
    return value


def local_instant(raw: str, name: str, errors: FormErrors) -> dt.datetime | None:
    """"2026-12-01T09:30" (China time) as a UTC instant; None when empty."""
    raw = raw.strip()
    if not raw:
        return None
    try:
        value = dt.datetime.strptime(raw, PUBLISH_AT_FORMAT)
    except ValueError:
        value = None
    if value is None or not 1900 <= value.year <= 2200:
        errors[name] = _("Give a date and time like 2026-12-01T09:30 (China time).")
        return None
    return value.replace(tzinfo=TZ).astimezone(dt.timezone.utc)


def guide_form(request) -> tuple[str, Submission, FormErrors]:
    """(action, what was sent, problems) from a POST of the guide form."""
    post, errors = request.POST, FormErrors()
    action = post.get("action", "")
    if action not in ACTIONS:
        errors["form"] = _("Choose one of the form's buttons.")
    summary = text(post, "summary", LIMITS["summary"], errors).strip()
    body = body_text(text(post, "body", LIMITS["body"], errors))
    note = text(post, "note", LIMITS["note"], errors).strip() or None
    form = Submission(summary=summary, body=body, base_revision=number(post, "base_revision", errors), note=note,
                      major=post.get("major") in ("on", "1", "true", "yes"),
                      publish_at=local_instant(text(post, "publish_at", 40, errors), "publish_at", errors))
    return action, form, errors
