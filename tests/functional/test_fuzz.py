"""A seeded hostile battery (issue 15): thousands of requests built from the app's own route table,
over every method, with undecodable paths, control characters, 10 kB strings, query syntax, extreme
numbers and dates, unknown codes and languages and junk headers. Whatever is sent: never a 5xx,
every error in its format (JSON under /api/ or where the client prefers JSON, an HTML page
elsewhere), the security headers on every answer, `Allow` on a 405, and no log line forged from
the request. The seed is fixed: a failure names the request that reproduces it."""
from __future__ import annotations

import collections
import http.cookiejar
import logging
import random
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import quote_from_bytes, unquote_to_bytes

import transaction
from sqlalchemy import func, select
from webob.acceptparse import create_accept_header
from webtest import TestApp

from guide.models import get_tm_session
from guide.models.meta import Base

from .editor.conftest import login, password_hash, users  # noqa: F401 (fixtures)

SEED = 20261115
TOTAL = 5_200
EDITOR_TOTAL = 600
METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE")
#: what a forged log line or header would start with, after a CR or LF from the request
FORGED = "FORGED-LINE"
SCRIPT = "<script>fuzz(1)</script>"

#: Hostile path segments and parameter values, as they travel (percent-encoded ASCII).
HOSTILE = [
    # invalid UTF-8: overlong, a lone byte, a surrogate, a truncated sequence, past U+10FFFF
    "%C0%AE", "%C0%AE%C0%AE", "%FF", "%FE%FF", "%ED%A0%80", "%E4%B8", "a%E4%B8", "%F4%90%80%80", "%80",
    # control characters, CR/LF (log forging), NUL, DEL, and Unicode's own line breaks
    "%00", "a%00b", f"%0D%0A{FORGED}", f"x%0A{FORGED}", f"%0D{FORGED}", "%09", "%1B%5B31m", "%7F",
    "%C2%85", "%E2%80%A8", "%E2%80%AE", "%EF%BB%BF", "%E2%80%8B",
    # long strings
    "x" * 10_240, "%E6%B1%89" * 3_000, "A" * 200, "-" * 41,
    # paths and encodings
    "..", "%2E%2E", "%2F", "%2F%2F", "%5C", ".", "%", "%zz", "%%", "%2", "%25", "%252F", "~", "*", "%20",
    # markup and quoting
    "%3Cscript%3Efuzz(1)%3C%2Fscript%3E", "%22%3E%3Cscript%3Efuzz(1)%3C%2Fscript%3E", "'", "%22", "%3C%3E",
    "javascript:alert(1)", "%26", "%3B", "%3D", "%3F", "%23",
    # extreme numbers
    "-1", "0", "1", "00", "+1", "1" + "0" * 30, "-" + "9" * 40, "1e309", "-1e309", "NaN", "nan", "Infinity", "-inf",
    "0x10", "1_000", "%EF%BC%91", "%D9%A3", "1.5", "1e3", "2147483648", "9223372036854775808",
    # extreme dates
    "9999-12-31T23:59", "0001-01-01T00:00%2B14:00", "0001-01-01T00:00-14:00", "1899-12-31", "2026-02-30",
    "2026-11-24T25:00", "2026-11-24T12:30%2B08:00", "2026-11-24T12:30Z", "99999-01-01", "2026-W48",
    "2200-12-31T23:59", "1900-01-01T00:00", "2026-11-24T12:30:00.000000001",
    # unknown codes and languages
    "NO-SUCH", "GAJ-9999", "gaj-0001", "GAJ-0001%20", "fr", "xx-YY", "zh", "zh-HANS", "zh_Hant", "en-GB", "*",
    "%E6%B1%89%E5%AD%97", "%F0%9F%98%80", "true", "null", "[]", "{}", "%5B%5D", "__proto__", "None",
]

