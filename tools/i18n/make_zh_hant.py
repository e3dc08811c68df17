#!/usr/bin/env python3
"""Derive the Traditional Chinese UI catalogue from the Simplified one.

Reads locales/zh_Hans/LC_MESSAGES/guide.po, converts every msgstr as data text is converted
(guide.i18n.to_traditional: OpenCC "s2hk", Hong Kong conventions, with the phrase overrides of
content/glossary/traditional.csv), then applies the UI wording below, and writes
locales/zh_Hant/LC_MESSAGES/guide.po. The zh_Hant catalogue is generated: edit zh_Hans (or
UI_WORDING below), then re-run this script.

Usage (from anywhere): python tools/i18n/make_zh_hant.py
"""
from __future__ import annotations

from pathlib import Path

import sys

import polib

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from guide.i18n import to_traditional  # noqa: E402

SOURCE = ROOT / "locales" / "zh_Hans" / "LC_MESSAGES" / "guide.po"
TARGET = ROOT / "locales" / "zh_Hant" / "LC_MESSAGES" / "guide.po"

#: The words Hong Kong readers expect in an interface, where converted text reads as mainland
#: usage. UI only: in data the same words can mean something else (设置 "set up" an office).
#: Keep this short; substring replacements, applied in order.
UI_WORDING = {
    "複印件": "影印本",   # photocopies of documents
    "聯繫": "聯絡",       # 聯絡電話
    "信息": "資訊",
    "不支持": "不支援",
    "字符": "字元",
    "訪問": "瀏覽",       # visiting a web page
    "登錄": "登入",       # signing in
    "賬號": "帳號",
    "設置": "設定",       # settings
    "鏈接": "連結",       # a link
    "數據": "資料",
    "“": "「",            # Hong Kong quotation marks
    "”": "」",
}


#: Proper names the UI wording must leave as they are (the agency is 數據管理局, not 資料).
NAMES = ("政務服務和數據管理局",)


def convert(text: str) -> str:
    result = to_traditional(text)
    kept = {f"\x00{n}\x00": name for n, name in enumerate(NAMES)}
    for mark, name in kept.items():
        result = result.replace(name, mark)
    for wrong, right in UI_WORDING.items():
        result = result.replace(wrong, right)
    for mark, name in kept.items():
        result = result.replace(mark, name)
    return result


def main() -> None:
    source = polib.pofile(str(SOURCE))
    target = polib.POFile(wrapwidth=source.wrapwidth)
    target.header = source.header.replace("zh_Hans", "zh_Hant") + (
        "\nGenerated from zh_Hans by tools/i18n/make_zh_hant.py (OpenCC s2hk): do not edit by hand.")
    target.metadata = dict(source.metadata)
    target.metadata.update({"Language": "zh_Hant", "Language-Team": "Traditional Chinese"})
    for entry in source:
        target.append(polib.POEntry(
            msgid=entry.msgid,
            msgid_plural=entry.msgid_plural,
            msgstr=convert(entry.msgstr),
            msgstr_plural={k: convert(v) for k, v in entry.msgstr_plural.items()},
            msgctxt=entry.msgctxt,
            occurrences=entry.occurrences,
            comment=entry.comment,
            tcomment=entry.tcomment,
            flags=list(entry.flags),
            obsolete=entry.obsolete,
        ))
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    target.save(str(TARGET))
    print(f"wrote {TARGET.relative_to(ROOT)} ({len(target)} messages)")


if __name__ == "__main__":
    main()
