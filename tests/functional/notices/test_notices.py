"""Notices: shown on the pages they concern between their start and end, listed by the API."""
import datetime as dt

import pytest
from sqlalchemy import func, select

from guide.hours.status import TZ
from guide.models import Item, Notice, ServiceCenter
from guide.notices import check, codes
from guide.notices.loader import load_notices
from guide.places.loader import ContentInvalid

START = dt.datetime(2027, 3, 2, 9, 0, tzinfo=TZ)
END = dt.datetime(2027, 3, 4, 18, 0, tzinfo=TZ)


def add(dbsession, text, centers=(), items=(), severity="warning"):
    fields, errors = check(dbsession, severity=severity, starts_at=START, ends_at=END, text_zh=f"{text}（中文）",
                           text_en=f"{text} (English)", center_codes=list(centers), item_codes=list(items))
    assert not errors, errors
    notice = fields.apply(Notice(updated_at=START))
    dbsession.add(notice)
    dbsession.flush()
    return notice


@pytest.mark.parametrize("at, shown", [
    (START - dt.timedelta(minutes=1), False), (START, True), (END - dt.timedelta(minutes=1), True), (END, False)])
def test_a_site_wide_notice_is_shown_only_between_its_start_and_end(doomed_app, dbsession, clock, at, shown):
    add(dbsession, "站点维护")
    clock.set(at)
    for path, params in (("/zh-hans/", {}), ("/zh-hans/items/GAJ-0014", {}), ("/zh-hans/centers/huiyang", {}),
                         ("/zh-hans/search", {"q": "护照"}), ("/kiosk/huiyang/zh-hans/", {})):
        shown_here = doomed_app.get(path, params).text.count("站点维护（中文）")
        assert shown_here == (1 if shown else 0), path  # once: pages that place notices themselves too


def test_a_notice_speaks_the_pages_language(doomed_app, dbsession, clock):
    add(dbsession, "系统升级", severity="critical")
    clock.set(START)
    assert "系统升级 (English)" in doomed_app.get("/en/").text
    section = doomed_app.get("/zh-hant/").html.select_one("section.notices")
    assert "系統升級（中文）" in section.get_text() and "緊急" in section.get_text()


def test_a_centers_notice_is_on_its_page_and_on_the_items_it_accepts(doomed_app, dbsession, clock):
    add(dbsession, "大厅装修", centers=["huicheng"])
    clock.set(START)
    assert "大厅装修" in doomed_app.get("/zh-hans/centers/huicheng").text
    assert "大厅装修" not in doomed_app.get("/zh-hans/centers/huiyang").text
    assert "大厅装修" not in doomed_app.get("/zh-hans/").text  # not site-wide
    # ID cards are handled in every district hall: the item's page names the center.
    notes = doomed_app.get("/zh-hans/items/GAJ-0019").html.select("section.notices .notice")
    assert any("惠城区政务服务中心" in n.get_text() and "大厅装修" in n.get_text() for n in notes)


def test_an_items_notice_is_on_its_page_only(doomed_app, dbsession, clock):
    add(dbsession, "预约系统升级", items=["gaj-0014"])  # codes are found however they are typed
    clock.set(START)
    assert "预约系统升级" in doomed_app.get("/zh-hans/items/GAJ-0014").text
    assert "预约系统升级" not in doomed_app.get("/zh-hans/items/GAJ-0026").text


def test_the_api_lists_the_notices_current_at_an_instant(doomed_app, dbsession):
    notice = add(dbsession, "接口通知", centers=["huicheng"], items=["GAJ-0014"])
    during = doomed_app.get("/api/v1/notices", {"at": "2027-03-03T12:00"}).json
    mine = [n for n in during["notices"] if n["id"] == notice.id]
    assert mine == [{"id": notice.id, "severity": "warning", "starts": "2027-03-02T09:00:00+08:00",
                     "ends": "2027-03-04T18:00:00+08:00",
                     "text": {"zh-Hans": "接口通知（中文）", "en": "接口通知 (English)", "zh-Hant": "接口通知（中文）"},
                     "centers": ["huicheng"], "items": ["GAJ-0014"]}]
    after = doomed_app.get("/api/v1/notices", {"at": "2027-03-04T18:00+08:00"}).json
    assert notice.id not in [n["id"] for n in after["notices"]]