#: Valid values, by placeholder and parameter name.
VALID = {
    "lang": ["zh-hans", "en", "zh-hant"],
    "code": ["GAJ-0001", "GAJ-0014", "GAJ-0048", "GAJ-0019", "gaj", "municipal", "huicheng"],
    "center": ["municipal", "huicheng", "exit-entry"],
    "slug": ["having-a-baby", "starting-a-company"],
    "id": ["1", "2", "999999"],
    "name": ["test-admin", "test-editor", "x.pdf"],
    "locale": ["zh-hans", "en", "forms"],
    "number": ["1", "2"],
    "subpath": ["css/site.css", "js/suggest.js", "img/favicon.svg", "css/../css/site.css"],
    # query parameters
    "q": ["passport", "身份证", "护照 OR 签证", "营业执照*", '"居住证"', "NOT", "(", "a AND b"],
    "page": ["1", "2", "100000", "100001"],
    "per_page": ["1", "20", "50", "100", "101"],
    "at": ["2026-11-24T12:30", "2026-11-24T12:30+08:00", "2027-01-01T09:00"],
    "district": ["huicheng", "huiyang"],
    "department": ["gaj", "sw"],
    "topic": ["housing", "travel"],
    "type": ["licensing", "public_service"],
    "audience": ["individual", "enterprise", "both"],
    "online": ["yes", "no"],
    "mode": ["collect_forward", "online_only"],
    "format": ["a4", "80mm"],
    "lat": ["23.1", "-90", "90.0001"],
    "lon": ["114.4", "180", "-180.5"],
    "from": ["2026-11-01", "1"],
    "to": ["2026-11-30", "2"],
    "user": ["test-admin", "scheduler"],
    "item": ["GAJ-0001"],
    "next": ["/editor/", "//evil.example/", "https://evil.example/"],
    "feedback": ["thanks"],
    "sort": ["name", "-name"],
    "display": ["large", "contrast"],
}
PARAMS = [name for name in VALID if name not in ("code", "slug", "id", "name", "locale", "number", "subpath")]
#: query strings of odd syntax, added whole
QUERY_SYNTAX = ["a=1&a=2", "page=1&page=2", "q=a&q=b", "q[]=x", "q[0]=x&q[1]=y", "q=1;q=2", "&&&", "=", "==", "q",
                "q=", "q=%", "q=%zz", "page", "lang", "lang=en&lang=fr", ";", "?", "q=%FF%FE", "%FF=1", "%00=1",
                "a=" + "b" * 10_240, "&".join(f"p{i}=1" for i in range(500)), "q=a+b", "q=%2B%2B", "q=*&page=-1",
                "per_page=0&page=0", "at=&lat=&lon=", "lat=1e309&lon=NaN", "lat=NaN&lon=0", "lat=0"]

ACCEPT = ["text/html", "application/json", "*/*", "", "application/json;q=1, text/html;q=0.1",
          "text/html;q=0.1, application/json", "image/png", "text/html;q=0", "application/json, text/html",
          "application/*", "text/*", ";;;q=abc", "*/*;q=NaN", "application/json;q=2", "text/html;q=-1",
          "application/json;q=0, */*;q=0.1", "x" * 8_000, "application/problem+json", "\xff\xfe/\x80"]
ACCEPT_LANGUAGE = ["en", "zh-HK", "zh-TW,zh;q=0.9", "xx", "*", "en;q=1e309", ";;;,,,", "en-GB,en;q=0.9", "fr-FR",
                   "zh-Hant-TW", "q=1", "a" * 8_000, "en;q=NaN, zh;q=inf", "\xff\xfe", "zh-hans;q=0"]
COOKIE = ["lang=fr", "lang=en", "lang=%FF", "guide_session=garbage", "guide_session=" + "A" * 4_000, "=;;;=",
          "lang=en; lang=zh-hans", "display=large", "display=\xff", '"quoted"=1', "a" * 4_000, "lang"]
OTHER_HEADERS = [("If-None-Match", "junk"), ("If-None-Match", '"'), ("If-None-Match", 'W/"x", *'),
                 ("If-None-Match", "*"), ("If-Modified-Since", "not a date"), ("If-Modified-Since", "Mon, 01 Jan 0001"),
                 ("Range", "bytes=abc"), ("Range", "bytes=-0"), ("Range", "bytes=99999999999999999999-"),
                 ("Accept-Encoding", "gzip;q=NaN"), ("Accept-Encoding", "gzip"), ("Accept-Encoding", "x" * 2_000),
                 ("Origin", "null"), ("Origin", "https://evil.example"), ("Referer", "\xff" * 20),
                 ("X-Forwarded-For", "1.2.3.4, ::1, junk"), ("X-Requested-With", "XMLHttpRequest"),
                 ("User-Agent", "\x7f" * 10), ("Authorization", "Basic !!!"), ("Content-Type", "text/plain")]
