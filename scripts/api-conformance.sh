#!/usr/bin/env bash
# Runs schemathesis, every check, against a real portal-server on a throwaway database with
# the browser tests' fixture content and staff access on. Loopback only. Beside a PostgreSQL
# server (PORTAL_TEST_DATABASE_URL, as scripts/with-postgres.sh sets) the portal keeps its data
# in a new database there instead of a SQLite file.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${CONFORMANCE_PORT:-18400}"
DIR=target/conformance
TOKEN="conformance-$(date +%s)-$RANDOM"
MAX_EXAMPLES="${MAX_EXAMPLES:-50}"

node tests/support/make-fixture.mjs "$DIR"
DATABASE=(--db "$DIR/portal.db")
if [ -n "${PORTAL_TEST_DATABASE_URL:-}" ]; then
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$PORTAL_TEST_DATABASE_URL dbname=postgres" -c "CREATE DATABASE conformance"
    DATABASE=(--database-url "$PORTAL_TEST_DATABASE_URL dbname=conformance")
fi
# A staff account for the session-guarded endpoints (made, and the content seeded, before the
# server starts).
STAFF_PASSWORD="conformance-$(date +%s)-$RANDOM-$RANDOM"
echo "$STAFF_PASSWORD" | target/release/portal-server "${DATABASE[@]}" --content "$DIR/content" \
    user add conformance --role admin >/dev/null
PORTAL_ADMIN_TOKEN="$TOKEN" target/release/portal-server "${DATABASE[@]}" \
    --content "$DIR/content" --addr "127.0.0.1:$PORT" \
    --visits-per-minute 1000000 --feedback-per-10-minutes 1000000 >"$DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    curl -fsS "http://127.0.0.1:$PORT/api/v1/site" >/dev/null 2>&1 && break
    sleep 0.1
done

SIGNED_IN=$(curl -fsS -D "$DIR/sign-in.headers" -H 'content-type: application/json' \
    -d "{\"username\": \"conformance\", \"password\": \"$STAFF_PASSWORD\"}" \
    "http://127.0.0.1:$PORT/api/v1/admin/session")
CSRF=$(python3 -c 'import json, sys; print(json.load(sys.stdin)["csrf_token"])' <<<"$SIGNED_IN")
SESSION=$(grep -io 'portal_session=[^;]*' "$DIR/sign-in.headers" | head -1)

# Two runs. Scripts' endpoints with the bearer token alone (a session cookie sent beside it
# would make schemathesis's "is authentication enforced?" probes, which drop the token, find
# the endpoint open); then the session's endpoints with the cookie and the CSRF token.
# DELETE /admin/session (signing out) is left out: it would end the session the run uses; the
# staff tests cover it (server/tests/staff.rs).
SESSION_PATHS='^/api/v1/admin/(session|users|audit)'
schemathesis run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
    --checks all --max-examples "$MAX_EXAMPLES" --seed 2026 \
    --exclude-path-regex "$SESSION_PATHS" \
    -H "Authorization: Bearer $TOKEN"
schemathesis run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
    --checks all --max-examples "$MAX_EXAMPLES" --seed 2026 \
    --include-path-regex "$SESSION_PATHS" --exclude-method DELETE \
    -H "Cookie: $SESSION" -H "X-CSRF-Token: $CSRF"
