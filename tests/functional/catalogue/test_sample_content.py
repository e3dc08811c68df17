"""The sample catalogue and centers as loaded: the figures the source document gives."""
import re

from sqlalchemy import func, select

from guide.models import Department, Guide, Item, ServiceCenter, Window

CJK = re.compile(r"[\u3400-\u9fff]")


def test_1087_items_733_in_halls_and_354_at_functional_departments(database):
    with database.transaction() as s:
        by_kind = dict(s.execute(select(Department.kind, func.count(Item.id)).join(Item.department)
                                 .where(Item.active).group_by(Department.kind)).all())
        functional = set(s.scalars(select(Department.code).where(Department.kind == "functional")))
    assert by_kind == {"hall": 733, "functional": 354}
    assert functional == {"gaj", "sw", "rsj", "zrzy", "gjj", "sfj"}


def test_every_item_is_complete(database):
    with database.transaction() as s:
        for item in s.scalars(select(Item)):
            assert 1 <= len(item.materials) <= 10, item.code
            assert item.promised_limit_days <= item.legal_limit_days
            assert item.name_en and not CJK.search(item.name_en), item.code
            assert all(m.name_en and not CJK.search(m.name_en) for m in item.materials), item.code
            assert (item.online_url is not None) == (item.online_depth >= 3), item.code


def test_items_a_huizhou_resident_needs_are_there(database):
    with database.transaction() as s:
        names = set(s.scalars(select(Item.name_zh)))
    for fragment in ("公积金", "不动产", "公司设立登记", "机动车", "驾驶证", "护照", "往来港澳通行证"):
        assert any(fragment in name for name in names), fragment


def test_16_integrated_windows_and_over_50_at_service_points(database):
    with database.transaction() as s:
        integrated = s.scalar(select(func.count(Window.id)).where(Window.kind == "integrated"))
        at_points = s.scalar(select(func.count(Window.id)).join(ServiceCenter)
                             .where(ServiceCenter.kind == "service_point", Window.kind == "departmental"))
        halls = set(s.scalars(select(ServiceCenter.code).where(ServiceCenter.kind == "hall")))
    assert integrated == 16
    assert at_points > 50
    assert halls == {"municipal", "huicheng", "huiyang", "huidong", "boluo", "longmen", "dayawan", "zhongkai"}


def test_saturday_service_at_livelihood_windows_in_every_hall(database):
    livelihood = {"rsj", "gjj", "gaj", "mzj"}
    with database.transaction() as s:
        for hall in s.scalars(select(ServiceCenter).where(ServiceCenter.kind == "hall")):
            saturday = {d.code for w in hall.windows if w.schedule.intervals_on(5) for d in w.departments}
            assert saturday == livelihood, hall.code
            assert not hall.schedule.intervals_on(5)


def test_editorial_guides_are_loaded(database):
    with database.transaction() as s:
        assert s.scalar(select(func.count(Guide.id)).where(Guide.published_revision_id.is_not(None))) >= 8
