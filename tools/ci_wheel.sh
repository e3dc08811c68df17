#!/usr/bin/env bash
# CI: the wheel runs on its own. Builds it with `python -m build`, installs it into a fresh
# virtualenv in a temporary folder outside the checkout, and from there (cwd outside the
# checkout too) runs `guide demo`, asks for a page and the API, and checks the 1,087 items.
#   tools/ci_wheel.sh [PORT]      (default 6597)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
port=${1:-6597}
python=${PYTHON:-python3}
work=$(mktemp -d /tmp/guide-wheel.XXXXXX)
demo=
cleanup() {
  if [ -n "$demo" ]; then kill "$demo" 2>/dev/null || true; wait "$demo" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== build the wheel (python -m build)"
builder="$here/.venv/bin/python"
[ -x "$builder" ] || builder=$python
"$builder" -m build --outdir "$work/dist" "$here" > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
wheel=$(ls "$work"/dist/*.whl)
echo "built $(basename "$wheel")"
for inside in guide/templates/public guide/static/css guide/_data/content/catalogue/items.csv \
              guide/_data/locales/zh_Hans/LC_MESSAGES/guide.mo guide/migrations/env.py; do
  "$python" -c 'import sys, zipfile; names = zipfile.ZipFile(sys.argv[1]).namelist();
sys.exit(0 if any(n.startswith(sys.argv[2]) for n in names) else f"not in the wheel: {sys.argv[2]}")' "$wheel" "$inside"
done

echo "== install it into a fresh virtualenv in $work"
"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$wheel" > "$work/pip.log" 2>&1 || { cat "$work/pip.log"; exit 1; }
cd "$work"  # nothing below may read the checkout
"$work/venv/bin/python" - "$here" <<'PY'
import sys
from pathlib import Path
import guide
from guide.settings import data_path
checkout = Path(sys.argv[1]).resolve()
for path in (Path(guide.__file__), data_path("content"), data_path("locales")):
    assert checkout not in path.resolve().parents, f"{path} is in the checkout"
print("package:", Path(guide.__file__).parent, "| content:", data_path("content"))
PY

echo "== guide demo from the installed wheel, on port $port"
"$work/venv/bin/guide" demo --port "$port" --data-dir "$work/data" > "$work/demo.log" 2>&1 &
demo=$!
for _ in $(seq 180); do
  curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break
  kill -0 "$demo" 2>/dev/null || { cat "$work/demo.log"; exit 1; }
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/healthz"; echo
status=$(curl -sS -o "$work/home.html" -w '%{http_code}' "http://127.0.0.1:$port/zh-hans/")
echo "/zh-hans/: $status, $(wc -c < "$work/home.html") bytes"
[ "$status" = 200 ]
# The search button's label is the catalogue's translation of "Search": the compiled
# catalogues came with the wheel.
grep -q '<button type="submit">搜索</button>' "$work/home.html" || { echo "no translated UI text on /zh-hans/"; exit 1; }
total=$(curl -fsS "http://127.0.0.1:$port/api/v1/items" | "$python" -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "api total: $total"
[ "$total" = 1087 ]
static=$(grep -o '/static/css/[^"?]*' "$work/home.html" | head -n 1)
status=$(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$static")
echo "$static: $status"
[ "$status" = 200 ]
echo "wheel: 1 passed, 0 failed"
