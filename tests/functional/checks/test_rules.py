"""Each content rule catches an error planted in what the site serves (the session's database, in
a doomed transaction), and the shipped content passes them all."""
import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from guide.checks import check, load_served, run
from guide.checks.rules import RULES
from guide.models import Item, Material, Window
from guide.workflow.service import published_revisions

CONTENT = Path(__file__).resolve().parents[3] / "content"


def _item(dbsession, code="GAJ-0019") -> Item:
    return dbsession.scalars(select(Item).where(Item.code == code)).one()


def _found(dbsession, rule, subject, served_changes=None):
    dbsession.flush()
    served = load_served(dbsession, CONTENT)
    if served_changes:
        served_changes(served)
    findings = run(served).findings
    return [f for f in findings if f.rule == rule and f.subject == subject]


def _rename(dbsession, item, name_zh, materials=()):
    """Make an item one of the kind a rule looks at, with the given checklist."""
    item.name_zh = name_zh
    item.materials.clear()
    dbsession.flush()
    item.materials = [Material(seq=n, name_zh=zh, name_en="x", originals=1, copies=0, requirement=req)
                      for n, (zh, req) in enumerate(materials, start=1)]


def test_the_shipped_content_passes(dbsession):
    report = check(dbsession, CONTENT)
    assert report.of("error") == []


#: (rule, an item name of the kind it looks at, a checklist that breaks it, a result that does)
TABLE_CASES = [
    ("cancellation-result", "某某许可注销", [("申请表", "required")], "准予行政许可决定书及相应许可证件"),
    ("business-licence-businesses-only", "民办学校办学许可", [("营业执照", "required")], None),
    ("discharge-veterans-only", "高龄津贴申领", [("退出现役证明", "required")], None),
    ("death-certificate", "丧葬补助金申领", [("居民身份证", "required")], None),
    ("lost-id-without-id", "居民身份证挂失申报", [("居民身份证", "required")], None),
    ("divorce-no-spouse-declaration", "离婚登记",
     [("结婚证", "required"), ("本人无配偶的签字声明", "required")], None),
    ("marriage-no-spouse-declaration", "结婚登记", [("居民身份证", "required")], None),
    ("replacement-without-original", "某某证补办", [("原证件（证书）", "required")], None),
]


@pytest.mark.parametrize("rule, name_zh, materials, result_zh", TABLE_CASES)
def test_table_rules_catch_a_planted_error(dbsession, rule, name_zh, materials, result_zh):
    """(Every row of content/checks/rules.csv has a case here: test_every_table_rule_is_planted.)"""
    item = _item(dbsession, "MZJ-0004")
    assert _found(dbsession, rule, item.code) == []
    _rename(dbsession, item, name_zh, materials)
    if result_zh:
        item.result_zh = result_zh
    assert len(_found(dbsession, rule, item.code)) == 1


def test_an_item_to_visit_that_no_window_accepts(dbsession):
    item = _item(dbsession)
    item.service = "nowhere"
    assert _found(dbsession, "item-without-window", item.code)


def test_a_window_listing_a_line_nothing_has(dbsession):
    window = dbsession.scalars(select(Window).where(Window.services == "household")).first()
    window.services = "household;no-such-line"
    found = _found(dbsession, "window-unused-line", f"{window.center.code}/{window.code}")
    assert [f.severity for f in found] == ["warning"]


def _guide(dbsession, item, locale):
    return published_revisions(dbsession, [item.id], [locale])[(item.id, locale)]


GOOD = {"zh-Hans": "## 办理步骤\n\n1. 网上申请，或到窗口提交。\n\n## 办完以后\n\n领证。\n",
        "en": "## Steps\n\n1. Apply online, or at a window.\n\n## What happens next\n\nCollect it.\n"}