CONTENT_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=",
                 "multipart/form-data; boundary=xyz", "application/json", "text/plain", "", "application/x-www-form-urlencoded; charset=latin-1",
                 "application/x-www-form-urlencoded; charset=utf-7"]
BODIES = [b"", b"text=hello&useful=yes", b"useful=no", b"text=" + b"x" * 10_240, b"text=%FF%FE", b"text=%00",
          b"useful=yes&useful=no", b"text[]=1", b"csrf_token=x&username=" + b"y" * 5_000, b"{", b'{"text": 1}',
          b"--xyz\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhi\r\n--xyz--\r\n", b"--xyz\r\n", b"\xff\xfe\x00",
          b"text=%3Cscript%3Efuzz(1)%3C%2Fscript%3E", b"text=" + f"a%0D%0A{FORGED}".encode()]

PLACEHOLDER = re.compile(r"\{(\w+)(?::[^}]*)?\}|\*(\w+)")


@dataclass
class Sent:
    method: str
    url: str
    headers: dict = field(default_factory=dict)
    body: bytes | None = None
    content_type: str | None = None
    #: the route whose pattern it was made from (a hostile value may match another, or none)
    route: str | None = None

    def __str__(self):
        shown = {k: (v if len(v) < 80 else f"{v[:40]}...({len(v)} chars)") for k, v in self.headers.items()}
        url = self.url if len(self.url) < 200 else f"{self.url[:120]}...({len(self.url)} chars)"
        body = None if self.body is None else self.body[:80]
        return f"{self.method} {url} headers={shown} content_type={self.content_type!r} body={body!r}"


def route_patterns(registry, prefix: str | None = None) -> list[tuple[str, str]]:
    """(name, pattern) of every route, from the app's own table."""
    found = []
    for entry in registry.introspector.get_category("routes"):
        route = entry["introspectable"]
        pattern = route["pattern"] if route["pattern"].startswith("/") else "/" + route["pattern"]
        if prefix is None or pattern.startswith(prefix):
            found.append((route["name"], pattern))
    return found


def route_methods(registry) -> dict[str, set[str]]:
    """The methods each route's views take (None: any)."""
    methods = collections.defaultdict(set)
    for entry in registry.introspector.get_category("views"):
        view = entry["introspectable"]
        taken = view["request_methods"]
        methods[view["route_name"]].update(METHODS if taken is None else [taken] if isinstance(taken, str) else taken)
    return methods


def fill(pattern: str, rng: random.Random, hostility: float) -> str:
    def value(match):
        name = match.group(1) or match.group(2)
        if rng.random() < hostility:
            return rng.choice(HOSTILE)
        return rng.choice(VALID.get(name, ["x"]))
    path = PLACEHOLDER.sub(value, pattern)
    if rng.random() < 0.05:  # a trailing slash added or taken off, a doubled one
        path = rng.choice([path + "/", path.rstrip("/") or "/", path.replace("/", "//", 1)])
    return path


def query(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3, 5])):
        name = rng.choice(PARAMS)
        roll = rng.random()
        value = rng.choice(VALID[name]) if roll < 0.35 else rng.choice(HOSTILE)
        parts.append(f"{name}={value.replace('&', '%26').replace('#', '%23').replace(' ', '+')}")
    if rng.random() < 0.15:
        parts.append(rng.choice(QUERY_SYNTAX))
    return "&".join(parts)


def headers(rng: random.Random) -> dict:
    chosen = {}
    if rng.random() < 0.6:
        chosen["Accept"] = rng.choice(ACCEPT)
    if rng.random() < 0.3:
        chosen["Accept-Language"] = rng.choice(ACCEPT_LANGUAGE)
    if rng.random() < 0.2:
        chosen["Cookie"] = rng.choice(COOKIE)
    for _ in range(rng.choice([0, 0, 0, 1, 2])):
        name, value = rng.choice(OTHER_HEADERS)
        chosen[name] = value
    return chosen


