#!/usr/bin/env python3
"""Faults on the cluster: replicas killed under load, then PostgreSQL stopped and started.

    scripts/with-postgres.sh python3 scripts/cluster-fault-test.py [--port 18350]

Three portal-server replicas on one throw-away PostgreSQL database, nginx in front
(scripts/cluster.py). Without PORTAL_TEST_DATABASE_URL it runs itself through
scripts/with-postgres.sh.

1. Load: 2,000 `POST /api/v1/visits` and 200 `POST /api/v1/feedback` through nginx from 8
   threads, each request from its own X-Forwarded-For address, while replicas are killed
   with SIGKILL (three kills, three different replicas) and started again. Afterwards, in
   PostgreSQL: every acknowledged feedback is stored once, word for word, no submission is
   stored twice (nginx never resends a POST), stored feedback and the visit total lie between
   what was acknowledged and that plus what failed in flight; failures are bounded by the
   requests in flight at the kills; the service kept answering (no 2 s without a success).
2. Outage: PostgreSQL stopped: a replica answers 503 with the JSON error within 10 s, its
   /healthz 503; a replica started during the outage waits instead of exiting; PostgreSQL
   started: that replica becomes healthy within 30 s and the others answer again.

Prints a table of figures; exits non-zero on any failed check. Loopback only.
"""

import argparse
import json
import os
import random
import re
import shutil
import sys
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cluster import WITH_POSTGRES, Cluster, http, wait_until  # noqa: E402

MESSAGE = "Nội dung ý kiến số {}: đề nghị sửa đường thôn {}."
SLOW_REQUEST_S = 10.0  # the server's own budget for a request
SILENCE_LIMIT_S = 2.0  # the longest the service may go without a success under load


class Failures:
    def __init__(self):
        self.items = []

    def check(self, ok, message):
        if not ok:
            self.items.append(message)
            print(f"  FAILED: {message}", flush=True)
        return ok


def send(url, body, client, timeout=15.0):
    """One POST through nginx: (status or None, parsed JSON or text, upstream, start, end)."""
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), method="POST",
        headers={"content-type": "application/json", "x-forwarded-for": client})
    started = time.monotonic()
    upstream = None
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
            upstream = response.headers.get("x-upstream")
    except urllib.error.HTTPError as err:
        status, raw = err.code, err.read()
        upstream = err.headers.get("x-upstream") if err.headers else None
    except (urllib.error.URLError, ConnectionError, OSError) as err:
        return None, f"{type(err).__name__}: {err}", None, started, time.monotonic()
    ended = time.monotonic()
    text = raw.decode("utf-8", "replace")
    try:
        return status, json.loads(text), upstream, started, ended
    except ValueError:
        return status, text, upstream, started, ended


def is_error_shape(body, code=None):
    return (isinstance(body, dict) and isinstance(body.get("error"), dict)
            and isinstance(body["error"].get("code"), str)
            and (code is None or body["error"]["code"] == code))


def percentile(values, fraction):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


# ---------------------------------------------------------------------------------------------
# Part 1: replicas killed under load