@pytest.mark.parametrize("locale, body, rule", [
    ("en", "## Steps\n\n1. Go.\n", "guide-sections"),
    ("zh-Hans", "## 办理步骤\n\n1. 去。\n\n## 办完以后\n\n领证。\n\n## 申请条件\n\n年满16周岁。\n", "guide-who-can-apply"),
    ("en", "## Steps\n\n1. Apply online.\n\n## What happens next\n\nWait.\n", "guide-online"),
    ("zh-Hans", "## 办理步骤\n\n1. 到窗口提交。\n\n## 办完以后\n\n等待。\n", "guide-window"),
    ("en", "## Steps\n\n1. Pay 20 yuan.\n\n## What happens next\n\nWait.\n", "guide-restates-facts"),
])
def test_guide_rules_catch_a_planted_error(dbsession, locale, body, rule):
    item = _item(dbsession)
    item.visits, item.online_depth = 1, 3
    for each in GOOD:
        _guide(dbsession, item, each).body = GOOD[each]
    revision = _guide(dbsession, item, locale)
    assert _found(dbsession, rule, item.code) == []
    if rule == "guide-online":
        item.online_depth, item.online_url = 2, None
    if rule == "guide-window":
        item.visits, item.online_depth = 0, 4
    revision.body = body
    assert len([f for f in _found(dbsession, rule, item.code) if f.message.startswith(locale)]) == 1


def test_a_most_used_item_without_a_guide_or_with_templates(dbsession):
    item = _item(dbsession, "GAJ-0001")  # a licence with no guide, not among the most used
    assert _found(dbsession, "most-used-guide", item.code) == []

    def listed(served):
        served.most_used.append(item.code)
    assert _found(dbsession, "most-used-guide", item.code, listed)

    # a most used item's own conditions and checklist, then a template shared by six items
    passport = _item(dbsession, "GAJ-0014")
    for rule in ("most-used-conditions", "most-used-materials", "most-used-guide"):
        assert _found(dbsession, rule, passport.code) == []
    for code in ("GAJ-0001", "GAJ-0004", "GAJ-0006", "GAJ-0008", "GAJ-0009", "GAJ-0011"):
        _item(dbsession, code).conditions_zh = passport.conditions_zh
    assert _found(dbsession, "most-used-conditions", passport.code)
    _rename(dbsession, passport, passport.name_zh, [("申请表", "required"), ("营业执照", "required")])
    for code in ("GAJ-0001", "GAJ-0004", "GAJ-0006", "GAJ-0008", "GAJ-0009", "GAJ-0011"):
        _rename(dbsession, _item(dbsession, code), _item(dbsession, code).name_zh,
                [("申请表", "required"), ("营业执照", "required")])
    assert _found(dbsession, "most-used-materials", passport.code)


def test_a_most_used_code_not_in_the_catalogue(dbsession):
    def listed(served):
        served.most_used.append("NO-SUCH-0001")
    assert _found(dbsession, "most-used-unknown", "NO-SUCH-0001", listed)


def test_english_that_the_glossary_avoids(dbsession):
    item = _item(dbsession)
    item.conditions_en = "People with a Huizhou hukou."
    found = _found(dbsession, "glossary-avoid", item.code)
    assert found and "household registration" in found[0].message


def test_traditional_text_with_a_form_opencc_gets_wrong(dbsession):
    item = _item(dbsession)
    item.name_zh = "头发护理"  # OpenCC makes 頭髮 here, rightly; the planted row calls it wrong

    def wrong(served):
        served.traditional.append({"simplified": "头发", "traditional": "頭發", "opencc_alone": "頭髮"})
    assert _found(dbsession, "traditional-wrong-form", item.code, wrong)


def test_every_table_rule_is_planted():
    with (CONTENT / "checks" / "rules.csv").open(encoding="utf-8") as f:
        ids = {row["id"] for row in csv.DictReader(f)}
    planted = {case[0] for case in TABLE_CASES}
    assert ids == planted


def test_every_rule_is_exercised_here():
    assert {r.__name__ for r in RULES} == {"table_rules", "windows_match_visits", "guides_agree",
                                           "most_used_written", "glossary_followed", "traditional_right"}
