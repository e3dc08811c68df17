"""Publishers keep synonyms and best bets on the web (/editor/search-terms): every change is
previewed (what a query returns now and after it), saved with a CSRF token, audited, and reaches
the searches of every app instance; bad input is a 400 that writes nothing."""
import pytest
from sqlalchemy import delete, func, select, update
from webtest import TestApp

from guide import main
from guide.models import AuditEvent, BestBet, ContentVersion, Synonym, get_engine

from .conftest import login

PAGE = "/editor/search-terms"
#: a word no item has: only a synonym can make it find anything
WORD = "zebrapass"


def token(app):
    return app.get(PAGE).html.select_one("form.editor-form input[name=csrf_token]")["value"]


def post(app, fields, status=None):
    return app.post(PAGE, {**fields, "csrf_token": token(app)}, status=status)


def count(dbsession, model):
    return dbsession.scalar(select(func.count()).select_from(model))


def columns(page) -> tuple[list[str], list[str]]:
    """The codes listed now and after the change, in a preview."""
    now, after = page.html.select(".preview-columns > div")
    return [c.text for c in now.select(".code")], [c.text for c in after.select(".code")]


def api_codes(app, q):
    return [r["code"] for r in app.get("/api/v1/search", {"q": q, "lang": "en"}).json["results"]]


class FakeMonotonic:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_a_synonym_previewed_saved_and_found_by_a_second_instance(live):
    first = live.app(backend="whoosh")
    login(first, "test-publisher")
    # Another app server: its own engine (its own reader of the content version), the same index.
    engine = get_engine({"sqlalchemy.url": live.db.url})
    second = TestApp(main({}, dbengine=engine, **{
        "sqlalchemy.url": "sqlite://", "guide.search.backend": "whoosh",
        "guide.search.index_dir": str(live.tmp_path / "index"), "guide.clock": live.clock,
        "guide.secret": "a test secret that is long enough to sign sessions"}))
    clock = second.app.registry["content_version"].monotonic = FakeMonotonic()
    try:
        assert api_codes(second, WORD) == []
        change = {"kind": "synonym", "op": "put", "term": WORD.upper(), "officials": "护照 ; 普通护照签发"}
        preview = post(first, {**change, "step": "preview"}, status=200)
        assert columns(preview) == ([], ["GAJ-0001"])
        with live.db.transaction() as s:  # a preview changes nothing
            assert count(s, Synonym) == 0
            assert s.scalar(select(AuditEvent).where(AuditEvent.action.like("synonym%"))) is None
        # The preview's form carries the change: saving it is one button.
        carried = {i["name"]: i["value"] for i in preview.html.select(".change-preview form input[type=hidden]")}
        assert (carried["term"], carried["officials"]) == (change["term"], change["officials"])
        saved = post(first, {**change, "step": "save"}, status=303).follow()
        assert WORD in saved.html.select_one("table").text
        with live.db.transaction() as s:
            synonym = s.scalar(select(Synonym))
            assert (synonym.term, synonym.officials) == (WORD, "护照;普通护照签发")
            assert s.execute(select(AuditEvent.action, AuditEvent.subject)
                             .where(AuditEvent.action.like("synonym%"))).all() == [("synonym.put", WORD)]
        assert api_codes(second, WORD) == ["GAJ-0001"]
        assert api_codes(second, "zebrapass 护照") == ["GAJ-0001"]

        # Removed by another process (no commit in this one): the second instance follows once
        # its copy of the content version is half a second old, and not before.
        with engine.begin() as connection:
            connection.execute(delete(Synonym))
            connection.execute(update(ContentVersion).values(version=ContentVersion.version + 1))
        assert api_codes(second, WORD) == ["GAJ-0001"]
        clock.now += 0.5
        assert api_codes(second, WORD) == []
    finally:
        second.app.registry["search"].close()
        engine.dispose()
        first.app.registry["search"].close()


@pytest.fixture
def publisher(as_role):
    return as_role("publisher")


