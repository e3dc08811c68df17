"""The content rules. Each takes the Served snapshot and yields Findings."""
from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Iterator

from ..i18n import to_traditional
from ..places.acceptance import done_online, window_accepts
from .findings import Finding, Report
from .served import Served

Rule = Callable[[Served], Iterator[Finding]]

#: a guide's sections, by locale: those it must have, and the one it must not (the page shows the
#: catalogue's conditions as "Who can apply" already, and two such blocks disagree)
GUIDE_SECTIONS = {
    "zh-Hans": {"required": ("办理步骤", "办完以后"), "duplicate": re.compile(r"申请条件|谁可以申请|办理条件")},
    "en": {"required": ("Steps", "What happens next"), "duplicate": re.compile(r"who can apply", re.I)},
}
#: a guide telling the reader to apply online (only true when the item's online depth is 3 or 4)
ONLINE_CLAIM = {
    "zh-Hans": re.compile(r"网上申请|网上办理|在线申请|在线办理|网上提交|线上申请|线上办理|网上预约办理"),
    "en": re.compile(r"\bapply(ing)? online\b|\bsubmit\w* (it |your application |the application )?online\b|"
                     r"\bonline application\b", re.I),
}
#: a guide sending the reader to a window (never true of an item that needs no visit)
WINDOW_MENTION = {"zh-Hans": re.compile(r"窗口"), "en": re.compile(r"\bwindows?\b", re.I)}
#: fee amounts and day counts belong to the catalogue facts the page shows; written again in a
#: guide, they disagree as soon as the catalogue changes
RESTATED_FACTS = {"zh-Hans": re.compile(r"\d+\s*元|\d+\s*个?工作日"),
                  "en": re.compile(r"\d+\s*yuan\b|\d+\s*working days?\b", re.I)}
HEADING = re.compile(r"^#{2,3}\s+(.+?)\s*$", re.M)
#: a most used item's conditions or checklist shared by more items than this is a template
TEMPLATE_SHARE = 5


def _materials(item, required_only=False) -> list[str]:
    return [m.name_zh for m in item.materials if not required_only or m.requirement == "required"]


def _field_text(item, field: str) -> list[str]:
    if field == "materials":
        return _materials(item)
    if field == "required_materials":
        return _materials(item, required_only=True)
    return [getattr(item, f"{field}_zh") or ""]


def table_rules(served: Served) -> Iterator[Finding]:
    """content/checks/rules.csv: what items of a kind must or must not name."""
    for row in served.rules:
        applies = re.compile(row["item_name"])
        unless = re.compile(row["unless_name"]) if row["unless_name"] else None
        pattern = re.compile(row["pattern"])
        for item in served.items:
            if not applies.search(item.name_zh) or (unless and unless.search(item.name_zh)):
                continue
            hits = [text for text in _field_text(item, row["field"]) if pattern.search(text)]
            if (row["must"] == "exclude" and hits) or (row["must"] == "include" and not hits):
                shown = f" ({'; '.join(hits)})" if hits else ""
                yield Finding(row["id"], item.code, row["message"] + shown, row["severity"])


def windows_match_visits(served: Served) -> Iterator[Finding]:
    """An item to take to a window has one; a window's service lines are lines its items have."""
    for item in served.items:
        if not done_online(item) and not any(window_accepts(w, item) for w in served.windows):
            yield Finding("item-without-window", item.code, "needs a visit, but no window accepts it")
    lines = {(i.department_id, i.service) for i in served.items if i.service}
    for window in served.windows:
        for line in window.service_codes:
            if not any((d.id, line) in lines for d in window.departments):
                yield Finding("window-unused-line", f"{window.center.code}/{window.code}",
                              f"lists the service line {line!r}, which no item of its departments has", "warning")


def _sections(body: str) -> list[str]:
    return HEADING.findall(body or "")


