#!/usr/bin/env bash
# Installs what building and testing the portal needs, at pinned versions, skipping whatever
# is already there (so it is quick on the second run). See README "Toolchain".
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version pinned in Cargo.toml / Cargo.lock.
WASM_BINDGEN_VERSION=0.2.130
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '==> %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (a few minutes, once)"
    cargo install --locked "trunk@$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
    # Not --locked: the CLI's own lock file names a crate version the registry no longer has.
    cargo install --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi

# wasm-opt (npm's binaryen) and Playwright, exactly as package-lock.json says.
if ! npm ls --silent >/dev/null 2>&1; then
    say "installing npm packages"
    npm ci --no-audit --no-fund
fi

SCHEMATHESIS_VERSION=4.32.5
if [ "${1:-}" = "--browser" ] && [ "$(schemathesis --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -1)" != "$SCHEMATHESIS_VERSION" ]; then
    say "installing schemathesis $SCHEMATHESIS_VERSION for the API conformance test"
    python3 -m pip install --quiet "schemathesis==$SCHEMATHESIS_VERSION"
fi

ICALENDAR_VERSION=7.3.2
if [ "${1:-}" = "--browser" ] && [ "$(python3 -c 'import icalendar; print(icalendar.__version__)' 2>/dev/null || true)" != "$ICALENDAR_VERSION" ]; then
    say "installing icalendar $ICALENDAR_VERSION to check the schedule's calendar"
    python3 -m pip install --quiet "icalendar==$ICALENDAR_VERSION"
fi

# Java runs the W3C Nu validator (npm's vnu-jar) for `make html-validation`.
if [ "${1:-}" = "--browser" ] && ! command -v java >/dev/null 2>&1; then
    say "installing Debian's Java runtime for the HTML validator"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y default-jre-headless
fi

if [ "${1:-}" = "--browser" ] && ! [ -x /usr/bin/chromium ]; then
    say "installing Debian's Chromium for the browser tests"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium chromium-driver
fi

# PostgreSQL's server (the tests start a throw-away cluster of their own: scripts/with-postgres.sh)
# and nginx (the load balancer of `make cluster`), both from Debian.
if [ "${1:-}" = "--browser" ] && { ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! [ -x /usr/sbin/nginx ]; }; then
    say "installing Debian's PostgreSQL and nginx for the PostgreSQL tests and the cluster"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y postgresql nginx-light
fi
