"""The halls' popular lists and default languages load all or nothing, and only when changed."""
import shutil

import pytest
from sqlalchemy import select

from guide.content import load_content
from guide.models import ServiceCenter
from guide.places.loader import ContentInvalid

from ...support import CONTENT, content_copy


@pytest.fixture
def content(tmp_path, scratch):
    return content_copy(scratch, tmp_path / "content", ("centers", "kiosk", "calendar"))


def popular(scratch, hall="municipal"):
    with scratch.transaction() as s:
        return [i.code for i in s.scalar(select(ServiceCenter).where(ServiceCenter.code == hall)).popular_items]


def lists_load_in_their_order_and_reload_replaces_them(scratch, content):
    with scratch.transaction() as s:
        assert load_content(s, content).counts["popular items"] == 80
    assert popular(scratch)[:3] == ["GAJ-0019", "GAJ-0005", "RSJ-0044"]
    path = content / "kiosk" / "popular.csv"
    path.write_text("center,item\nmunicipal,RSJ-0044\nmunicipal,GAJ-0019\n", encoding="utf-8")
    with scratch.transaction() as s:
        load_content(s, content)
    assert popular(scratch) == ["RSJ-0044", "GAJ-0019"] and popular(scratch, "huiyang") == []


BAD_LISTS = [
    ("municipal,NO-SUCH", "unknown item 'NO-SUCH'"),
    ("atlantis,GAJ-0019", "unknown center 'atlantis'"),
    ("municipal,GAJ-0019\nmunicipal,GAJ-0019", "GAJ-0019 is listed twice for municipal"),
]


def a_bad_list_loads_nothing(scratch, content):
    with scratch.transaction() as s:
        load_content(s, content)
    before = popular(scratch)
    for rows, message in BAD_LISTS:
        (content / "kiosk" / "popular.csv").write_text(f"center,item\nhuiyang,RSJ-0044\n{rows}\n", encoding="utf-8")
        with pytest.raises(ContentInvalid, match=message), scratch.transaction() as s:
            load_content(s, content)
        assert popular(scratch) == before and popular(scratch, "huiyang") != ["RSJ-0044"]
    shutil.copy(CONTENT / "kiosk" / "popular.csv", content / "kiosk" / "popular.csv")


def a_halls_default_language_and_paper_are_checked(scratch, content):
    centers = content / "centers" / "centers.csv"
    lines = centers.read_text(encoding="utf-8").splitlines()
    assert lines[0].endswith(",default_lang,kiosk_paper")
    lines[1] = lines[1].replace(",,", ",en,")  # default_lang, then kiosk_paper (empty: a4)
    centers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with scratch.transaction() as s:
        load_content(s, content)
    with scratch.transaction() as s:
        assert s.scalar(select(ServiceCenter.default_locale).where(ServiceCenter.code == "municipal")) == "en"
        assert s.scalar(select(ServiceCenter.default_locale).where(ServiceCenter.code == "huiyang")) == "zh-Hans"
    lines[1] = lines[1].replace(",en,", ",fr,")
    centers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ContentInvalid, match="default_lang 'fr'"), scratch.transaction() as s:
        load_content(s, content)
    lines[1] = lines[1].replace(",fr,", ",en,") + "a3"
    centers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ContentInvalid, match="kiosk_paper 'a3'"), scratch.transaction() as s:
        load_content(s, content)


def test_the_popular_lists_and_the_halls_settings_load_all_or_nothing(scratch, content):
    # One test, one catalogue import (ten seconds): the steps run on what the one before left.
    lists_load_in_their_order_and_reload_replaces_them(scratch, content)
    a_bad_list_loads_nothing(scratch, content)
    a_halls_default_language_and_paper_are_checked(scratch, content)