def guides_agree(served: Served) -> Iterator[Finding]:
    """Published guides: the sections, no second "Who can apply", steps that fit the facts."""
    items = {i.id: i for i in served.items}
    for (item_id, locale), revision in sorted(served.guides.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        item = items.get(item_id)
        if item is None or locale not in GUIDE_SECTIONS:
            continue
        spec, text = GUIDE_SECTIONS[locale], f"{revision.summary}\n{revision.body}"
        sections = _sections(revision.body)
        missing = [s for s in spec["required"] if s not in sections]
        if missing:
            yield Finding("guide-sections", item.code, f"{locale} guide lacks {', '.join(missing)}")
        if any(spec["duplicate"].search(s) for s in sections):
            yield Finding("guide-who-can-apply", item.code,
                          f"{locale} guide has its own who-can-apply section; the page shows the catalogue's")
        if item.online_depth < 3 and (claim := ONLINE_CLAIM[locale].search(text)):
            yield Finding("guide-online", item.code,
                          f"{locale} guide says {claim.group()!r}, but the item cannot be applied for online")
        if not item.visits and (mention := WINDOW_MENTION[locale].search(text)):
            yield Finding("guide-window", item.code,
                          f"{locale} guide mentions {mention.group()!r}, but the item needs no visit")
        if restated := RESTATED_FACTS[locale].search(text):
            yield Finding("guide-restates-facts", item.code,
                          f"{locale} guide writes {restated.group()!r}; the page shows the fee and time limits",
                          "warning")


def most_used_written(served: Served) -> Iterator[Finding]:
    """The most used items have guides in both languages and their own conditions and checklist."""
    by_code = {i.code: i for i in served.items}
    conditions = Counter(i.conditions_zh for i in served.items)
    checklists = Counter(tuple(_materials(i)) for i in served.items)
    for code in served.most_used:
        item = by_code.get(code)
        if item is None:
            yield Finding("most-used-unknown", code, "is listed as most used but is not in the catalogue")
            continue
        missing = [loc for loc in GUIDE_SECTIONS if (item.id, loc) not in served.guides]
        if missing:
            yield Finding("most-used-guide", code, f"has no published guide in {', '.join(missing)}")
        if conditions[item.conditions_zh] > TEMPLATE_SHARE:
            yield Finding("most-used-conditions", code,
                          f"its conditions are a template shared by {conditions[item.conditions_zh]} items")
        if checklists[tuple(_materials(item))] > TEMPLATE_SHARE:
            yield Finding("most-used-materials", code,
                          f"its checklist is shared by {checklists[tuple(_materials(item))]} items")


def _english_texts(served: Served) -> Iterator[tuple[str, str]]:
    for item in served.items:
        for field in ("name_en", "conditions_en", "result_en", "fee_note_en", "legal_basis_en"):
            yield item.code, getattr(item, field) or ""
        for m in item.materials:
            yield item.code, f"{m.name_en} {m.note_en or ''}"
        if revision := served.guides.get((item.id, "en")):
            yield item.code, f"{revision.summary}\n{revision.body}"
    for window in served.windows:
        yield f"{window.center.code}/{window.code}", window.label_en
    for center in served.centers:
        yield center.code, f"{center.name_en} {center.address_en}"
    for department in served.departments:
        yield department.code, department.name_en


def glossary_followed(served: Served) -> Iterator[Finding]:
    """No English text uses a rendering the glossary avoids (content/glossary/terms.csv `avoid`)."""
    avoided = [(re.compile(r"\b" + re.escape(form), re.I), term) for term in served.glossary
               for form in term["avoid"].split(";") if form]
    for subject, text in _english_texts(served):
        for pattern, term in avoided:
            if found := pattern.search(text):
                yield Finding("glossary-avoid", subject,
                              f"writes {found.group()!r}; the glossary's English for {term['zh']} is {term['en']!r}")


def _chinese_texts(served: Served) -> Iterator[tuple[str, str]]:
    for item in served.items:
        for field in ("name_zh", "conditions_zh", "result_zh", "fee_note_zh"):
            yield item.code, getattr(item, field) or ""
        for m in item.materials:
            yield item.code, f"{m.name_zh} {m.note_zh or ''}"
        if revision := served.guides.get((item.id, "zh-Hans")):
            yield item.code, f"{revision.summary}\n{revision.body}"


def traditional_right(served: Served) -> Iterator[Finding]:
    """The Traditional Chinese the site makes holds none of the forms OpenCC gets wrong."""
    wrong = [row["opencc_alone"] for row in served.traditional if row.get("opencc_alone")]
    for subject, text in _chinese_texts(served):
        converted = to_traditional(text)
        for form in wrong:
            if form in converted:
                yield Finding("traditional-wrong-form", subject, f"the Traditional text reads {form!r}")


RULES: list[Rule] = [table_rules, windows_match_visits, guides_agree, most_used_written, glossary_followed,
                     traditional_right]


def run(served: Served, rules: list[Rule] = RULES) -> Report:
    report = Report()
    for rule in rules:
        report.findings.extend(rule(served))
    return report