def load_with_kills(cluster, args, failures, figures):
    visit_total_before = int(cluster.psql("SELECT COALESCE(SUM(count),0) FROM visit_days"))
    feedback_before = int(cluster.psql("SELECT COUNT(*) FROM feedback"))

    total = args.visits + args.feedback
    # Feedback spread evenly among the visits.
    every = total / args.feedback if args.feedback else total + 1
    feedback_at = {int(i * every + every / 2) for i in range(args.feedback)}
    jobs = ["feedback" if k in feedback_at else "visit" for k in range(total)]
    tag = f"{random.Random().getrandbits(32):08x}"  # tells this run's messages apart

    lock = threading.Lock()
    next_job = [0]
    in_flight = [0]
    results = [None] * total
    started_at = time.monotonic()

    def worker():
        while True:
            with lock:
                k = next_job[0]
                if k >= total:
                    return
                next_job[0] += 1
            # Paced, so that the load lasts long enough for the kills to land in it, and in
            # bursts of one request per thread (many citizens at once), so that a kill timed
            # into a burst cuts requests in every stage of their handling.
            delay = started_at + (k // args.threads) * args.threads / args.rate \
                - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            client = f"10.{(k >> 16) & 255}.{(k >> 8) & 255}.{(k & 255)}"
            if jobs[k] == "visit":
                url, body = f"{cluster.lb_url}/api/v1/visits", {}
            else:
                url, body = f"{cluster.lb_url}/api/v1/feedback", {
                    "name": f"Người gửi {k}", "email": f"nguoi{k}@example.com",
                    "title": f"Ý kiến số {k}", "message": MESSAGE.format(k, tag),
                    "elapsed_ms": 60000}
            with lock:
                in_flight[0] += 1
            status, answer, upstream, start, end = send(url, body, client)
            with lock:
                in_flight[0] -= 1
            if status is None:
                outcome = "error"
            elif jobs[k] == "visit" and status == 200 and isinstance(answer, dict) \
                    and isinstance(answer.get("total"), int):
                outcome = "accepted"
            elif jobs[k] == "feedback" and status == 201 and isinstance(answer, dict) \
                    and isinstance(answer.get("reference"), str):
                outcome = "accepted"
            elif status >= 500:
                outcome = "refused"
            else:
                outcome = "unexpected"
            results[k] = {"kind": jobs[k], "status": status, "answer": answer,
                          "upstream": upstream, "start": start, "end": end,
                          "outcome": outcome}

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(args.threads)]
    for thread in threads:
        thread.start()

    # The kills: one replica after another, further apart than nginx's fail_timeout (2 s),
    # for which a failed replica stays out of the rotation even once it is back.
    kills = []
    for n in range(args.kills):
        due = started_at + args.first_kill + n * args.kill_every
        if wait_until(lambda: time.monotonic() >= due or
                      not any(t.is_alive() for t in threads), 120, 0.01) is None \
                or not any(t.is_alive() for t in threads):
            break
        # Into a burst: most threads waiting for an answer.
        wait_until(lambda: in_flight[0] >= max(1, args.threads // 2), 1.0, 0.0005)
        i = n % len(cluster.replicas)
        with lock:
            flying = in_flight[0]
        alive = any(t.is_alive() for t in threads)
        killed_at = time.monotonic()
        pid = cluster.replicas[i].pid
        cluster.kill(i)
        # Down for a moment (the outage the load must ride through), then started again.
        time.sleep(args.down)
        restart_at = time.monotonic()
        cluster.restart(i, wait=True, timeout=30)
        ready_at = time.monotonic()
        kills.append({"replica": i, "port": cluster.replicas[i].port, "old_pid": pid,
                      "new_pid": cluster.replicas[i].pid, "at": killed_at - started_at,
                      "in_flight": flying, "restart_s": ready_at - restart_at,
                      "during_load": alive})
        print(f"  killed replica {i} (port {cluster.replicas[i].port}, pid {pid}) at "
              f"{killed_at - started_at:.2f} s with {flying} requests in flight; "
              f"restarted, ready in {ready_at - restart_at:.2f} s", flush=True)
    for thread in threads:
        thread.join(timeout=180)
    load_s = time.monotonic() - started_at
    failures.check(all(r is not None for r in results), "some requests never finished")
    results = [r for r in results if r is not None]

    # -- what came back ----------------------------------------------------------------------
    def count(kind=None, outcome=None):
        return sum(1 for r in results if (kind is None or r["kind"] == kind)
                   and (outcome is None or r["outcome"] == outcome))

    visits_ok = count("visit", "accepted")
    visits_failed = count("visit", "refused") + count("visit", "error")
    feedback_ok = count("feedback", "accepted")
    feedback_failed = count("feedback", "refused") + count("feedback", "error")
    refused = count(outcome="refused")
    errors = count(outcome="error")
    unexpected = [r for r in results if r["outcome"] == "unexpected"]
    statuses = {}
    for r in results:
        if r["outcome"] != "accepted":
            key = str(r["status"]) if r["status"] is not None else "conn-error"
            statuses[key] = statuses.get(key, 0) + 1
    by_upstream = {}
    for r in results:
        if r["outcome"] == "accepted" and r["upstream"]:
            by_upstream[r["upstream"]] = by_upstream.get(r["upstream"], 0) + 1
    durations = [r["end"] - r["start"] for r in results]
    slow = [r for r in results if r["end"] - r["start"] > SLOW_REQUEST_S]

    print(f"  answers other than acceptance: {statuses or 'none'}")
    print(f"  accepted per replica (X-Upstream): {dict(sorted(by_upstream.items()))}")
    for r in results:
        if r["outcome"] in ("refused", "error"):
            print(f"    {r['kind']} at {r['start'] - started_at:.2f} s: {r['status']} "
                  f"{str(r['answer'])[:160]}")

    failures.check(sum(k["during_load"] for k in kills) >= 2,
                   f"only {sum(k['during_load'] for k in kills)} kill(s) landed during the load "
                   f"(make --rate lower)")
    failures.check(len({k['replica'] for k in kills}) == len(kills), "a replica killed twice")
    failures.check(not unexpected, f"{len(unexpected)} unexpected answers, e.g. "
                   f"{[(r['status'], str(r['answer'])[:200]) for r in unexpected[:3]]}")
    # A 500 is a bug: the database or a replica failing is a 503 (or nginx's 502).
    five_hundreds = [r for r in results if r["status"] == 500]
    failures.check(not five_hundreds, f"{len(five_hundreds)} answers were 500, e.g. "
                   f"{[str(r['answer'])[:200] for r in five_hundreds[:3]]}")
    bound = args.threads * max(1, len(kills))
    failures.check(refused + errors <= bound,
                   f"{refused + errors} requests failed, more than threads x kills = {bound}")
    failures.check(not slow, f"{len(slow)} requests took over {SLOW_REQUEST_S:.0f} s "
                   f"(longest {max(durations):.1f} s)")

    # The service answered throughout: successes, in order of their answers, without a gap.
    ends = sorted(r["end"] for r in results if r["outcome"] == "accepted")
    first_start = min(r["start"] for r in results)
    last_end = max(r["end"] for r in results)
    marks = [first_start] + ends + [last_end]
    longest_gap, gap_at = 0.0, 0.0
    for a, b in zip(marks, marks[1:]):
        if b - a > longest_gap:
            longest_gap, gap_at = b - a, a - started_at
    failures.check(longest_gap <= SILENCE_LIMIT_S,
                   f"no success for {longest_gap:.2f} s (from {gap_at:.2f} s into the load)")

    # -- what the database holds -------------------------------------------------------------
    visit_total = int(cluster.psql("SELECT COALESCE(SUM(count),0) FROM visit_days")) \
        - visit_total_before
    failures.check(visits_ok <= visit_total <= visits_ok + visits_failed,
                   f"visit total {visit_total} outside [accepted {visits_ok}, accepted + failed "
                   f"{visits_ok + visits_failed}]")
    print(f"  visits: total counted {visit_total}, accepted {visits_ok}, failed {visits_failed}")

    acknowledged = {}
    for k, r in enumerate(results):
        if r["kind"] == "feedback" and r["outcome"] == "accepted":
            reference = r["answer"]["reference"]
            failures.check(reference not in acknowledged,
                           f"reference {reference} given to two submissions")
            acknowledged[reference] = k
    failures.check(all(re.fullmatch(r"PH-\d{4}-\d{6,}", ref) for ref in acknowledged),
                   "a reference not shaped PH-YYYY-NNNNNN")
    stored = {}
    for line in cluster.psql(
            "SELECT reference, message FROM feedback WHERE message LIKE "
            f"'%{tag}.'", check=True).splitlines():
        reference, _, message = line.partition("|")
        stored.setdefault(reference, []).append(message)
    feedback_stored = int(cluster.psql("SELECT COUNT(*) FROM feedback")) - feedback_before
    doubled_refs = {ref: msgs for ref, msgs in stored.items() if len(msgs) > 1}
    failures.check(not doubled_refs, f"references stored more than once: "
                   f"{list(doubled_refs)[:5]}")
    missing = [ref for ref in acknowledged if ref not in stored]
    wrong = [ref for ref, k in acknowledged.items()
             if ref in stored and stored[ref] != [MESSAGE.format(k, tag)]]
    failures.check(not missing, f"{len(missing)} acknowledged feedback not stored: {missing[:5]}")
    failures.check(not wrong, f"{len(wrong)} stored with other words: {wrong[:5]}")
    # The same submission stored twice would mean a POST was sent again to another replica.
    twice = cluster.psql(
        "SELECT message, COUNT(*) FROM feedback WHERE message LIKE "
        f"'%{tag}.' GROUP BY message HAVING COUNT(*) > 1")
    failures.check(not twice.strip(), f"submissions stored twice: {twice.strip()[:300]}")
    unreferenced = int(cluster.psql("SELECT COUNT(*) FROM feedback WHERE reference IS NULL"))
    failures.check(unreferenced == 0, f"{unreferenced} feedback rows without a reference")
    failures.check(feedback_ok <= feedback_stored <= feedback_ok + feedback_failed,
                   f"feedback stored {feedback_stored} outside [acknowledged {feedback_ok}, "
                   f"acknowledged + failed {feedback_ok + feedback_failed}]")
    print(f"  feedback: stored {feedback_stored}, acknowledged {feedback_ok}, "
          f"failed {feedback_failed}")

    clients = int(cluster.psql("SELECT COUNT(DISTINCT client) FROM rate_limit_hits"))
    figures.update({
        "requests": len(results),
        "client addresses the replicas counted": clients, "visits sent": count("visit"),
        "feedback sent": count("feedback"), "accepted": count(outcome="accepted"),
        "refused 5xx": refused, "connection errors": errors,
        "kills (during load)": f"{len(kills)} ({sum(k['during_load'] for k in kills)})",
        "in flight at the kills": "+".join(str(k["in_flight"]) for k in kills),
        "restart to ready (s)": ", ".join(f"{k['restart_s']:.2f}" for k in kills),
        "load duration (s)": f"{load_s:.1f}",
        "latency p50 / p99 / max (ms)": f"{percentile(durations, .5) * 1000:.0f} / "
                                        f"{percentile(durations, .99) * 1000:.0f} / "
                                        f"{max(durations) * 1000:.0f}",
        "longest time without a success (s)": f"{longest_gap:.2f}",
        "visit total vs accepted (+failed)": f"{visit_total} vs {visits_ok} (+{visits_failed})",
        "feedback stored vs acknowledged (+failed)":
            f"{feedback_stored} vs {feedback_ok} (+{feedback_failed})",
    })


# ---------------------------------------------------------------------------------------------
# Part 2: PostgreSQL down, and back

def timed_503(failures, method, url, body=None, what=""):
    status, answer, elapsed = http(method, url, body=body, timeout=15)
    failures.check(status == 503 and is_error_shape(answer, "unavailable"),
                   f"{what}: {method} {url} answered {status} {str(answer)[:200]} "
                   f"(a 503 with error.code \"unavailable\" expected)")
    failures.check(elapsed <= 10.0, f"{what}: {method} {url} took {elapsed:.1f} s (over 10 s)")
    return status, elapsed


def outage(cluster, args, failures, figures):
    direct = cluster.replica_url(0)
    print("  stopping PostgreSQL (pg_ctl stop -m fast)", flush=True)
    stopped_at = time.monotonic()
    cluster.stop_postgres()
    stop_s = time.monotonic() - stopped_at

    _, stats_s = timed_503(failures, "GET", f"{direct}/api/v1/stats", what="PostgreSQL down")
    _, visit_s = timed_503(failures, "POST", f"{direct}/api/v1/visits", body={},
                           what="PostgreSQL down")
    health_status, health_s = timed_503(failures, "GET", f"{direct}/healthz",
                                        what="PostgreSQL down")
    lb_status, lb_answer, lb_s = http("GET", f"{cluster.lb_url}/api/v1/stats", timeout=30)
    failures.check(lb_status == 503 and is_error_shape(lb_answer),
                   f"through nginx during the outage: {lb_status} {str(lb_answer)[:200]}")
    print(f"  PostgreSQL down: stats 503 in {stats_s:.2f} s, visit 503 in {visit_s:.2f} s, "
          f"/healthz {health_status} in {health_s:.2f} s; through nginx {lb_status} in "
          f"{lb_s:.2f} s", flush=True)

    # A replica started now must wait for the database, not exit (nor loop).
    late = cluster.spawn_replica(args.late_port)
    exited = wait_until(lambda: not late.running(), args.late_wait)
    failures.check(not exited, f"the replica started during the outage exited with "
                   f"{late.process.returncode}: {late.log_text()[-600:]}")
    waiting_logged = "cannot be reached" in late.log_text()
    failures.check(waiting_logged, "the late replica logged no warning about the database: "
                   f"{late.log_text()[-600:]}")
    late_status, _, _ = http("GET", f"{late.url}/healthz", timeout=2)
    print(f"  late replica (port {late.port}, pid {late.pid}) still running after "
          f"{args.late_wait:.0f} s: {late.running()}; /healthz: "
          f"{late_status or 'not listening yet'}", flush=True)

    print("  starting PostgreSQL", flush=True)
    cluster.start_postgres()
    back_at = time.monotonic()
    late_ready = wait_until(lambda: not late.running() or healthy_json(late.url), 30, 0.1)
    late_s = time.monotonic() - back_at
    failures.check(late_ready and late.running(),
                   f"the late replica not healthy 30 s after PostgreSQL came back "
                   f"(running: {late.running()}); log: {late.log_path}")

    old_ready_s = []
    for i, replica in enumerate(cluster.replicas):
        def answers():
            s1, _, _ = http("GET", f"{replica.url}/healthz", timeout=5)
            s2, b2, _ = http("GET", f"{replica.url}/api/v1/stats", timeout=5)
            s3, b3, _ = http("POST", f"{replica.url}/api/v1/visits", body={},
                             headers={"x-forwarded-for": f"10.200.0.{i + 1}"}, timeout=5)
            return s1 == 200 and s2 == 200 and s3 == 200 and isinstance(b3, dict)
        ok = wait_until(answers, 30, 0.1)
        old_ready_s.append(time.monotonic() - back_at)
        failures.check(ok, f"replica {i} (port {replica.port}) not answering 200 within 30 s "
                       f"of PostgreSQL's return; log: {replica.log_path}")
    lb_ok = wait_until(lambda: http("GET", f"{cluster.lb_url}/healthz", timeout=5)[0] == 200,
                       30, 0.1)
    failures.check(lb_ok, "/healthz through nginx not 200 after PostgreSQL came back")
    if late_ready:
        s, b, _ = http("POST", f"{late.url}/api/v1/visits", body={},
                       headers={"x-forwarded-for": "10.200.1.1"})
        failures.check(s == 200, f"the late replica's visit answered {s} {str(b)[:200]}")

    figures.update({
        "pg_ctl stop -m fast (s)": f"{stop_s:.2f}",
        "outage: stats / visit / healthz 503 in (s)":
            f"{stats_s:.2f} / {visit_s:.2f} / {health_s:.2f}",
        "outage: through nginx": f"{lb_status} in {lb_s:.2f} s",
        "late replica alive during outage": f"{not exited} (waiting logged: {waiting_logged})",
        "late replica ready after PG start (s)": f"{late_s:.2f}" if late_ready else "never",
        "old replicas answering after PG start (s)": ", ".join(f"{s:.2f}" for s in old_ready_s),
    })


def healthy_json(url):
    status, body, _ = http("GET", f"{url}/healthz", timeout=2)
    return status == 200 and isinstance(body, dict) and body.get("database") == "postgres"


# ---------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=18350,
                        help="nginx's port; the replicas take the next three, the late one +4")
    parser.add_argument("--visits", type=int, default=2000)
    parser.add_argument("--feedback", type=int, default=200)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--rate", type=float, default=220.0,
                        help="requests started per second at most (the load lasts ~10 s)")
    parser.add_argument("--kills", type=int, default=3, choices=[2, 3])
    parser.add_argument("--first-kill", type=float, default=1.0,
                        help="seconds into the load of the first kill")
    parser.add_argument("--kill-every", type=float, default=3.0,
                        help="seconds between kills (more than nginx's fail_timeout of 2 s)")
    parser.add_argument("--down", type=float, default=0.7,
                        help="seconds a killed replica stays down before its restart")
    parser.add_argument("--late-wait", type=float, default=4.0,
                        help="seconds the replica started during the outage must stay up")
    parser.add_argument("--keep", action="store_true", help="keep the logs' folder")
    args = parser.parse_args()
    args.late_port = args.port + 4

    if not os.environ.get("PORTAL_TEST_DATABASE_URL"):
        os.execv(WITH_POSTGRES, [WITH_POSTGRES, sys.executable, os.path.abspath(__file__),
                                 *sys.argv[1:]])

    began = time.monotonic()
    failures = Failures()
    figures = {}
    cluster = Cluster(lb_port=args.port, replica_ports=[args.port + i for i in (1, 2, 3)],
                      extra_args=["--visits-per-minute", "100000",
                                  "--feedback-per-10-minutes", "100000"],
                      trust_client_forwarded=True, expose_upstream=True)
    try:
        with cluster:
            print(f"cluster: nginx {cluster.lb_url}, replicas "
                  f"{', '.join(f'{r.port} (pid {r.pid})' for r in cluster.replicas)}; "
                  f"logs in {cluster.workdir}", flush=True)
            print("part 1: SIGKILLs under load", flush=True)
            load_with_kills(cluster, args, failures, figures)
            print("part 2: PostgreSQL stopped and started", flush=True)
            outage(cluster, args, failures, figures)
            panics = [r.log_path for r in cluster.replicas + cluster.extra_replicas
                      if "panicked" in r.log_text()]
            failures.check(not panics, f"a replica panicked: {panics}")
    except RuntimeError as err:
        failures.check(False, str(err))

    figures["whole run (s)"] = f"{time.monotonic() - began:.1f}"
    width = max(len(k) for k in figures)
    print("\ncluster fault test")
    for key, value in figures.items():
        print(f"  {key:<{width}}  {value}")
    if failures.items:
        print(f"\nFAILED ({len(failures.items)}), logs kept in {cluster.workdir}:",
              file=sys.stderr)
        for item in failures.items:
            print(f"  - {item}", file=sys.stderr)
        return 1
    if not args.keep:
        shutil.rmtree(cluster.workdir, ignore_errors=True)
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
