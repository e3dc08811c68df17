"""Property tests (issue 15), reproducible (`derandomize`): whatever a search box, an API client,
a catalogue spreadsheet or an editor's Markdown holds, no 500, no partial write, and no script
reaching a page."""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, quote_from_bytes, urlencode

import pytest
from hypothesis import HealthCheck, event, example, given, settings, strategies as st
from sqlalchemy import Integer, Numeric, String, select

from guide.catalogue.importer import CatalogueInvalid, dry_run, import_catalogue
from guide.catalogue.sources import SourceError
from guide.models import Department, Item, Material
from guide.models.meta import Base
from guide.workflow.render import ALLOWED_TAGS, markdown_to_html, without_links

from .editor.conftest import login, password_hash, users  # noqa: F401 (fixtures)


def reproducible(max_examples: int):
    """The same examples on every run (CI must not fail by luck), no example database left behind."""
    return settings(max_examples=max_examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large, HealthCheck.large_base_example])


# -- HTML checks ---------------------------------------------------------------------------------

class Tags(HTMLParser):
    """The start tags of a document, with their attributes (values unescaped)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


C0_AND_SPACE = "".join(map(chr, range(0x21)))
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}


def url_scheme(value: str | None) -> str:
    """The scheme a browser would see: tabs and line breaks anywhere dropped, controls and spaces
    at the ends stripped (the URL standard's parser)."""
    cleaned = re.sub(r"[\t\n\r]", "", value or "").strip(C0_AND_SPACE)
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


def unsafe_html(html: str, max_scripts: int = 0) -> list[str]:
    """What in a document could run script: event handler attributes, script URLs, frames and
    embeds, and more <script> elements than the page has of its own."""
    found, scripts = [], 0
    for tag, attrs in Tags(html).tags:
        if tag == "script":
            scripts += 1
        if tag in ("iframe", "frame", "object", "embed", "base"):
            found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                found.append(f"<{tag} {name}=>")
            if name in URL_ATTRIBUTES and url_scheme(value) in ("javascript", "vbscript", "data"):
                found.append(f"<{tag} {name}={value!r}>")
    if scripts > max_scripts:
        found.append(f"{scripts} <script> elements (the page has {max_scripts})")
    return found


# -- Search: any text through the API and the pages ----------------------------------------------

OPERATORS = ["AND", "OR", "NOT", "TO", "*", "?", '"', "'", "(", ")", "[", "]", "{", "}", "~", "^", "^2", "~3", "+",
             "-", ":", "\\", "/", "<", ">", "&", "%", "=", "`", "|", "!", "#", ";", "name:", "*:*", "code:GAJ*",
             "[a TO z]", "{* TO *}", "\\*", "%00", "%FF"]
WORDS = ["护照", "身份证", "passport", "marriage", "营业执照", "居住证", "社保", "公积金", "護照", "huzhao", "GAJ-0014"]
PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)",
            "<iframe src=//evil.example>", "</textarea><script>alert(1)</script>", "<svg onload=alert(1)>",
            "'><a href=javascript:alert(1)>x</a>", "{{7*7}}", "${7*7}", "\u202e", "<!--", "]]>", "<mark>x</mark>"]
#: any text a keyboard (or a paste) can give: no surrogates, which no UTF-8 URL can carry
ANY_TEXT = st.characters(exclude_categories=("Cs",))
token = st.one_of(st.sampled_from(OPERATORS + WORDS + PAYLOADS), st.text(ANY_TEXT, max_size=12))
queries = st.one_of(
    st.text(ANY_TEXT, max_size=300),
    st.lists(token, max_size=12).map(" ".join),
    st.lists(token, max_size=6).map("".join),
    # long ones, around the 5,000-character limit
    st.tuples(st.text(ANY_TEXT, min_size=1, max_size=5), st.integers(100, 6000)).map(lambda t: (t[0] * t[1])[:t[1]]),
)
MAX_QUERY = 5000


@pytest.fixture
def page_scripts(testapp) -> int:
    """How many <script> elements a search page has of its own."""
    return max(sum(tag == "script" for tag, _a in Tags(testapp.get(url).text).tags)
               for url in ("/en/search?q=passport", "/en/search?q=zzzzqqq", "/en/search"))


