"""Synonyms and best bets, for publishers: the lists, and each change (adding or changing one,
removing one) previewed first: what a query returns now and what it would return after the
change, side by side. The rules of a synonym and of a best bet are guide.search.synonyms.check
and guide.search.bestbets.check, the same as for the content files and `guide best-bet`."""
from __future__ import annotations

from dataclasses import dataclass

from pyramid.httpexceptions import HTTPSeeOther
from pyramid.view import view_config
from sqlalchemy import select

from ...audit import record
from ...i18n import _
from ...models import BestBet, Item
from ...search import bestbets, search_service
from ...search import synonyms as synonym_rules
from ...search.query import Synonyms
from ...search.results import SearchRequest
from .common import actor, flash
from .forms import FormErrors, text

#: results shown in each column of a preview
PREVIEW_RESULTS = 10
KINDS = ("synonym", "best_bet")
OPS = ("put", "remove")
FIELD_LIMITS = {"term": 200, "officials": 2_000, "sample": 200, "query": 200, "code": 40, "rank": 10}
#: each field's id on the page (two forms share it)
FIELD_IDS = {"term": "syn-term", "officials": "syn-officials", "sample": "syn-sample", "query": "bet-query",
             "code": "bet-code", "rank": "bet-rank"}


@dataclass
class Change:
    """One change as the form describes it, checked."""

    kind: str
    op: str
    #: synonym: (term, officials); best bet: (query, item, rank) (remove: what it names)
    value: tuple
    #: the query the preview runs
    query: str


def _read(request) -> tuple[Change | None, FormErrors, dict]:
    post, errors = request.POST, FormErrors()
    kind, op = post.get("kind"), post.get("op")
    typed = {name: text(post, name, limit, errors).strip() for name, limit in FIELD_LIMITS.items()}
    if kind not in KINDS or op not in OPS:
        errors["form"] = _("The form is damaged: reload the page and try again.")
        return None, errors, typed
    if errors:
        return None, errors, typed
    db = request.dbsession
    if kind == "synonym":
        if op == "remove":
            term = synonym_rules.normal_term(typed["term"])
            if term not in dict(synonym_rules.table(db)):
                errors["form"] = _("That synonym is no longer there.")
                return None, errors, typed
            return Change(kind, op, (term,), typed["sample"] or term), errors, typed
        checked, problems = synonym_rules.check(typed["term"], typed["officials"])
        errors.update(problems)
        if checked is None:
            return None, errors, typed
        return Change(kind, op, checked, typed["sample"] or checked[0]), errors, typed
    checked, problems = bestbets.check(db, typed["query"], typed["code"], typed["rank"] or "1")
    errors.update(problems)
    if checked is None:
        return None, errors, typed
    query, item, rank = checked
    if op == "remove" and item.code not in bestbets.for_query(db, query):
        errors["form"] = _("That best bet is no longer there.")
        return None, errors, typed
    return Change(kind, op, checked, query), errors, typed


def _preview(request, change: Change) -> dict:
    """The query's first results now and after the change (not made: the change is applied to
    this one search only)."""
    service, db = search_service(request), request.dbsession
    lang = "en" if request.locale_name == "en" else "zh-Hans"
    search = SearchRequest(change.query, lang=lang, per_page=PREVIEW_RESULTS)
    if change.kind == "synonym":
        rows = synonym_rules.table(db)
        now = Synonyms.from_rows(rows)
        if change.op == "put":
            term, officials = change.value
            after_rows = [(t, officials if t == term else o) for t, o in rows]
            if term not in dict(rows):
                after_rows.append((term, officials))
        else:
            after_rows = [(t, o) for t, o in rows if t != change.value[0]]
        before, after = service.search(search, synonyms=now), service.search(search, synonyms=Synonyms.from_rows(after_rows))
    else:
        # Both columns pin what the database says (the index may be a moment behind it).
        query, item, rank = change.value
        bets = [(r, c) for q, c, r in bestbets.all_bets(db) if q == query]
        kept = [(r, c) for r, c in bets if c != item.code] + ([(rank, item.code)] if change.op == "put" else [])
        before = service.search(search, pinned=[code for _r, code in sorted(bets)])
        after = service.search(search, pinned=[code for _r, code in sorted(kept)])
    return {"query": change.query, "before": before.hits, "after": after.hits,
            "totals": (before.total, after.total)}


def _page(request, **data) -> dict:
    db = request.dbsession
    request.response.status_int = 400 if data.get("errors") else 200
    # The form posted comes back with what was typed in it (not after a removal's preview).
    kind = request.POST.get("kind") if request.method == "POST" else None
    change = data.get("change")
    refill = kind if change is None or change.op == "put" else None
    typed = data.get("typed", {})
    bets = db.execute(select(BestBet.query, Item.code, Item.name_zh, Item.name_en, BestBet.rank)
                      .join(BestBet.item).order_by(BestBet.query, BestBet.rank, Item.code)).all()
    return {"synonyms": synonym_rules.table(db), "bets": bets, "errors": {}, "typed": {}, "preview": None,
            "change": None, "limits": FIELD_LIMITS, "max_rank": bestbets.MAX_RANK, "ids": FIELD_IDS,
            "errors_for": kind, "typed_for": {k: typed if k == refill else {} for k in KINDS}, **data}


@view_config(route_name="editor.search_terms", request_method="GET", permission="publish",
             renderer="guide:templates/editor/search_terms.pt")
def search_terms(request):
    return _page(request)


@view_config(route_name="editor.search_terms", request_method="POST", permission="publish",
             renderer="guide:templates/editor/search_terms.pt")
def change_search_terms(request):
    change, errors, typed = _read(request)
    if change is None:
        return _page(request, errors=errors, typed=typed)
    if request.POST.get("step") != "save":
        return _page(request, typed=typed, change=change, preview=_preview(request, change))
    db, who = request.dbsession, actor(request)
    if change.kind == "synonym":
        term = change.value[0]
        if change.op == "put":
            synonym_rules.put(db, term, change.value[1], request.now)
            record(db, "synonym.put", who, request.now, subject=term, detail=";".join(change.value[1])[:200])
            flash(request, _("The synonym is saved. Searches use it within two seconds."))
        else:
            synonym_rules.remove(db, term)
            record(db, "synonym.remove", who, request.now, subject=term)
            flash(request, _("The synonym is removed."))
    else:
        query, item, rank = change.value
        if change.op == "put":
            bestbets.add(db, query, item.code, rank)
            record(db, "best_bet.put", who, request.now, subject=query, detail=f"{item.code} {rank}")
            flash(request, _("The best bet is saved. Searches show it within two seconds."))
        else:
            bestbets.remove(db, query, item.code)
            record(db, "best_bet.remove", who, request.now, subject=query, detail=item.code)
            flash(request, _("The best bet is removed."))
    return HTTPSeeOther(request.route_url("editor.search_terms"))
