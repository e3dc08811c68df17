#!/usr/bin/env bash
# Restore a backup made by tools/backup.sh into a PostgreSQL database, all or nothing.
#
#   tools/restore.sh [--clean] BACKUP_FILE DATABASE_URL
#
# The database must exist (createdb NAME) and be empty: one that already has tables is refused,
# unless --clean is given, which drops what the backup holds before recreating it (tables the
# backup does not know are left alone). Afterwards, prints the number of items, guide revisions,
# users and audit events as a check. Then run `guide init-db` if the code is newer than the backup.
set -euo pipefail

usage() {
    cat >&2 <<USAGE
usage: $0 [--clean] BACKUP_FILE DATABASE_URL
  BACKUP_FILE   a file written by tools/backup.sh (pg_dump --format=custom)
  DATABASE_URL  postgresql+psycopg://user@host:port/db or postgresql://...; the database must exist
  --clean       restore into a database that already has tables, replacing what the backup holds
USAGE
    exit "${1:-2}"
}

# shellcheck source=tools/libpq_url.sh
source "$(dirname "$0")/libpq_url.sh"

clean=()
args=()
for arg; do
    case "$arg" in
        --clean) clean=(--clean --if-exists) ;;
        -h | --help) usage 0 ;;
        -*) usage ;;
        *) args+=("$arg") ;;
    esac
done
[ ${#args[@]} -eq 2 ] || usage
backup=${args[0]}
url=$(libpq_url "${args[1]}")
if [ ! -f "$backup" ] || [ ! -r "$backup" ]; then
    echo "$0: cannot read $backup" >&2
    exit 1
fi

query() {
    psql --no-psqlrc --quiet --tuples-only --no-align --field-separator=' ' -v ON_ERROR_STOP=1 \
        --dbname="$url" --command="$1"
}

# Restoring over live data by mistake is the costly error: make the caller say so.
tables=$(query "SELECT count(*) FROM pg_catalog.pg_tables
                WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
if [ "$tables" -gt 0 ] && [ ${#clean[@]} -eq 0 ]; then
    echo "$0: the database already has $tables tables; restore into an empty one (createdb NAME)," \
         "or give --clean to replace what the backup holds" >&2
    exit 1
fi

# One transaction that stops at the first error: a failed restore (a truncated file, a clash)
# leaves the database as it was. No owners or grants: objects belong to the user restoring.
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
    "${clean[@]}" --dbname="$url" "$backup"

echo "restored $backup:"
query "SELECT 'items', count(*) FROM items
       UNION ALL SELECT 'guide_revisions', count(*) FROM guide_revisions
       UNION ALL SELECT 'users', count(*) FROM users
       UNION ALL SELECT 'audit_events', count(*) FROM audit_events"