@reproducible(300)
@given(q=queries)
@example(q="<script>alert(1)</script>")
@example(q='护照"><img src=x onerror=alert(1)>')
@example(q="x" * 5000)
@example(q="x" * 5001)
@example(q="\x00\x1b[31m\u2028\r\n")
def test_any_search_text_through_the_api(testapp, q):
    response = testapp.get("/api/v1/search?" + urlencode({"q": q}), expect_errors=True)
    assert response.content_type == "application/json", response.status
    if len(q) > MAX_QUERY:
        error = response.json["error"]
        assert (response.status_int, error["status"], error["parameter"]) == (400, 400, "q") and error["message"]
        return
    assert response.status_int == 200, (response.status, response.text[:300])
    answer = response.json
    assert answer["q"] == q
    event("hits" if answer["results"] else "no hits")
    for hit in answer["results"]:
        # the snippet is HTML the page shows as it is
        assert not unsafe_html(hit["snippet"]), hit["snippet"]
        assert set(tag for tag, _a in Tags(hit["snippet"]).tags) <= {"mark", "b", "em", "strong"}, hit["snippet"]


@reproducible(200)
@given(q=queries, lang=st.sampled_from(["zh-hans", "en", "zh-hant"]), kiosk=st.booleans())
@example(q="<script>alert(1)</script>", lang="en", kiosk=False)
@example(q="</textarea><script>alert(1)</script>", lang="zh-hans", kiosk=True)
@example(q="'><a href=javascript:alert(1)>x</a>", lang="zh-hant", kiosk=False)
@example(q="<script>alert(1)</script>" * 200 + "x", lang="en", kiosk=False)
def test_any_search_text_on_the_pages(testapp, page_scripts, q, lang, kiosk):
    path = f"/kiosk/municipal/{lang}/search" if kiosk else f"/{lang}/search"
    response = testapp.get(path + "?" + urlencode({"q": q}), expect_errors=True)
    assert response.status_int < 500, (response.status, q)
    event(f"{'kiosk' if kiosk else 'page'} {response.status_int}")
    assert response.content_type == "text/html"
    if kiosk:  # the kiosk refuses control characters too (text_param)
        assert response.status_int in (200, 400), (response.status, q)
    else:
        assert response.status_int == (400 if len(q) > MAX_QUERY else 200), (response.status, q)
    assert not unsafe_html(response.text, max_scripts=page_scripts), q
    for payload in PAYLOADS:
        if "<" in payload and payload in q:
            assert payload not in response.text


# -- API parameters ------------------------------------------------------------------------------

API = {
    "/api/v1/items": ["page", "per_page", "lang"],
    "/api/v1/items/GAJ-0014": ["lang"],
    "/api/v1/items/GAJ-0014/windows": ["lang", "lat", "lon", "district", "center", "at"],
    "/api/v1/search": ["q", "lang", "page", "per_page", "department", "type", "audience", "online", "mode", "center"],
    "/api/v1/suggest": ["q", "lang"],
    "/api/v1/centers": ["lang"],
    "/api/v1/centers/municipal/status": ["lang", "at"],
    "/api/v1/notices": ["at"],
    "/api/v1/openapi.json": [],
}
VALID = {
    "page": ["1", "2", "100000"], "per_page": ["1", "20", "50", "100"], "lang": ["zh-Hans", "en", "zh-hant", "EN"],
    "lat": ["23.1", "-90", "90"], "lon": ["114.4", "180"], "district": ["huicheng"], "center": ["municipal"],
    "at": ["2026-11-24T12:30", "2026-11-24T12:30+08:00", "2200-12-31T23:59", "1900-01-01T08:00+08:00"],
    "q": ["护照", "passport"], "department": ["gaj"], "type": ["licensing"], "audience": ["individual"],
    "online": ["yes", "no"], "mode": ["online_only"],
}
OFFSETS = [dt.timezone.utc, dt.timezone(dt.timedelta(hours=14)), dt.timezone(dt.timedelta(hours=-12)),
           dt.timezone(dt.timedelta(hours=8)), dt.timezone(dt.timedelta(hours=23, minutes=59))]
values = st.one_of(
    st.sampled_from(sorted({v for vs in VALID.values() for v in vs})),
    st.integers(-10**40, 10**40).map(str),
    st.floats().map(repr),
    st.text(ANY_TEXT, max_size=60),
    st.datetimes().map(lambda d: d.isoformat()),
    st.datetimes(timezones=st.sampled_from(OFFSETS)).map(lambda d: d.isoformat()),
    st.dates().map(str),
    st.sampled_from(["NaN", "inf", "-inf", "1e309", "0x10", "1_0", "١", "+1", " 1 ", "", "0001-01-01T00:00+14:00",
                     "9999-12-31T23:59", "1899-12-31", "2026-02-30T10:00", "24:00", "T", "-0"]),
)
#: a parameter's value as it travels: UTF-8 percent-encoded, or raw bytes that need not decode
encoded = st.one_of(values.map(lambda v: quote(v, safe="")), st.binary(max_size=8).map(lambda b: quote_from_bytes(b)))


