"""Every UI message has a translation in every locale, with the same placeholders."""
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from guide.i18n import KNOWN_LOCALES

LOCALES = Path(__file__).resolve().parents[2] / "locales"
PLACEHOLDER = re.compile(r"\$\{\w+\}")


def messages(path):
    with path.open("rb") as f:
        return {m.id: m.string for m in read_po(f) if m.id}


@pytest.mark.parametrize("gettext_name", [loc.gettext for loc in KNOWN_LOCALES])
def test_catalogue_is_complete(gettext_name):
    template = messages(LOCALES / "guide.pot")
    catalogue = messages(LOCALES / gettext_name / "LC_MESSAGES" / "guide.po")
    missing = [msgid for msgid in template if not catalogue.get(msgid)]
    assert missing == []
    for msgid in template:
        assert sorted(PLACEHOLDER.findall(catalogue[msgid])) == sorted(PLACEHOLDER.findall(msgid)), msgid


def test_template_is_up_to_date(tmp_path):
    """The .pot lists every message the code uses: run tools/i18n/update.sh after changing UI text."""
    pot_create = Path(sys.executable).parent / "pot-create"
    fresh = tmp_path / "guide.pot"
    subprocess.run([str(pot_create), "-c", "lingua.cfg", "-d", "guide", "-o", str(fresh), "guide"],
                   cwd=LOCALES.parent, check=True, capture_output=True)
    assert set(messages(fresh)) == set(messages(LOCALES / "guide.pot"))
