# Sourced by tools/backup.sh and tools/restore.sh: the database URL as libpq takes it.
# The app's SQLAlchemy URL names a driver (postgresql+psycopg://); libpq knows only postgresql://.
# The URL itself is never echoed: it may hold a password.
# shellcheck shell=bash
libpq_url() {
    case "$1" in
        postgresql://* | postgres://*) printf '%s\n' "$1" ;;
        postgresql+*://* | postgres+*://*) printf 'postgresql://%s\n' "${1#*://}" ;;
        *) echo "$0: not a PostgreSQL URL (${1%%:*}:...); a SQLite database is backed up by copying its file" >&2
           return 1 ;;
    esac
}
