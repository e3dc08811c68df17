#!/usr/bin/env bash
# Back up the guide's PostgreSQL database into one file, in pg_dump's custom format (compressed;
# tools/restore.sh or pg_restore reads it, and can pick single tables out of it if need be).
#
#   tools/backup.sh [DATABASE_URL [OUTPUT_FILE | OUTPUT_DIR]]
#
# DATABASE_URL is the app's own (postgresql+psycopg://user@host:port/db) or a libpq URL; without
# one, GUIDE_DATABASE_URL. The output defaults to guide-backup-<UTC time>.dump in the current
# folder (or in OUTPUT_DIR). Prints the path of the backup written. The whole database is dumped,
# whatever search_path the URL's options set.
set -euo pipefail

usage() {
    cat >&2 <<USAGE
usage: $0 [DATABASE_URL [OUTPUT_FILE | OUTPUT_DIR]]
  DATABASE_URL  postgresql+psycopg://user@host:port/db or postgresql://...; default \$GUIDE_DATABASE_URL
  OUTPUT        default ./guide-backup-YYYYMMDDTHHMMSSZ.dump; prints the path written
USAGE
    exit "${1:-2}"
}

# shellcheck source=tools/libpq_url.sh
source "$(dirname "$0")/libpq_url.sh"

case "${1:-}" in -h | --help) usage 0 ;; esac
[ $# -le 2 ] || usage
url=${1:-${GUIDE_DATABASE_URL:-}}
[ -n "$url" ] || usage
url=$(libpq_url "$url")

out=${2:-.}
if [ -d "$out" ]; then
    out="${out%/}/guide-backup-$(date -u +%Y%m%dT%H%M%SZ).dump"
fi
dir=$(dirname -- "$out")
[ -d "$dir" ] || { echo "$0: no such folder: $dir" >&2; exit 1; }

# Dump beside the target and rename it only once complete: a failed or interrupted dump never
# leaves a partial file under the backup's name. mktemp makes it readable by its owner only,
# which suits a file holding password hashes.
tmp=$(mktemp -- "$dir/.$(basename -- "$out").XXXXXX")
trap 'rm -f -- "$tmp"' EXIT
trap 'exit 130' INT TERM HUP
# No owners or grants: the backup restores into any database, as any user allowed to create in it.
pg_dump --format=custom --no-owner --no-privileges --file="$tmp" --dbname="$url"
sync -- "$tmp"  # on disk before the rename makes it the backup
mv -f -- "$tmp" "$out"
trap - EXIT
printf '%s\n' "$out"