def battery(patterns: list[tuple[str, str]], rng: random.Random, total: int, hostility: float = 0.5) -> list[Sent]:
    sent = []
    # Every route with valid values under every method, then with hostile ones, then at random.
    for name, pattern in patterns:
        for method in METHODS:
            sent.append(Sent(method, fill(pattern, rng, 0.0), route=name))
            sent.append(Sent(method, fill(pattern, rng, 1.0), headers(rng), route=name))
    # A reader's feedback, the one public form, with every body.
    for body in BODIES:
        for content_type in CONTENT_TYPES[:2]:
            sent.append(Sent("POST", f"/{rng.choice(VALID['lang'])}/items/GAJ-0014/feedback", headers(rng), body,
                             content_type, route="public.feedback"))
    while len(sent) < total:
        name, pattern = rng.choice(patterns)
        method = rng.choices(METHODS, weights=(50, 10, 15, 5, 5, 5, 5, 5))[0]
        url = fill(pattern, rng, hostility)
        qs = query(rng)
        if qs:
            url += "?" + qs
        request = Sent(method, url, headers(rng), route=name)
        if method in ("POST", "PUT", "PATCH") and rng.random() < 0.8:
            request.content_type = rng.choice(CONTENT_TYPES)
            request.body = rng.choice(BODIES)
        sent.append(request)
    return sent


def acceptable(sent: Sent) -> list[str]:
    return [offer for offer, _q in create_accept_header(sent.headers.get("Accept")).acceptable_offers(
        ["text/html", "application/json"])]


def wants_json(sent: Sent, environ_path: str) -> bool:
    """The format of an error page (guide.views.errors.wants_json, restated): JSON under /api/
    or when the client prefers it, else HTML."""
    if environ_path.startswith("/api/"):
        return True
    offers = acceptable(sent)
    return bool(offers) and offers[0] == "application/json"


#: a form shown again with what was wrong (HTML is the form's own format, wherever HTML is
#: acceptable): not an error page
FORM_AGAIN = b'class="error-summary'


class NoCookies(http.cookiejar.CookieJar):
    """WebTest's cookie jar matches cookies to the URL, and so decodes the path: an undecodable
    one fails in the jar, before the app. The battery keeps its cookies by hand instead."""

    def add_cookie_header(self, request):
        pass

    def extract_cookies(self, response, request):
        pass


def client(wsgi_app, extra_environ=None) -> TestApp:
    return TestApp(wsgi_app, extra_environ=extra_environ or {}, cookiejar=NoCookies())


