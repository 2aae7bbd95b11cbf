# The portal's commands. `make run` and `make test` work from a fresh clone: both install
# what is missing first (scripts/install-tools.sh).

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

DB ?= data/portal.db
ADDR ?= 127.0.0.1:8080

.PHONY: run build test tools browser-tools web server html-validation unit-test durability-test api-conformance probe feeds-check postgres-test cluster browser-test lint bench clean

## Build everything and start the portal on http://$(ADDR)
run: build
	target/release/portal-server --db $(DB) --addr $(ADDR)

## The release build of the web app (dist/) and the server (target/release/portal-server)
build: tools web server

tools:
	@scripts/install-tools.sh

browser-tools:
	@scripts/install-tools.sh --browser

## The full app (index.html) into dist/, then the lighter reader app (reader.html) into
## dist/reader/ and the staff area's app (staff.html) into dist/quan-tri/: the first build
## empties dist/, so this order
web:
	trunk build --release
	trunk build reader.html --release --dist dist/reader --public-url /reader/
	trunk build staff.html --release --dist dist/quan-tri --public-url /quan-tri/
	node scripts/precompress.mjs dist

server:
	cargo build --release -p portal-server

## Every test: lint, unit and API tests, then the browser tests on a release build
test: browser-tools web server html-validation lint unit-test durability-test api-conformance probe feeds-check postgres-test browser-test

lint:
	cargo fmt --all --check
	cargo clippy -p portal-contract -p portal-server --all-targets -- -D warnings
	cargo clippy -p portal-web --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p portal-web --target wasm32-unknown-unknown --no-default-features -- -D warnings
	cargo clippy -p portal-staff --target wasm32-unknown-unknown -- -D warnings

unit-test:
	python3 scripts/check-content.py
	cargo test -p portal-contract -p portal-server
	# Apart: in one command with the server, the staff app's dependencies would change the
	# features the server's are built with, and postgres-test would build the server again.
	cargo test -p portal-staff

## Feedback survives SIGKILLs: every acknowledged submission is in the database afterwards
durability-test: server
	python3 scripts/feedback-durability.py --submissions 300 --kills 8

## The W3C Nu validator (vnu-jar, Java) over the HTML the server sends for every route, on
## the fixture content; any error fails
html-validation: server
	node scripts/html-validation.mjs

## schemathesis, every check, against the running server and its OpenAPI document
api-conformance: server
	scripts/api-conformance.sh

## The same on PostgreSQL, beside a throw-away server (scripts/with-postgres.sh): the API
## tests, the feedback durability test and schemathesis; then three replicas behind nginx,
## one killed and restarted under load, and PostgreSQL itself stopped and started
postgres-test: server
	scripts/with-postgres.sh bash -c '\
	    cargo test -p portal-server && \
	    python3 scripts/feedback-durability.py --postgres --submissions 300 --kills 8 && \
	    scripts/api-conformance.sh && \
	    python3 scripts/cluster-fault-test.py'

## PostgreSQL, three replicas and nginx on http://127.0.0.1:8080 (a throw-away database)
cluster: build
	python3 scripts/cluster.py

## A bounded loopback probe of the running server, as an attacker would try it (traversal,
## odd paths, hostile parameters, lying headers, slow clients); any finding fails
probe: server
	python3 scripts/probe.py

## The feeds, sitemap, robots.txt and calendar as other programs read them (XML, the RSS 2.0
## and sitemap rules, every link resolving, iCalendar through the icalendar package)
feeds-check: server
	python3 scripts/check-feeds.py

browser-test:
	playwright test
	@echo "Screenshots of the main pages at 360 and 1280 px: $(CURDIR)/target/screenshots"

## Benchmarks: figures printed, never pass/fail (not part of `make test`)
bench: build
	@[ -x /usr/bin/wrk ] || (apt-get update && apt-get install -y wrk)
	@[ -d target/bench-tools/node_modules/lighthouse ] || npm install --no-audit --no-fund --prefix target/bench-tools lighthouse@12.2.3
	ARTICLES=$(or $(ARTICLES),100000) scripts/with-postgres.sh python3 scripts/bench.py

clean:
	rm -rf dist target/e2e test-results playwright-report
