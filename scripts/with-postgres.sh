#!/usr/bin/env bash
# Runs a command beside a throw-away PostgreSQL server: a new cluster in a temporary folder,
# reached only through a Unix socket there, removed when the command ends, however it ends.
#
#   scripts/with-postgres.sh COMMAND [ARGS...]
#
# The command finds the server in PORTAL_TEST_DATABASE_URL (a libpq key-value string without
# a database name: append " dbname=NAME") and its binaries' folder in PG_BIN. initdb refuses to
# run as root, so as root the cluster belongs to the `postgres` user Debian's package creates.
set -euo pipefail

PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "with-postgres: no PostgreSQL server installed (scripts/install-tools.sh --browser installs it)" >&2
    exit 1
fi
DIR="$(mktemp -d /tmp/portal-pg.XXXXXX)"
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop() {
    as_owner "$PG_BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
}
trap stop EXIT
[ "$(id -u)" -eq 0 ] && chown postgres "$DIR"
# C.UTF-8: byte order for text, as SQLite compares; fsync off: the cluster is thrown away.
as_owner "$PG_BIN/initdb" -D "$DIR/data" --auth=trust -U portal --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
as_owner "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
    -o "-k $DIR -c listen_addresses='' -c fsync=off -c full_page_writes=off -c max_connections=300" start >/dev/null
export PG_BIN
export PG_SOCKET_DIR="$DIR"
export PG_DATA_DIR="$DIR/data"
export PORTAL_TEST_DATABASE_URL="host=$DIR port=5432 user=portal"
"$@"
