#!/usr/bin/env bash
# Try docs/deploy.md on this machine, which has no running systemd: the systemd units are
# checked with `systemd-analyze verify`, then this starts what they would start, the way they
# would start it:
#   - the wheel (python -m build) installed into a fresh virtualenv, as in /opt/guide/venv;
#   - a PostgreSQL database (guide_deploy_try, with pg_trgm and fuzzystrmatch), `guide init-db`,
#     the sample catalogue and content loaded from the wheel;
#   - two app servers, each the ExecStart of deploy/guide@.service with its EnvironmentFile,
#     WorkingDirectory and instance port;
#   - Debian's nginx (installed when missing) with deploy/nginx-guide.conf, a self-signed
#     certificate, and its ports and paths moved to this machine's;
#   - the timer's service once (guide publish-due);
# and checks pages through nginx: TLS, gzip, static files from the wheel, the proxy headers,
# and one app server stopped while the other serves (an upgrade's restart).
#   tools/try_deploy.sh [--keep]     --keep: leave the database and the folder for a look
# Environment: DEPLOY_DB (guide_deploy_try), DEPLOY_PG (postgres@127.0.0.1:5432),
# DEPLOY_HTTP_PORT (18080), DEPLOY_HTTPS_PORT (18443), DEPLOY_APP_PORTS ("16543 16544").
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
keep=${1:-}
db=${DEPLOY_DB:-guide_deploy_try}
pg=${DEPLOY_PG:-postgres@127.0.0.1:5432}
http_port=${DEPLOY_HTTP_PORT:-18080}
https_port=${DEPLOY_HTTPS_PORT:-18443}
read -r app1 app2 <<< "${DEPLOY_APP_PORTS:-16543 16544}"
pg_user=${pg%@*}; pg_hostport=${pg#*@}; pg_host=${pg_hostport%:*}; pg_port=${pg_hostport#*:}
psql_admin=(psql -X -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$pg_user")

work=$(mktemp -d /tmp/guide-deploy.XXXXXX)
chmod 755 "$work"  # nginx's workers (www-data) read the static files under it
pids=()
nginx_conf=
cleanup() {
  [ -n "$nginx_conf" ] && nginx -c "$nginx_conf" -s stop 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ "$keep" != --keep ]; then
    "${psql_admin[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" 2>/dev/null || true
    rm -rf "$work"
  else
    echo "kept: $work and database $db"
  fi
}
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; for log in "$work"/log/*.log; do echo "--- $log"; tail -n 20 "$log"; done >&2; exit 1; }
mkdir -p "$work/log"

echo "== systemd-analyze verify (the units, with /opt/guide/venv pointing at this machine's venv)"
command -v systemd-analyze > /dev/null || { apt-get update -qq && apt-get install -y -qq systemd > /dev/null; }
units="$work/units"; mkdir -p "$units"
for unit in "$here"/deploy/guide@.service "$here"/deploy/guide-publish-due.service "$here"/deploy/guide-publish-due.timer; do
  sed "s|/opt/guide/venv|$work/venv|g" "$unit" > "$units/$(basename "$unit")"
done

echo "== the wheel, installed into a fresh virtualenv ($work/venv)"
builder="$here/.venv/bin/python"; [ -x "$builder" ] || builder=python3
"$builder" -m build --outdir "$work/dist" "$here" > "$work/log/build.log" 2>&1 || fail "python -m build"
cd "$work"  # from here on nothing may come from the checkout (python -c imports from the cwd)
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$work"/dist/*.whl > "$work/log/pip.log" 2>&1 || fail "pip install"
package=$("$work/venv/bin/python" -c 'import guide; print(guide.__path__[0])')
content=$("$work/venv/bin/python" -c 'from guide.settings import data_path; print(data_path("content"))')
echo "installed $(basename "$work"/dist/*.whl): package $package"
case $package in "$work"/*) ;; *) fail "the package is not the wheel's: $package" ;; esac
(cd "$units" && systemd-analyze verify --man=no ./guide@"$app1".service ./guide-publish-due.service \
   ./guide-publish-due.timer) || fail "systemd-analyze verify"
echo "systemd-analyze verify: guide@.service, guide-publish-due.service, guide-publish-due.timer: no problems"

echo "== PostgreSQL database $db"
if ! pg_isready -h "$pg_host" -p "$pg_port" -q; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  for _ in $(seq 30); do pg_isready -h "$pg_host" -p "$pg_port" -q && break; sleep 1; done
fi
"${psql_admin[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
"${psql_admin[@]}" -d "$db" -c "CREATE EXTENSION IF NOT EXISTS pg_trgm" -c "CREATE EXTENSION IF NOT EXISTS fuzzystrmatch"

echo "== /etc/guide (here $work/etc) and /var/lib/guide (here $work/state)"
mkdir -p "$work/etc" "$work/state"
sed "s|/var/lib/guide|$work/state|g" "$here/production.ini" > "$work/etc/production.ini"
secret=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
cat > "$work/etc/guide.env" <<EOF
GUIDE_ENV=production
GUIDE_SECRET=$secret
GUIDE_DATABASE_URL=postgresql+psycopg://$pg_user@$pg_host:$pg_port/$db
GUIDE_BASE_URL=https://127.0.0.1:$https_port
GUIDE_SEARCH_BACKEND=postgres
EOF
chmod 600 "$work/etc/guide.env"
# What an administrator's shell does before a `guide` command (docs/deploy.md).
guide() { (set -a; . "$work/etc/guide.env"; set +a; cd "$work/state" && "$work/venv/bin/guide" "$@"); }
guide init-db -c "$work/etc/production.ini"
guide import-catalogue -c "$work/etc/production.ini" "$content/catalogue" 2> "$work/log/import.log" | tail -n 1
guide load-content -c "$work/etc/production.ini" 2> "$work/log/load.log" | tail -n 1

echo "== two app servers as guide@$app1 and guide@$app2 would run them"
exec_start=$(sed -n 's/^ExecStart=//p' "$units/guide@.service")
workdir=$(sed -n 's/^WorkingDirectory=//p' "$units/guide@.service")
envfile=$(sed -n 's/^EnvironmentFile=//p' "$units/guide@.service")
[ "$workdir" = /var/lib/guide ] && [ "$envfile" = /etc/guide/guide.env ] || fail "the unit's folders moved: update this script"
for port in "$app1" "$app2"; do
  command=${exec_start//%i/$port}
  command=${command//\/etc\/guide/$work/etc}
  (set -a; . "$work/etc/guide.env"; set +a; cd "$work/state" && exec $command) > "$work/log/app-$port.log" 2>&1 &
  pids+=($!)
  echo "guide@$port: $command (pid $!)"
done
for port in "$app1" "$app2"; do
  for _ in $(seq 120); do
    curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break
    sleep 1
  done
  curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null || fail "guide@$port did not answer"
done

echo "== nginx (Debian's) with deploy/nginx-guide.conf, on ports $http_port and $https_port"
command -v nginx > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx > /dev/null; }
mkdir -p "$work/nginx/ssl" "$work/nginx/tmp"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
  -keyout "$work/nginx/ssl/privkey.pem" -out "$work/nginx/ssl/fullchain.pem" 2> /dev/null
# The repository's site, moved to this machine: ports, certificate, the wheel's static folder,
# no IPv6 listener; and the port kept in the Host header (the real site is on 443).
sed -e "s|listen 80;|listen 127.0.0.1:$http_port;|" -e "s|listen 443 ssl http2;|listen 127.0.0.1:$https_port ssl http2;|" \
    -e '/listen \[::\]/d' \
    -e "s|127.0.0.1:6543|127.0.0.1:$app1|" -e "s|127.0.0.1:6544|127.0.0.1:$app2|" \
    -e "s|/etc/ssl/guide/|$work/nginx/ssl/|" \
    -e "s|/opt/guide/venv/lib/python3.11/site-packages/guide/static/|$package/static/|" \
    -e 's|proxy_set_header Host $host;|proxy_set_header Host $http_host;|' \
    "$here/deploy/nginx-guide.conf" > "$work/nginx/guide.conf"
grep -q "alias $package/static/;" "$work/nginx/guide.conf" || fail "the static alias was not adapted"
nginx_conf="$work/nginx/nginx.conf"
cat > "$nginx_conf" <<EOF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/log/nginx-error.log;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log $work/log/nginx-access.log;
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    fastcgi_temp_path $work/nginx/tmp/fastcgi;
    uwsgi_temp_path $work/nginx/tmp/uwsgi;
    scgi_temp_path $work/nginx/tmp/scgi;
    include $work/nginx/guide.conf;
}
EOF
nginx -t -c "$nginx_conf" 2> "$work/log/nginx-t.log" || { cat "$work/log/nginx-t.log"; fail "nginx -t"; }
nginx -c "$nginx_conf"
base="https://127.0.0.1:$https_port"
for _ in $(seq 20); do curl -ksf "$base/healthz" > /dev/null && break; sleep 0.5; done

echo "== through nginx"
passed=0
check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then echo "ok   $name"; passed=$((passed + 1)); else fail "$name"; fi
}
headers() { curl -ksS -o "$work/body" -D - "$@" | tr -d '\r'; }
h=$(curl -sS -o /dev/null -D - "http://127.0.0.1:$http_port/zh-hans/" | tr -d '\r')
check "http is sent to https (301)" grep -q "^HTTP/1.1 301" <<< "$h"
h=$(headers -H 'Accept-Encoding: gzip' "$base/zh-hans/")
check "a page over TLS: 200" grep -q "^HTTP/[0-9.]* 200" <<< "$h"
check "the page is gzipped" grep -qi "^content-encoding: gzip" <<< "$h"
check "the page is Simplified Chinese" bash -c "gunzip -c '$work/body' | grep -q '<button type=\"submit\">搜索</button>'"
check "the app saw https through the proxy (HSTS)" grep -qi "^strict-transport-security: max-age" <<< "$h"
css=$(gunzip -c "$work/body" | grep -o '/static/css/[^"]*' | head -n 1 | sed 's/&amp;/\&/g')
h=$(headers -H 'Accept-Encoding: gzip' "$base$css")
check "a static file from the wheel ($css): 200" grep -q "^HTTP/[0-9.]* 200" <<< "$h"
check "served by nginx, kept a year" grep -qi "^cache-control: public, max-age=31536000, immutable" <<< "$h"
check "gzipped by nginx" grep -qi "^content-encoding: gzip" <<< "$h"
css_file="$package/static/${css#/static/}"; css_file=${css_file%%\?*}
check "the same bytes as the wheel's ${css_file#"$work"/}" bash -c "gunzip -c '$work/body' | cmp -s - '$css_file'"
total=$(curl -ksS "$base/api/v1/items" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
check "the API: $total items" test "$total" = 1087
ready=$(curl -ksS "$base/readyz")
check "readyz: $ready" grep -q '"database": "ok"' <<< "$ready"
search=$(curl -ksS "$base/api/v1/search?q=%E6%8A%A4%E7%85%A7" | python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["code"])')
check "search (postgres backend): 护照 -> $search" test -n "$search"

echo "== guide publish-due, as the timer's service runs it"
service_exec=$(sed -n 's/^ExecStart=//p' "$units/guide-publish-due.service")
service_exec=${service_exec//\/etc\/guide/$work/etc}
(set -a; . "$work/etc/guide.env"; set +a; cd "$work/state" && $service_exec) > "$work/log/publish-due.log" 2>&1 \
  || fail "publish-due"
check "publish-due: $(tail -n 1 "$work/log/publish-due.log")" true

echo "== one app server stopped (an upgrade restarts them one at a time): the other serves"
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
ok=0
for _ in $(seq 20); do
  [ "$(curl -ks -o /dev/null -w '%{http_code}' "$base/zh-hans/items")" = 200 ] && ok=$((ok + 1))
done
check "20 of 20 pages with guide@$app1 down ($ok)" test "$ok" = 20
echo "try_deploy: $passed passed, 0 failed"
