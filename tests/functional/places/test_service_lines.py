"""Windows handle the service lines they list (content/centers/windows.csv `services`): on the shipped
content, no passport or permit is offered at a window without the exit-entry line. (That every item
to take to a window has one is a content rule: guide check-content, item-without-window.)"""
import re

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from guide.models import Item, Window
from guide.places.acceptance import window_accepts

#: passports, permits for Hong Kong, Macao and Taiwan, their endorsements and replacements
EXIT_ENTRY = re.compile(r"护照|往来.*通行证|签注|出入境证件")


@pytest.fixture
def windows(dbsession):
    return dbsession.scalars(select(Window).options(
        selectinload(Window.departments), selectinload(Window.extra_items), selectinload(Window.center))).all()


def _accepting(windows, item):
    return [w for w in windows if window_accepts(w, item)]


def test_no_exit_entry_document_at_a_window_without_the_exit_entry_line(dbsession, windows):
    items = dbsession.scalars(select(Item).where(Item.active)).all()
    travel = [i for i in items if EXIT_ENTRY.search(i.name_zh)]
    assert len(travel) >= 4
    for item in travel:
        assert item.service == "exit-entry", item.code
        found = _accepting(windows, item)
        assert found, item.code
        for window in found:
            assert "exit-entry" in window.service_codes, (item.code, window.center.code, window.code)


def test_id_cards_and_vehicles_go_to_their_own_lines(dbsession, windows):
    by_name = {i.name_zh: i for i in dbsession.scalars(select(Item).where(Item.active))}
    expectations = {"居民身份证办理（包括临时）": "household", "机动车注册登记": "vehicles",
                    "机动车驾驶证换证": "driving-licences"}
    for name, line in expectations.items():
        found = _accepting(windows, by_name[name])
        assert found and all(line in w.service_codes for w in found), name


def test_the_guide_page_lists_only_exit_entry_windows_for_a_passport(testapp, dbsession):
    passport = dbsession.scalars(select(Item).where(Item.name_zh == "普通护照签发")).one()
    page = testapp.get(f"/en/items/{passport.code}")
    centers = {a["href"].rsplit("/", 1)[1] for a in page.html.select("#windows-list a[href*='/centers/']")}
    assert centers == {"exit-entry", "exit-entry-huiyang", "exit-entry-huidong"}


def test_items_needing_no_visit_show_apply_online_and_no_windows(testapp, dbsession):
    online = dbsession.scalars(select(Item).where(Item.active, Item.cross_site_mode == "online_only")).all()
    assert len(online) > 50
    for item in online[:: max(1, len(online) // 10)]:
        page = testapp.get(f"/en/items/{item.code}").html
        assert page.select_one(".action-panel .button-start")["href"] == item.online_url, item.code
        assert not page.select("#windows-list, .origin-form, ol.nearest"), item.code
        assert "Online only" in page.select_one("#where").find_next("p").text, item.code
        assert "at the window" not in page.select_one("ol.checklist").text, item.code