class Battery:
    """Sends the requests, checks each answer, and keeps what went wrong, by kind."""

    def __init__(self, caplog, keep_cookies: bool = False):
        self.caplog = caplog
        #: the cookies the app has set (the editor's session), sent by hand (NoCookies)
        self.cookies: dict[str, str] | None = {} if keep_cookies else None
        self.statuses = collections.Counter()
        self.started = time.perf_counter(), time.process_time()
        self.problems: dict[str, list[str]] = collections.defaultdict(list)

    def problem(self, kind: str, sent: Sent, detail: str = "") -> None:
        self.problems[kind].append(f"{sent}\n      {detail}")

    def send(self, app: TestApp, sent: Sent) -> None:
        first_record = len(self.caplog.records)
        params = {"method": sent.method, "headers": dict(sent.headers), "expect_errors": True}
        if self.cookies and "Cookie" not in sent.headers:
            params["headers"]["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if sent.body is not None:
            params["body"] = sent.body
        if sent.content_type is not None:
            params["content_type"] = sent.content_type
        try:
            response = app.request(sent.url, **params)
        except Exception as exc:  # out of the app (or WebTest's lint): as bad as a 500
            self.statuses["raised"] += 1
            self.problem(f"raised {type(exc).__name__}", sent, f"{type(exc).__name__}: {str(exc)[:300]}")
            return
        finally:
            records = self.caplog.records[first_record:]
        if self.cookies is not None and "Cookie" not in sent.headers:
            for header in response.headers.getall("Set-Cookie"):
                name, _, value = header.split(";")[0].partition("=")
                if "max-age=0" in header.lower():
                    self.cookies.pop(name.strip(), None)
                else:
                    self.cookies[name.strip()] = value.strip()
        self.statuses[response.status_int] += 1
        self.check(sent, response, records)

    def check(self, sent: Sent, response, records) -> None:
        status = response.status_int
        environ_path = response.request.environ.get("PATH_INFO", "")
        for record in records:
            message = record.getMessage()
            if record.levelno >= logging.ERROR:
                raised = f"{record.exc_info[0].__name__}: {record.exc_info[1]}"[:120] if record.exc_info else ""
                self.problem(f"logged {record.levelname}: {message.split(' on ')[0]}: {raised}", sent, message[:200])
            if "\r" in message or "\n" in message:
                self.problem("a log line forged from the request", sent, repr(message[:300]))
        if status >= 500:
            self.problem(f"{status}", sent, response.text[:200].replace("\n", " "))
        for name in ("Content-Security-Policy", "X-Content-Type-Options"):
            # (A 304 has no body: the browser keeps the headers of the 200 it revalidates.)
            if name not in response.headers and status != 304:
                self.problem(f"no {name} on a {status // 100}xx", sent)
        if status == 405 and "Allow" not in response.headers:
            self.problem("a 405 without Allow", sent)
        if any(c in value for value in response.headers.values() for c in "\r\n"):
            self.problem("a header forged from the request", sent, str(response.headers)[:300])
        body = response.body
        if SCRIPT.encode() in body and response.content_type == "text/html":
            self.problem("a script from the request reached a page", sent)
        if status < 400:
            return
        form_again = (response.content_type == "text/html" and FORM_AGAIN in body
                      and not environ_path.startswith("/api/") and "text/html" in (acceptable(sent) or ["text/html"]))
        if wants_json(sent, environ_path) and not form_again:
            if response.content_type != "application/json":
                self.problem(f"a {status} not in JSON", sent, f"Content-Type {response.content_type}")
            elif sent.method != "HEAD":
                try:
                    error = response.json["error"]
                    assert error["status"] == status and isinstance(error["message"], str) and error["message"]
                except Exception as exc:
                    self.problem(f"a {status} whose JSON is not an error", sent, f"{exc!r}: {body[:200]!r}")
        elif response.content_type != "text/html":
            self.problem(f"a {status} not in HTML", sent, f"Content-Type {response.content_type}")
        elif sent.method != "HEAD" and b"<html" not in body[:500].lower():
            self.problem(f"a {status} HTML error without a page", sent, repr(body[:200]))

    def report(self, label: str) -> str:
        wall, cpu = time.perf_counter() - self.started[0], time.process_time() - self.started[1]
        lines = [f"{label}: {sum(self.statuses.values())} requests in {wall:.1f} s ({cpu:.1f} s of CPU); statuses "
                 + ", ".join(f"{k}: {v}" for k, v in sorted(self.statuses.items(), key=str))]
        for kind, cases in sorted(self.problems.items()):
            lines.append(f"  {kind}: {len(cases)} cases, e.g.")
            lines.extend(f"    {case}" for case in cases[:3])
        return "\n".join(lines)


READS = ("GET", "HEAD", "OPTIONS", "TRACE")


@contextmanager
def doomed(wsgi_app):
    """A client whose requests share one transaction, undone at the end of the block."""
    manager = transaction.TransactionManager(explicit=True)
    manager.begin()
    manager.doom()
    dbsession = get_tm_session(wsgi_app.registry["dbsession_factory"], manager)
    try:
        yield client(wsgi_app, {"tm.active": True, "tm.manager": manager, "app.dbsession": dbsession})
    finally:
        manager.abort()


def row_counts(database) -> dict[str, int]:
    with database.engine.connect() as connection:
        return {table.name: connection.execute(select(func.count()).select_from(table)).scalar()
                for table in Base.metadata.sorted_tables}


def test_a_hostile_battery_over_every_route_and_method(wsgi_app, database, fresh_throttle, caplog):
    caplog.set_level(logging.INFO)
    before = row_counts(database)
    patterns = route_patterns(wsgi_app.registry)
    assert len(patterns) > 50
    rng = random.Random(SEED)
    sent = battery(patterns, rng, TOTAL)
    assert len(sent) >= 5_000
    run = Battery(caplog)
    reader = client(wsgi_app)
    takes = route_methods(wsgi_app.registry)
    for request in sent:
        if request.method not in READS and request.method in takes[request.route]:
            # What may write runs in a transaction of its own that is then undone: nothing
            # stays, and no write lock is held past the request.
            with doomed(wsgi_app) as writer:
                run.send(writer, request)
        else:
            # (The content caches serve only what is committed, not a transaction's own.)
            run.send(reader, request)
    print("\n" + run.report("public battery"))
    assert sum(run.statuses.values()) >= 5_000
    assert row_counts(database) == before, "the battery left rows behind"
    assert not run.problems, run.report("public battery")


def csrf_token(app) -> str:
    return app.get("/editor/preferences").html.select_one("input[name=csrf_token]")["value"]


#: the editor's form fields (DESIGN.md and the views), with hostile values
EDITOR_FIELDS = ["summary", "body", "note", "major", "base_revision", "publish_at", "action", "username", "password",
                 "role", "active", "locale", "current_password", "new_password", "step", "token", "kind", "op",
                 "material", "centers", "items", "severity", "starts", "ends", "text_zh", "text_en", "slug",
                 "title_zh", "title_en", "terms", "term", "synonyms", "query", "code", "next", "from", "to", "q"]
ACTIONS = ["preview", "save", "submit", "send_back", "publish", "schedule", "cancel_schedule", "archive", "remove",
           "role", "password", "reset", "disable", "enable", "apply", "add", "delete", "", "x" * 300]
EDITOR_VALUES = HOSTILE + ["", "on", "1", "yes", "2026-12-01T10:00", "editor", "admin", "apply", "save"]


HOSTILE_UPLOADS = [
    ("catalogue.json", b'{"items": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),  # past the recursion limit
    ("catalogue.json", b'{"items": [{"code": ' + b"1" * 5_000 + b'}], "materials": []}'),  # past 4,300 digits
    ("catalogue.json", b'{"items": 1e309, "materials": NaN}'),
    ("catalogue.json", b"\xff\xfe{"),
    ("catalogue.xlsx", b"PK\x03\x04" + b"\x00" * 100),
    ("items.csv", b"code,name\n\x00,\xff"),
    ("items.csv", b""),
]


def test_a_hostile_battery_of_editor_forms_signed_in_as_admin(wsgi_app, doomed_app, users, caplog):
    caplog.set_level(logging.INFO)
    login(doomed_app, users["admin"].username)
    token = csrf_token(doomed_app)
    takes = route_methods(wsgi_app.registry)
    # Every route that takes a form (signing out would end the battery).
    patterns = [(name, pattern) for name, pattern in route_patterns(wsgi_app.registry, "/editor")
                if "POST" in takes[name] and name != "editor.logout"]
    assert len(patterns) >= 15
    rng = random.Random(SEED + 1)
    run = Battery(caplog, keep_cookies=True)
    run.cookies.update({c.name: c.value for c in doomed_app.cookiejar})
    editor = client(wsgi_app, doomed_app.extra_environ)
    for n in range(EDITOR_TOTAL):
        _name, pattern = patterns[n % len(patterns)] if n < 2 * len(patterns) else rng.choice(patterns)
        url = fill(pattern, rng, 0.0 if n < len(patterns) else 0.3)
        fields = [("csrf_token", token)]
        if rng.random() < 0.5:
            fields.append(("action", rng.choice(ACTIONS)))
        for _ in range(rng.randint(1, 8)):
            fields.append((rng.choice(EDITOR_FIELDS), unquote_to_bytes(rng.choice(EDITOR_VALUES))))
        body = b"&".join(k.encode() + b"=" + _quote(v) for k, v in fields)
        run.send(editor, Sent("POST", url, headers(rng) if rng.random() < 0.3 else {}, body,
                              "application/x-www-form-urlencoded"))
    # Catalogue files that cannot be read: refused with a message, not a 500.
    for name, data in HOSTILE_UPLOADS:
        content_type, body = editor.encode_multipart([("csrf_token", token), ("step", "check")], [("files", name, data)])
        run.send(editor, Sent("POST", "/editor/catalogue-import", {}, body, content_type))
    print("\n" + run.report("editor battery"))
    # The battery ran signed in to its end (its forms were checked, not turned away).
    cookie = "; ".join(f"{k}={v}" for k, v in run.cookies.items())
    assert editor.get("/editor/", headers={"Cookie": cookie}).status_int == 200
    assert not run.problems, run.report("editor battery")


def _quote(value) -> bytes:
    return quote_from_bytes(value if isinstance(value, bytes) else value.encode(), safe="").encode()