@st.composite
def api_calls(draw):
    path = draw(st.sampled_from(sorted(API)))
    names = API[path] + ["unknown", "page"]
    pairs = draw(st.lists(st.tuples(st.sampled_from(names), encoded), max_size=6))
    return path, "&".join(f"{name}={value}" for name, value in pairs)


@reproducible(600)
@given(call=api_calls())
@example(call=("/api/v1/items", "page=" + "9" * 50))
@example(call=("/api/v1/items", "per_page=%EF%BC%95"))
@example(call=("/api/v1/centers/municipal/status", "at=2200-12-31T23:59%2B08:00"))
@example(call=("/api/v1/centers/municipal/status", "at=1900-01-01T00:00"))
@example(call=("/api/v1/items/GAJ-0014/windows", "lat=1e309&lon=NaN"))
@example(call=("/api/v1/items/GAJ-0014/windows", "lat=23&lon=114&at=2200-12-31T23:59"))
@example(call=("/api/v1/notices", "at=%FF"))
def test_api_parameters_are_answered_or_refused_in_json(testapp, call):
    path, query = call
    response = testapp.get(f"{path}?{query}", expect_errors=True)
    assert response.status_int in (200, 400), (response.status, path, query, response.text[:300])
    event(str(response.status_int))
    assert response.content_type == "application/json"
    body = response.json
    if response.status_int == 400:
        error = body["error"]
        assert error["status"] == 400 and isinstance(error["message"], str) and error["message"]
        assert error.get("parameter") in (None, *API[path], "page", "unknown"), error
    else:
        assert isinstance(body, dict) and "error" not in body


@reproducible(200)
@given(page=st.one_of(st.integers(-5, 100_005), st.integers()), per_page=st.one_of(st.integers(-5, 105), st.integers()))
def test_api_paging_takes_exactly_its_ranges(testapp, page, per_page):
    response = testapp.get("/api/v1/items", {"page": str(page), "per_page": str(per_page)}, expect_errors=True)
    if 1 <= page <= 100_000 and 1 <= per_page <= 100:
        assert response.status_int == 200
        answer = response.json
        assert (answer["page"], answer["per_page"]) == (page, per_page)
        assert len(answer["items"]) == max(0, min(per_page, answer["total"] - (page - 1) * per_page))
    else:
        assert response.status_int == 400 and response.json["error"]["parameter"] in ("page", "per_page")


# -- Catalogue rows: an import succeeds whole or raises its validation error, writing nothing ----

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "catalogue-small"
TABLES = ("departments", "items", "materials")


def _read_small() -> dict[str, tuple[list[str], list[dict]]]:
    tables = {}
    for name in TABLES:
        with (SMALL / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            tables[name] = (list(reader.fieldnames), list(reader))
    return tables


BASE = _read_small()
EDGE_CELLS = [
    "", " ", "0", "-1", "-0", "1", "2", "3", "4", "5", "10", "11", "99", "100", "3650", "3651", "1e3", "１", "٣", "1_0",
    "NaN", "Infinity", "99999999.99", "100000000", "0.001", "1.10", "12.5", "https://example.org/apply", "http://x",
    "javascript:alert(1)", "https://", "https:// x", "yes", "no", "是", "否", "maybe", "licensing", "online_only",
    "collect_forward", "individual", "both", "municipal", "district", "required", "conditional", "hall", "functional",
    "travel", "travel;family", "travel;;nosuch", "GAJ-0001", "MZJ-0001", "MZJ-0002", "GAJ-9999", "gaj", "mzj",
    "new-dept", "A" * 41, "x" * 301, "x" * 501, "a\x00b", "\x7f", "\x85", "\x1b[31m", "<script>alert(1)</script>",
    "\u202e", "=cmd|' /C calc'!A0", "line\r\nbreak", '"', "\ufeff", "9" * 30,
]
cells = st.one_of(st.sampled_from(EDGE_CELLS), st.text(ANY_TEXT, max_size=20), st.integers(-10**6, 10**6).map(str))
#: JSON catalogues carry more than text
json_cells = st.one_of(cells, st.integers(), st.floats(), st.none(), st.booleans(),
                       st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=1))


