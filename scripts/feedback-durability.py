#!/usr/bin/env python3
"""Feedback durability under crashes.

Sends feedback submissions to a real portal-server while killing it with SIGKILL at random
moments and starting it again. Afterwards every submission that was answered 201 must be in
the database, word for word, and SQLite's integrity check must say "ok".

    python3 scripts/feedback-durability.py [--submissions 300] [--kills 6] [--port 18190]
    scripts/with-postgres.sh python3 scripts/feedback-durability.py --postgres

With --postgres the server keeps its data in a new database on the PostgreSQL server
PORTAL_TEST_DATABASE_URL names (scripts/with-postgres.sh starts a throw-away one), and the
rows are read back with psql.

Prints the figures; exits non-zero if anything acknowledged was lost. Loopback only.
"""

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SERVER = os.path.join(ROOT, "target", "release", "portal-server")


def start(database, port):
    process = subprocess.Popen(
        [SERVER, *database, "--addr", f"127.0.0.1:{port}", "--content", "/nonexistent",
         "--dist", "/nonexistent", "--feedback-per-10-minutes", "1000000"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/stats", timeout=1).read()
            return process
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.05)
    process.kill()
    raise SystemExit("the server did not start")


def submit(port, number):
    body = json.dumps({
        "name": f"Người gửi {number}",
        "email": f"nguoi{number}@example.com",
        "title": f"Ý kiến số {number}",
        "message": f"Nội dung ý kiến số {number}: đề nghị sửa đường thôn.",
        "elapsed_ms": 60000,
    }).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/feedback", data=body, method="POST",
        headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            if response.status == 201:
                return json.loads(response.read())["reference"]
    except (urllib.error.URLError, ConnectionError, OSError, ValueError):
        pass
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=300)
    parser.add_argument("--kills", type=int, default=6)
    parser.add_argument("--port", type=int, default=18190)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--postgres", action="store_true",
                        help="keep the data on PORTAL_TEST_DATABASE_URL's PostgreSQL server")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    folder = tempfile.mkdtemp(prefix="feedback-durability-")
    db = os.path.join(folder, "portal.db")
    if args.postgres:
        server_url = os.environ.get("PORTAL_TEST_DATABASE_URL")
        if not server_url:
            raise SystemExit("--postgres needs PORTAL_TEST_DATABASE_URL (scripts/with-postgres.sh)")
        psql = [os.path.join(os.environ["PG_BIN"], "psql"), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1"]
        subprocess.run([*psql, f"{server_url} dbname=postgres", "-c", "CREATE DATABASE durability"],
                       check=True)
        url = f"{server_url} dbname=durability"
        database = ["--database-url", url]
    else:
        database = ["--db", db]
    server = [start(database, args.port)]
    acknowledged = {}  # reference -> submission number
    lock = threading.Lock()
    next_number = [0]
    attempts = [0]

    def sender():
        while True:
            with lock:
                if next_number[0] >= args.submissions:
                    return
                number = next_number[0]
                next_number[0] += 1
            # A refused submission is sent again, as the app's retry button would.
            for _ in range(200):
                with lock:
                    attempts[0] += 1
                reference = submit(args.port, number)
                if reference:
                    with lock:
                        acknowledged[reference] = number
                    break
                time.sleep(0.05)
            # Spread the submissions over the run, so the kills land among them.
            time.sleep(0.02)

    senders = [threading.Thread(target=sender) for _ in range(4)]
    for thread in senders:
        thread.start()
    kills = 0
    while kills < args.kills and any(t.is_alive() for t in senders):
        time.sleep(rng.uniform(0.05, 0.3))
        server[0].send_signal(signal.SIGKILL)
        server[0].wait()
        kills += 1
        server[0] = start(database, args.port)
    for thread in senders:
        thread.join()
    server[0].send_signal(signal.SIGKILL)
    server[0].wait()

    if args.postgres:
        # One JSON array: messages may hold any character psql would otherwise format.
        out = subprocess.run(
            [*psql, url, "-c",
             "SELECT COALESCE(json_agg(json_build_array(reference, message)), '[]') FROM feedback"],
            check=True, capture_output=True, text=True).stdout
        rows = dict(json.loads(out))
        integrity = "ok"  # PostgreSQL's own recovery; nothing like SQLite's check to run
    else:
        connection = sqlite3.connect(db)
        rows = dict(connection.execute("SELECT reference, message FROM feedback"))
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        connection.close()
    lost = [ref for ref, number in acknowledged.items()
            if rows.get(ref) != f"Nội dung ý kiến số {number}: đề nghị sửa đường thôn."]

    engine = "PostgreSQL" if args.postgres else "SQLite"
    print(f"feedback durability on {engine}: {args.submissions} submissions, {attempts[0]} requests, "
          f"{len(acknowledged)} acknowledged (201), {kills} SIGKILLs, {len(rows)} rows stored, "
          f"lost = {len(lost)}, integrity_check = {integrity}")
    print("  (more rows than acknowledgements: a submission stored just before a kill, whose "
          "answer never arrived, sent again)")
    if lost or integrity != "ok" or len(acknowledged) != args.submissions:
        print("FAILED", lost[:10], file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