@pytest.mark.parametrize("at", ["tomorrow", "2027-13-01", "x" * 50])
def test_a_bad_instant_is_a_400_that_says_so(testapp, at):
    answer = testapp.get("/api/v1/notices", {"at": at}, status=400)
    assert "at" in answer.json["error"]["message"]


@pytest.mark.parametrize("fields, wrong", [
    ({"severity": "loud"}, "severity"),
    ({"text_zh": " "}, "text_zh"),
    ({"text_en": "x" * 501}, "text_en"),
    ({"ends_at": START}, "ends_at"),
    ({"starts_at": None}, "starts_at"),
    ({"center_codes": ["nowhere"]}, "centers"),
    ({"item_codes": ["NO-0000"]}, "items"),
])
def test_each_rule_of_a_notice(dbsession, fields, wrong):
    values = {"severity": "info", "starts_at": START, "ends_at": END, "text_zh": "通知", "text_en": "Notice",
              "center_codes": [], "item_codes": [], **fields}
    found, errors = check(dbsession, **values)
    assert found is None and set(errors) == {wrong}


def test_codes_are_read_as_typed():
    assert codes(" huicheng, huiyang；GAJ-0014;GAJ-0019，x、y\nz ") == [
        "huicheng", "huiyang", "GAJ-0014", "GAJ-0019", "x", "y", "z"]


CSV_HEAD = "slug,severity,starts,ends,centers,items,text_zh,text_en\n"


def test_the_content_file_adds_and_replaces_only_when_told(dbsession, tmp_path):
    path = tmp_path / "notices.csv"
    path.write_text(CSV_HEAD + "test-one,info,2027-03-02 09:00,2027-03-04 18:00,huicheng,,通知一,Notice one\n",
                    encoding="utf-8")
    assert load_notices(dbsession, path) == 1
    notice = dbsession.scalar(select(Notice).where(Notice.slug == "test-one"))
    assert notice.starts_at == START and [c.code for c in notice.centers] == ["huicheng"]
    notice.text_en = "Edited on the web"
    path.write_text(CSV_HEAD + "test-one,info,2027-03-02 09:00,2027-03-04 18:00,huicheng,,通知一,Notice one\n",
                    encoding="utf-8")
    assert load_notices(dbsession, path) == 0 and notice.text_en == "Edited on the web"
    assert load_notices(dbsession, path, overwrite=True) == 1 and notice.text_en == "Notice one"


def test_a_bad_content_file_writes_nothing_and_names_each_row(dbsession, tmp_path):
    path = tmp_path / "notices.csv"
    path.write_text(CSV_HEAD + "good-one,info,2027-03-02 09:00,2027-03-04 18:00,,,好,Good\n"
                    "Bad Slug,info,2027-03-02 09:00,2027-03-04 18:00,,,坏,Bad\n"
                    "late,info,2027-03-04 09:00,2027-03-02 18:00,,,迟,Late\n"
                    "nowhere,info,2027-03-02 09:00,2027-03-04 18:00,atlantis,,无,None\n", encoding="utf-8")
    before = dbsession.scalar(select(func.count(Notice.id)))
    with pytest.raises(ContentInvalid) as failed:
        load_notices(dbsession, path)
    text = "\n".join(failed.value.errors)
    assert "row 3" in text and "row 4" in text and "row 5" in text and "row 2" not in text
    assert dbsession.scalar(select(func.count(Notice.id))) == before


def test_the_shipped_notices_are_loaded(dbsession):
    slugs = set(dbsession.scalars(select(Notice.slug)))
    assert {"new-year-2027", "huicheng-hall-repairs", "passport-booking-maintenance"} <= slugs
    assert all(n.text_zh.startswith("（示例通知）") and n.text_en.startswith("(Sample notice)")
               for n in dbsession.scalars(select(Notice).where(Notice.slug.is_not(None))))
    assert dbsession.scalar(select(ServiceCenter).where(ServiceCenter.code == "huicheng")) is not None
    assert dbsession.scalar(select(Item).where(Item.code == "GAJ-0014")) is not None


def test_a_halls_kiosk_shows_its_notices_and_the_sites(doomed_app, dbsession, clock):
    add(dbsession, "全站通知")
    add(dbsession, "本厅通知", centers=["huicheng"])
    add(dbsession, "别厅通知", centers=["huiyang"])
    clock.set(START)
    text = doomed_app.get("/kiosk/huicheng/zh-hans/").html.select_one("section.notices").get_text()
    assert "全站通知" in text and "本厅通知" in text and "别厅通知" not in text
