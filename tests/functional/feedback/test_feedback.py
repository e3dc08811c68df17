"""Readers' feedback on a guide page: stored without an account, trimmed of spam, limited per
address, listed for editors with counts."""
import datetime as dt

import pytest
from sqlalchemy import func, select

from guide.feedback import Throttle, check_text
from guide.models import Feedback

PAGE = "/en/items/GAJ-0014"


def count(dbsession):
    return dbsession.scalar(select(func.count(Feedback.id)))


def test_useful_and_a_reported_mistake_are_stored_and_thanked(doomed_app, dbsession, fresh_throttle):
    before = count(dbsession)
    answer = doomed_app.post(f"{PAGE}/feedback", {"useful": "yes"}, status=303)
    assert answer.headers["Location"].endswith(f"{PAGE}?feedback=thanks#feedback")
    assert "Thank you" in answer.follow().html.select_one("#feedback").get_text()
    doomed_app.post(f"{PAGE}/feedback", {"text": "The fee shown is out of date.\nIt is 120 yuan now."}, status=303)
    rows = dbsession.scalars(select(Feedback).order_by(Feedback.id.desc()).limit(2)).all()
    assert count(dbsession) == before + 2
    assert (rows[1].useful, rows[1].text, rows[1].locale) == (True, None, "en")
    assert (rows[0].useful, rows[0].text) == (None, "The fee shown is out of date.\nIt is 120 yuan now.")


@pytest.mark.parametrize("text, says", [
    ("", "Write what is wrong"), ("   ", "Write what is wrong"), ("x" * 1001, "too long"),
    ("Cheap pills at http://spam.example", "Links are not accepted"), ("see www.spam.cn", "Links are not accepted"),
    ("bad\x07bell", "not allowed")])
def test_bad_text_is_a_400_that_keeps_what_was_typed(doomed_app, dbsession, fresh_throttle, text, says):
    before = count(dbsession)
    page = doomed_app.post(f"{PAGE}/feedback", {"text": text}, status=400)
    assert says in page.html.select_one("#feedback .error-summary").get_text()
    if text.strip() and "\x07" not in text:
        assert page.html.select_one("#feedback-text").get_text() == text
    assert count(dbsession) == before


def test_one_address_may_send_only_a_few_times_in_ten_minutes(doomed_app, dbsession, fresh_throttle):
    for _ in range(5):
        doomed_app.post(f"{PAGE}/feedback", {"useful": "no"}, status=303)
    before = count(dbsession)
    page = doomed_app.post(f"{PAGE}/feedback", {"text": "one more"}, status=429)
    assert page.html.select_one("#feedback-text").get_text() == "one more"
    assert count(dbsession) == before


def test_the_throttle_forgets_after_the_window():
    throttle, now = Throttle(limit=2, window=dt.timedelta(minutes=10)), dt.datetime(2027, 1, 1, tzinfo=dt.timezone.utc)
    assert throttle.allow("a", now) and throttle.allow("a", now) and not throttle.allow("a", now)
    assert throttle.allow("b", now)  # another address
    assert throttle.allow("a", now + dt.timedelta(minutes=10))


def test_an_unknown_item_is_a_404(doomed_app):
    doomed_app.post("/en/items/NO-0000/feedback", {"useful": "yes"}, status=404)


def test_the_rules_of_a_report():
    assert check_text("  Wrong phone number  ") == ("Wrong phone number", None)
    assert check_text(["a list"])[0] is None
