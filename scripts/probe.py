#!/usr/bin/env python3
"""A bounded probe of a running portal-server, as an attacker would try it: path traversal,
odd and huge paths, hostile parameters, lying and missing headers, wrong methods, slow
clients. Every answer must be deliberate: never a 5xx, never an empty error, never a file
from outside dist/, never a connection held open past its bound.

    python3 scripts/probe.py                # starts its own server on the fixture content
    python3 scripts/probe.py --base http://127.0.0.1:8080   # probes a running one

Loopback only: about 120 requests, each with a timeout; it stops by itself within a minute.
Exits non-zero and lists every finding if anything is wrong.
"""

import argparse
import json
import socket
import sys
import threading
import time
import urllib.parse

import test_server

findings = []


def finding(what, detail):
    findings.append(f"{what}: {detail}")


def exchange(host, port, raw, timeout=10.0):
    """Sends raw bytes, reads until the server closes; (status, headers, body) or None."""
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(raw)
        chunks = []
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            chunks.append(chunk)
    data = b"".join(chunks)
    if not data:
        return None
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    try:
        status = int(lines[0].split(" ")[1])
    except (IndexError, ValueError):
        return None
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers.setdefault(name.strip().lower(), []).append(value.strip())
    return status, headers, body


def request(host, port, method, target, headers=None, body=b""):
    lines = [f"{method} {target} HTTP/1.1"]
    given = {k.lower() for k in (headers or {})}
    if "host" not in given:
        lines.append(f"Host: {host}:{port}")
    for name, value in (headers or {}).items():
        for one in value if isinstance(value, list) else [value]:
            lines.append(f"{name}: {one}")
    if body:
        lines.append(f"Content-Length: {len(body)}")
    lines.append("Connection: close")
    raw = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
    return exchange(host, port, raw)


def expect(answer, what, statuses, json_error=None):
    """The answer has one of `statuses`; a 4xx is JSON when `json_error` (or always on /api)."""
    if answer is None:
        finding(what, "no answer")
        return
    status, headers, body = answer
    if status >= 500:
        finding(what, f"{status} {body[:200]!r}")
    elif status not in statuses:
        finding(what, f"status {status}, expected {sorted(statuses)}")
    if status >= 400 and not body:
        finding(what, f"an empty {status}")
    if json_error and status >= 400:
        content_type = (headers.get("content-type") or [""])[0]
        if not content_type.startswith("application/json"):
            finding(what, f"{status} as {content_type!r}, not JSON")
        else:
            try:
                json.loads(body)["error"]["code"]
            except (ValueError, KeyError, TypeError):
                finding(what, f"{status} without the API's error shape: {body[:200]!r}")
    for secret in (b"root:x:", b"[package]", b"PRIVATE KEY", b"SQLite format"):
        if secret in body:
            finding(what, f"the answer holds {secret!r}")