def _mutation(cell_strategy):
    return st.sampled_from(TABLES).flatmap(lambda table: st.tuples(
        st.just(table), st.integers(0, len(BASE[table][1])),
        st.sampled_from(BASE[table][0] + ["extra"]), cell_strategy))


@st.composite
def catalogues(draw):
    """The small catalogue with some cells changed and rows added (a copy of a row, changed)."""
    kind = draw(st.sampled_from(["csv", "json"]))
    tables = {name: (list(columns), [dict(r) for r in rows]) for name, (columns, rows) in BASE.items()}
    for table, index, column, value in draw(st.lists(_mutation(json_cells if kind == "json" else cells),
                                                     min_size=1, max_size=6)):
        columns, rows = tables[table]
        if index == len(rows):
            rows.append(dict(rows[0]))
        rows[index][column] = value
        if column not in columns:
            columns.append(column)
    if draw(st.booleans()) and draw(st.booleans()):  # a column dropped
        table = draw(st.sampled_from(TABLES))
        column = draw(st.sampled_from(tables[table][0]))
        tables[table][0].remove(column)
        for row in tables[table][1]:
            row.pop(column, None)
    return kind, tables


def _write(folder: Path, kind: str, tables) -> Path:
    for old in folder.glob("*"):
        old.unlink()
    if kind == "json":
        path = folder / "catalogue.json"
        path.write_text(json.dumps({name: rows for name, (_c, rows) in tables.items()}, ensure_ascii=False),
                        encoding="utf-8")
        return path
    for name, (columns, rows) in tables.items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            writer.writerows({k: ("" if v is None else str(v)) for k, v in row.items()} for row in rows)
    return folder


def dump(dbsession) -> dict:
    """Every row of every table, in a comparable form."""
    return {table.name: sorted(map(repr, dbsession.execute(select(table)).all())) for table in Base.metadata.sorted_tables}


def _fits_its_columns(dbsession) -> list[str]:
    """What SQLite stores but PostgreSQL would refuse: strings over their length or with NUL,
    numbers over their column's range."""
    wrong = []
    for model in (Department, Item, Material):
        table = model.__table__
        for row in dbsession.execute(select(table)).mappings():
            for column in table.columns:
                value, kind, where = row[column.name], column.type, f"{table.name}.{column.name}"
                if value is None:
                    continue
                if isinstance(kind, String) and kind.length and len(value) > kind.length:
                    wrong.append(f"{where}: {len(value)} characters")
                if isinstance(value, str) and "\x00" in value:
                    wrong.append(f"{where}: NUL")
                if isinstance(kind, Numeric) and kind.precision and (
                        abs(Decimal(value)) >= Decimal(10) ** (kind.precision - (kind.scale or 0))):
                    wrong.append(f"{where}: {value}")
                if isinstance(kind, Integer) and not isinstance(value, bool) and not -2**31 <= value < 2**31:
                    wrong.append(f"{where}: {value}")
    return wrong


class Undo(Exception):
    """Leaves the example's transaction without committing it."""


@pytest.fixture
def small_catalogue(scratch):
    with scratch.transaction() as s:
        import_catalogue(s, SMALL)
    return scratch


@reproducible(200)
@given(catalogue=catalogues())
def test_a_catalogue_imports_whole_or_not_at_all(small_catalogue, tmp_path_factory, catalogue):
    kind, tables = catalogue
    folder = tmp_path_factory.mktemp("catalogue", numbered=True)
    path = _write(folder, kind, tables)
    try:
        with small_catalogue.transaction() as s:
            before = dump(s)
            # A dry run writes nothing, whatever it finds.
            try:
                dry_run(s, path)
            except (CatalogueInvalid, SourceError):
                pass
            assert dump(s) == before, "the dry run left something behind"
            try:
                import_catalogue(s, path)
            except (CatalogueInvalid, SourceError) as e:
                event(f"refused: {type(e).__name__}")
                assert dump(s) == before, "a refused import wrote something"
            else:
                event("imported")
                assert not _fits_its_columns(s)
            raise Undo
    except Undo:
        pass