def test_a_best_bet_is_previewed_saved_and_removed(publisher, dbsession):
    change = {"kind": "best_bet", "op": "put", "query": " 护照 ", "code": "gaj-0048", "rank": "1"}
    preview = post(publisher, {**change, "step": "preview"}, status=200)
    now, after = columns(preview)
    assert now and now[0] != "GAJ-0048" and after[0] == "GAJ-0048"
    assert "GAJ-0048" in preview.html.select(".preview-columns > div")[1].select_one("li").text
    assert count(dbsession, BestBet) == 0
    post(publisher, {**change, "step": "save"}, status=303)
    bet = dbsession.scalar(select(BestBet))
    assert (bet.query, bet.item.code, bet.rank) == ("护照", "GAJ-0048", 1)
    listed = publisher.get(PAGE)
    assert "GAJ-0048" in listed.html.select("table")[-1].text
    removal = {"kind": "best_bet", "op": "remove", "query": "护照", "code": "GAJ-0048", "rank": "1"}
    preview = post(publisher, {**removal, "step": "preview"}, status=200)
    assert columns(preview)[0][0] == "GAJ-0048" and columns(preview)[1][0] != "GAJ-0048"
    post(publisher, {**removal, "step": "save"}, status=303)
    assert count(dbsession, BestBet) == 0
    actions = dbsession.scalars(select(AuditEvent.action).where(AuditEvent.subject == "护照").order_by(AuditEvent.id))
    assert actions.all() == ["best_bet.put", "best_bet.remove"]


def test_a_synonym_removal_is_previewed_first(publisher, dbsession):
    term = dbsession.scalar(select(Synonym.term).where(Synonym.term == "社保卡"))
    assert term is not None  # seeded from content/search/synonyms.tsv
    page = post(publisher, {"kind": "synonym", "op": "remove", "term": term, "step": "preview"}, status=200)
    assert page.html.select_one(".change-preview form button[value=save]") is not None
    assert dbsession.scalar(select(Synonym.term).where(Synonym.term == term)) == term
    post(publisher, {"kind": "synonym", "op": "remove", "term": term, "step": "save"}, status=303)
    assert dbsession.scalar(select(Synonym.term).where(Synonym.term == term)) is None


@pytest.mark.parametrize("fields, field", [
    ({"kind": "synonym", "op": "put", "term": "", "officials": "护照"}, "term"),
    ({"kind": "synonym", "op": "put", "term": "x" * 41, "officials": "护照"}, "term"),
    ({"kind": "synonym", "op": "put", "term": "fast passport", "officials": " ; ;"}, "officials"),
    ({"kind": "synonym", "op": "put", "term": "fast passport", "officials": ";".join(f"term{n}" for n in range(11))}, "officials"),
    ({"kind": "synonym", "op": "put", "term": "x" * 201, "officials": "护照"}, "term"),
    ({"kind": "best_bet", "op": "put", "query": "", "code": "GAJ-0014", "rank": "1"}, "query"),
    ({"kind": "best_bet", "op": "put", "query": "护照", "code": "NOPE-1", "rank": "1"}, "code"),
    ({"kind": "best_bet", "op": "put", "query": "护照", "code": "GAJ-0014", "rank": "0"}, "rank"),
    ({"kind": "best_bet", "op": "put", "query": "护照", "code": "GAJ-0014", "rank": "first"}, "rank"),
    ({"kind": "best_bet", "op": "remove", "query": "护照", "code": "GAJ-0014", "rank": "1"}, "form"),
    ({"kind": "synonym", "op": "remove", "term": "no such term"}, "form"),
    ({"kind": "drop table", "op": "put"}, "form"),
])
@pytest.mark.parametrize("step", ["preview", "save"])
def test_bad_input_is_a_400_that_writes_nothing(publisher, dbsession, fields, field, step):
    synonyms, bets, events = count(dbsession, Synonym), count(dbsession, BestBet), count(dbsession, AuditEvent)
    page = post(publisher, {**fields, "step": step}, status=400)
    assert page.html.select_one(".error-summary") is not None
    if field != "form":
        target = page.html.select_one(f".error-summary a[href='#{'syn' if fields['kind'] == 'synonym' else 'bet'}-{field}']")
        assert target is not None
        assert page.html.select_one(f"#{target['href'][1:]}")["aria-invalid"] == "true"
    assert (count(dbsession, Synonym), count(dbsession, BestBet), count(dbsession, AuditEvent)) == (synonyms, bets, events)


def test_an_editor_may_not_and_a_publisher_needs_a_token(as_role, dbsession):
    editor = as_role("editor")
    editor.get(PAGE, status=403)
    publisher = as_role("publisher")
    publisher.post(PAGE, {"kind": "synonym", "op": "put", "term": WORD, "officials": "护照", "step": "save"},
                   status=400)
    assert dbsession.scalar(select(Synonym).where(Synonym.term == WORD)) is None