def probe(host, port):
    def get(target, headers=None):
        return request(host, port, "GET", target, headers)

    # Traversal, in every spelling.
    for target in [
        "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
        "/reader/../../Cargo.toml", "/%2e%2e%5c%2e%2e%5cCargo.toml", "/....//....//etc/passwd",
        "/api/v1/articles/..%2f..%2fsite", "/embed/..%2f..%2fCargo.toml",
        "/leaflet/../../../data/portal.db", "/%c0%ae%c0%ae/etc/passwd",
    ]:
        expect(get(target), f"traversal {target}", {200, 400, 404})

    # Odd and huge paths.
    for target, statuses in [
        ("/" + "a" * 256, {404}), ("/" + "b" * 300 + ".js", {404}), ("/%00", {400, 404}),
        ("/%ff%fe", {404}), ("/tin-tuc/" + "c" * 4000, {404}), ("/" + "d" * 9000, {414}),
        ("/api/v1/articles?q=" + "e" * 9000, {414}), ("//", {200, 404}), ("/;/", {404}),
    ]:
        expect(get(target), f"path {target[:40]}…", statuses, json_error=target.startswith("/api") or len(target) > 8192)
    for target in ["/api", "/api/", "/api/v1", "/api/v1/", "/api/v2/site", "/api/v1/khong-co",
                   "/api/v1/articles/", "/api/v1/admin"]:
        expect(get(target), f"unknown API path {target}", {404}, json_error=True)

    # Hostile parameters.
    for query in [
        "page=-1", "page=abc", "page=0", "page=99999999999", "per_page=100000", "per_page=",
        "featured=maybe", "featured=1", "from=-001-01-01", "from=2024-13-01", "to=99999-01-01",
        "from=2025-01-02&to=2025-01-01", "q=" + urllib.parse.quote("' OR 1=1 --"),
        "q=" + urllib.parse.quote('"NEAR(a b'), "q=*", "q=" + urllib.parse.quote("a\x00b"),
        "q=" + "x" * 201, "category=" + urllib.parse.quote("../../etc"), "page=1&page=2",
    ]:
        expect(get("/api/v1/articles?" + query), f"articles?{query[:40]}", {200, 400, 404}, json_error=True)
    for week in ["9999-W52", "0000-W01", "2026-W60", "2026-W00", "2026-w01", "abc", "2021-W53"]:
        answer = get(f"/api/v1/schedule?week={week}")
        expect(answer, f"schedule?week={week}", {200, 400}, json_error=True)
        if answer and answer[0] == 200:
            schedule = json.loads(answer[2])
            for link in ("previous_week", "next_week"):
                target = schedule.get(link)
                if target is not None:
                    expect(get(f"/api/v1/schedule?week={target}"), f"{link} of {week}: {target}", {200}, json_error=True)

    # Bodies: not JSON, the wrong shape, nested past any parser's depth, forms.
    for content_type, body, statuses in [
        ("application/json", b"{", {400}),
        ("application/json", b"[" * 5000 + b"]" * 5000, {400, 422}),
        ("application/json", b'{"name": 5}', {422}),
        ("text/plain", b"{}", {415}),
        ("application/x-www-form-urlencoded", b"name=a", {415}),
        ("application/json", b"{}" + b" " * 40000, {413}),
    ]:
        for path in ["/api/v1/feedback", "/api/v1/visits"]:
            answer = request(host, port, "POST", path, {"Content-Type": content_type}, body)
            if path.endswith("/visits") and statuses == {422}:
                statuses = {200, 429}
            expect(answer, f"POST {path} {content_type} {body[:12]!r}", statuses | {429}, json_error=True)

    # Methods.
    for method in ["DELETE", "PUT", "PATCH", "TRACE"]:
        expect(request(host, port, method, "/api/v1/site"), f"{method} /api/v1/site", {405}, json_error=True)

    # Headers: lying, missing, doubled, huge.
    latest = get("/api/v1/articles?per_page=1")
    article = "/tin-tuc/" + json.loads(latest[2])["items"][0]["slug"] if latest else "/"
    answer = get(article, {"Host": "evil.example", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example"})
    expect(answer, "lying Host", {200})
    if answer and b"evil.example" in answer[2]:
        finding("lying Host", "the page names the Host it was sent")
    expect(get("/api/v1/site", {"Host": ["a.example", "b.example"]}), "two Host headers", {400}, json_error=True)
    no_host = exchange(host, port, b"GET /api/v1/site HTTP/1.1\r\nConnection: close\r\n\r\n")
    expect(no_host, "no Host", {400}, json_error=True)
    huge = get("/api/v1/site", {"X-Filler": "x" * 200_000})
    if huge is not None and huge[0] >= 500:
        finding("a 200 KB header", f"status {huge[0]}")
    answer = get("/api/v1/site", {"If-None-Match": 'W/"x", "y", *'})
    expect(answer, "If-None-Match list with *", {304})
    for target in ["/", "/api/v1/site"]:
        answer = get(target, {"Accept-Encoding": "br"})
        if answer and not any("accept-encoding" in v.lower() for v in answer[1].get("vary", [])):
            finding(f"Vary on {target}", f"{answer[1].get('vary')}")

    # Slow clients, side by side: each must be cut off within its bound.
    def slow(name, raw, expected_statuses, bound):
        started = time.time()
        answer = exchange(host, port, raw, timeout=bound + 5)
        elapsed = time.time() - started
        if elapsed > bound:
            finding(name, f"held open {elapsed:.1f} s (bound {bound} s)")
        if answer is not None and expected_statuses and answer[0] not in expected_statuses:
            finding(name, f"status {answer[0]}, expected {sorted(expected_statuses)}")

    threads = [
        threading.Thread(target=slow, args=("half a header", b"GET /api/v1/site HTTP/1.1\r\nHost: a", None, 15)),
        threading.Thread(target=slow, args=(
            "a slow body",
            f"POST /api/v1/feedback HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{".encode(),
            {408, 429}, 15)),
    ]
    for thread in threads:
        thread.start()
    started = time.time()
    answer = get("/api/v1/articles?per_page=1")
    expect(answer, "a read beside slow clients", {200})
    if time.time() - started > 2:
        finding("a read beside slow clients", f"took {time.time() - started:.1f} s")
    for thread in threads:
        thread.join(30)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", help="probe this running server instead of starting one")
    parser.add_argument("--port", type=int, default=18500)
    args = parser.parse_args()
    process = None
    if args.base:
        parsed = urllib.parse.urlparse(args.base)
        host, port = parsed.hostname, parsed.port or 80
        if host not in ("127.0.0.1", "localhost", "::1"):
            sys.exit("the probe runs against loopback only")
    else:
        host, port = "127.0.0.1", args.port
        process = test_server.start("probe", port)
    started = time.time()
    try:
        probe(host, port)
    finally:
        if process:
            test_server.stop(process)
    print(f"probe: {time.time() - started:.1f} s, {len(findings)} finding(s)")
    for line in findings:
        print("  " + line)
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