@pytest.mark.parametrize("text", [
    '{"items": [{"code": ' + "1" * 5000 + '}], "materials": []}',  # an integer past Python's 4,300 digits
    '{"items": ' + "[" * 100_000 + "]" * 100_000 + ', "materials": []}',  # nesting past the recursion limit
])
def test_a_json_catalogue_that_cannot_be_read_is_a_source_error(scratch, tmp_path, text):
    path = tmp_path / "catalogue.json"
    path.write_text(text, encoding="utf-8")
    with scratch.transaction() as s:
        with pytest.raises((SourceError, CatalogueInvalid)):
            import_catalogue(s, path)


# -- Markdown: whatever an editor writes, the page gets no script --------------------------------

MARKDOWN_PIECES = [
    "<script>alert(1)</script>", "<SCRIPT SRC=//x.js></SCRIPT>", "<img src=x onerror=alert(1)>", "<iframe src=//x>",
    "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](java\tscript:alert(1))", "[x](&#106;avascript:alert(1))",
    "[x](javascript&colon;alert(1))", "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](vbscript:msgbox)",
    "[x]( javascript:alert(1))", "<javascript:alert(1)>", "![x](javascript:alert(1))", "[x][r]\n\n[r]: javascript:alert(1)",
    "<a href=\"javascript:alert(1)\">x</a>", "<svg onload=alert(1)>", "<style>*{}</style>", "<object data=x>",
    "<div onclick=alert(1)>x</div>", "<details open ontoggle=alert(1)>", "<math><mi xlink:href=javascript:alert(1)>",
    "```html\n<script>alert(1)</script>\n```", "`<script>`", "<!-- <script> -->", "<![CDATA[<script>]]>",
    "[x](https://example.org \"t\" onmouseover=alert(1))", "[x](<javascript:alert(1)>)", "<https://example.org>",
    "| a | b |\n|---|---|\n| <script> | [x](javascript:1) |", "# h1\n## h2", "> quote <iframe>", "* item\n  <script>",
    "\\<script>", "&lt;script&gt;", "<scr<script>ipt>", "<<script>>", "<a href=javascript:alert(1)>", "\x00", "\u202e",
    "[x](tel:12345)", "[x](mailto:a@b.c)", "[x](https://example.org/?a=<b>)", "<base href=//evil>", "<meta http-equiv>",
]
markdown = st.one_of(
    st.lists(st.one_of(st.sampled_from(MARKDOWN_PIECES), st.text(ANY_TEXT, max_size=20),
                       st.sampled_from(["\n", "\n\n", " ", "*", "_", "[", "]", "(", ")", "<", ">", "!", "`", "#", "|",
                                        "-", "&", ";", ":", "\"", "'", "=", "/", "\\"])),
             max_size=40).map("".join),
    st.text(st.characters(exclude_categories=("Cs",), max_codepoint=0x7f), max_size=200),
)


def markdown_problems(html: str, links: bool = True) -> list[str]:
    problems = unsafe_html(html)
    for tag, attrs in Tags(html).tags:
        if tag not in ALLOWED_TAGS or (tag == "a" and not links):
            problems.append(f"<{tag}> is not allowed")
        for name, value in attrs:
            if tag != "a" or name not in ("href", "title", "rel"):
                problems.append(f"<{tag} {name}=> is not allowed")
            elif name == "href" and url_scheme(value) not in ("", "http", "https", "mailto", "tel"):
                problems.append(f"a link to {value!r}")
    return problems


@reproducible(1500)
@given(text=markdown)
@example(text="[x](java\nscript:alert(1))")
@example(text="<scr<script>ipt>alert(1)</script>")
def test_markdown_never_yields_script(text):
    html = markdown_to_html(text)
    assert not markdown_problems(html), (text, html)
    assert not markdown_problems(without_links(html), links=False), (text, html)


GUIDE = "/editor/items/GAJ-0048/zh-hans"


@pytest.fixture
def editor_app(doomed_app, users):
    login(doomed_app, users["editor"].username)
    return doomed_app


@reproducible(60)
@given(text=markdown)
@example(text="<script>alert(1)</script>\n\n[x](javascript:alert(1))")
def test_a_guide_preview_shows_no_script(editor_app, text):
    form = editor_app.get(GUIDE).forms["guide-form"]
    form["body"] = text
    response = form.submit("action", value="preview", expect_errors=True)
    assert response.status_int in (200, 400), response.status
    scripts = sum(tag == "script" for tag, _a in Tags(editor_app.get(GUIDE).text).tags)
    assert not unsafe_html(response.text, max_scripts=scripts), text
