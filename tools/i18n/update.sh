#!/usr/bin/env bash
# Regenerate the UI message template and merge it into every catalogue.
#
#   1. extract locales/guide.pot from guide/ with lingua (pot-create);
#   2. merge it into locales/*/LC_MESSAGES/guide.po with Babel: existing translations
#      are kept, new messages are added untranslated, no fuzzy matching;
#   3. regenerate zh_Hant from zh_Hans (tools/i18n/make_zh_hant.py).
#
# Run from anywhere; uses pot-create/pybabel/python from $VENV (default .venv in the repo
# root) if present, else from PATH. Afterwards translate the new empty entries in zh_Hans
# and en (en: msgstr = msgid) and run this script again, or just make_zh_hant.py.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

VENV="${VENV:-.venv}"
tool() {
    if [[ -x "$VENV/bin/$1" ]]; then echo "$VENV/bin/$1"
    elif command -v "$1" >/dev/null 2>&1; then command -v "$1"
    else echo "update.sh: cannot find $1 (set VENV=/path/to/venv)" >&2; exit 1
    fi
}
POT_CREATE="$(tool pot-create)"
PYBABEL="$(tool pybabel)"
PYTHON="$(tool python)"

# Plurals: `n_` in templates, `localizer.pluralize` in Python (guide/i18n.py, views/formatting.py).
"$POT_CREATE" -c lingua.cfg -d guide --package-name huizhou-guide --no-linenumbers -s -k n_:1,2 -k pluralize:1,2 \
    -o locales/guide.pot guide

shopt -s nullglob
for po in locales/*/LC_MESSAGES/guide.po; do
    lang="$(basename "$(dirname "$(dirname "$po")")")"
    [[ "$lang" == zh_Hant ]] && continue   # generated from zh_Hans below
    "$PYBABEL" update --no-fuzzy-matching --ignore-obsolete -D guide -i locales/guide.pot -d locales -l "$lang"
done

"$PYTHON" tools/i18n/make_zh_hant.py
