"""Loading centers and guides is all or nothing too."""
import pytest
from sqlalchemy import func, select

from guide.models import Guide, ServiceCenter, Window
from guide.places.loader import ContentInvalid, load_centers
from guide.workflow.loader import load_guides

from ...support import content_copy


@pytest.fixture
def content(tmp_path, scratch):
    return content_copy(scratch, tmp_path / "content")


def test_bad_windows_load_nothing(scratch, content):
    windows = content / "centers" / "windows.csv"
    lines = windows.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("municipal,", "atlantis,", 1)
    lines[2] = lines[2].replace(",integrated,", ",departmental,")
    windows.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ContentInvalid) as raised:
        with scratch.transaction() as s:
            load_centers(s, content / "centers")
    assert raised.value.errors == [
        "windows.csv row 2: unknown center 'atlantis'",
        "windows.csv row 3: kind must be integrated, or departmental with its departments",
    ]
    with scratch.transaction() as s:
        assert s.scalar(select(func.count(ServiceCenter.id))) == 0


def test_centers_load_and_reload(scratch, content):
    for _ in range(2):
        with scratch.transaction() as s:
            counts = load_centers(s, content / "centers")
    assert counts["centers"] == 27
    with scratch.transaction() as s:
        assert s.scalar(select(func.count(Window.id))) == counts["windows"]


def test_guides_with_bad_front_matter_load_nothing(scratch, content):
    with scratch.transaction() as s:
        load_centers(s, content / "centers")
    guides = content / "guides"
    (guides / "a.md").write_text("---\nitem: GAJ-0014\nlocale: en\nstate: published\nsource_revision: 1\n---\nHello\n",
                                 encoding="utf-8")
    (guides / "b.md").write_text("no front matter\n", encoding="utf-8")
    (guides / "c.md").write_text("---\nitem: NOPE\nlocale: en\n---\nx\n", encoding="utf-8")
    (guides / "d.md").write_text("---\nitem: GAJ-0014\nlocale: fr\n---\nx\n", encoding="utf-8")
    (guides / "e.md").write_text("---\nitem: GAJ-0014\nlocale: en\n---\nno source revision\n", encoding="utf-8")
    with pytest.raises(ContentInvalid) as raised:
        with scratch.transaction() as s:
            load_guides(s, guides)
    assert [e.split(":")[0] for e in raised.value.errors] == ["b.md", "c.md", "d.md", "e.md"]
    with scratch.transaction() as s:
        assert s.scalar(select(func.count(Guide.id))) == 0
    for name in ("b.md", "c.md", "d.md", "e.md"):
        (guides / name).unlink()
    with scratch.transaction() as s:
        assert load_guides(s, guides).outcomes == {"added": 1}
    with scratch.transaction() as s:
        guide = s.scalar(select(Guide))
        assert (guide.locale, guide.published_revision.body) == ("en", "Hello\n")
        assert guide.published_revision.published_at is not None
