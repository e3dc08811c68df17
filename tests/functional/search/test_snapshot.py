"""The snapshot's own query execution gives Whoosh's answers: same documents, same scores."""
import pytest
from whoosh import query as q

from guide.search.query import PHRASE, PREFIX, Clause, parse
from guide.search.whoosh_backend import WhooshPostings, WhooshSearch


def whoosh_query(clause):
    if clause.kind == PHRASE:
        return q.Phrase(clause.field, list(clause.text), boost=clause.boost)
    return q.Term(clause.field, clause.text, boost=clause.boost)

QUERIES = ["护照", "公积金怎么取", "营业执照 变更", "marriage registration", "housing fund", "社保卡 补办",
           '"居民身份证" 户口', "hz", "gongjijin", "出生医学证明"]


@pytest.fixture(scope="module")
def service(wsgi_app, app_settings, database):
    # The app built the index at start; this service reads the same one.
    return WhooshSearch(app_settings, database.session_factory)


@pytest.mark.parametrize("text", QUERIES)
def test_terms_and_phrases_score_as_whoosh_scores_them(service, text):
    clauses = [c for c in parse(text, service.synonyms).clauses if c.kind != PREFIX]
    with service._searching() as (searcher, snapshot):
        expected = {hit.docnum: hit.score for hit in searcher.search(q.Or([whoosh_query(c) for c in clauses]),
                                                                     limit=None)}
        assert expected, "a query that finds nothing would prove nothing"
        found = snapshot.fetch(WhooshPostings(searcher, snapshot.key), clauses)
        assert snapshot.scores(clauses, found)[0] == pytest.approx(expected)


@pytest.mark.parametrize("field,prefix", [("pinyin", "huz"), ("initials", "gj"), ("pinyin", "she")])
def test_a_prefix_matches_what_whoosh_matches_with_its_boost(service, field, prefix):
    with service._searching() as (searcher, snapshot):
        expected = {hit.docnum for hit in searcher.search(q.Prefix(field, prefix), limit=None)}
        assert len(expected) > 1
        clauses = [Clause(field, prefix, 2.0, PREFIX)]
        found = snapshot.fetch(WhooshPostings(searcher, snapshot.key), clauses)
        assert snapshot.scores(clauses, found)[0] == dict.fromkeys(expected, 2.0)


def test_one_snapshot_per_index_state(service):
    with service._searching() as (_, first):
        with service._searching() as (_, again):  # two searchers at once, one snapshot
            assert again is first
    assert len(first.meta) == 1087 and len(first.by_code) == 1087


def test_searchers_are_lent_from_a_pool_of_their_setting(app_settings, database):
    service = WhooshSearch({**app_settings, "guide.search.searchers": "2"}, database.session_factory)
    with service._searching() as (first, _):
        with service._searching() as (second, _):
            assert second is not first
    with service._searching() as (again, _):
        assert again in (first, second)  # kept and lent again, not opened anew
    assert len(service._idle) == 2
