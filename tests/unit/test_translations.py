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


UPDATE_SCRIPT = LOCALES.parent / "tools" / "i18n" / "update.sh"
#: the plural forms each catalogue needs: English has two, Chinese one
PLURAL_FORMS = {"en": 2, "zh_Hans": 1, "zh_Hant": 1}


def messages(path):
    """{msgid: translation}; a plural message is keyed by its (singular, plural) and translated by
    a tuple of forms."""
    with path.open("rb") as f:
        return {m.id: m.string for m in read_po(f) if m.id}


def _forms(translation):
    return list(translation) if isinstance(translation, tuple) else [translation]


@pytest.mark.parametrize("gettext_name", [loc.gettext for loc in KNOWN_LOCALES])
def test_catalogue_is_complete(gettext_name):
    template = messages(LOCALES / "guide.pot")
    catalogue = messages(LOCALES / gettext_name / "LC_MESSAGES" / "guide.po")
    missing = [msgid for msgid in template if not all(_forms(catalogue.get(msgid) or ""))]
    assert missing == []
    for msgid in template:
        singular = msgid[0] if isinstance(msgid, tuple) else msgid
        forms = _forms(catalogue[msgid])
        if isinstance(msgid, tuple):
            assert len(forms) == PLURAL_FORMS[gettext_name], msgid
        for form in forms:
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(singular)), msgid


def test_english_plurals_differ_by_count():
    catalogue = messages(LOCALES / "en" / "LC_MESSAGES" / "guide.po")
    plurals = {msgid: forms for msgid, forms in catalogue.items() if isinstance(msgid, tuple)}
    assert len(plurals) >= 5
    for (singular, plural), (one, other) in plurals.items():
        assert (one, other) == (singular, plural)


def test_template_is_up_to_date(tmp_path):
    """The .pot lists every message the code uses: run tools/i18n/update.sh after changing UI text."""
    pot_create = Path(sys.executable).parent / "pot-create"
    fresh = tmp_path / "guide.pot"
    keywords = re.findall(r"(-k \S+)", UPDATE_SCRIPT.read_text())  # the script's plural keywords
    assert keywords
    subprocess.run([str(pot_create), "-c", "lingua.cfg", "-d", "guide", *" ".join(keywords).split(), "-o", str(fresh),
                    "guide"], cwd=LOCALES.parent, check=True, capture_output=True)
    assert set(messages(fresh)) == set(messages(LOCALES / "guide.pot"))
