#!/usr/bin/env python3
"""Several portal-server replicas sharing one PostgreSQL database, behind nginx.

    python3 scripts/cluster.py [--port 8080] [--replica-ports 18301,18302,18303]

Without PORTAL_TEST_DATABASE_URL in the environment it runs itself again through
scripts/with-postgres.sh, beside a throw-away PostgreSQL cluster. It creates the database
`portal`, starts the replicas (`--database-url ... --behind-proxy`), starts nginx in front of
them on 127.0.0.1:PORT, waits until /healthz answers through nginx, prints the addresses and
stays in the foreground until Ctrl-C; then it stops the replicas and nginx (the database goes
with with-postgres.sh). Loopback only.

As a library, `Cluster` (a context manager) is what scripts/cluster-fault-test.py drives:
start/stop, kill(i) (SIGKILL), restart(i), spawn_replica(port), lb_url, replica_url(i),
stop_postgres()/start_postgres() and psql().
"""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SERVER = os.path.join(ROOT, "target", "release", "portal-server")
WITH_POSTGRES = os.path.join(ROOT, "scripts", "with-postgres.sh")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


# ---------------------------------------------------------------------------------------------
# Small helpers

def log(message):
    print(f"[cluster] {message}", flush=True)


def sources_newer_than(path):
    """Whether any of the server's sources changed after `path` was built."""
    if not os.path.exists(path):
        return True
    built = os.path.getmtime(path)
    roots = [os.path.join(ROOT, "server"), os.path.join(ROOT, "contract")]
    files = [os.path.join(ROOT, "Cargo.lock"), os.path.join(ROOT, "Cargo.toml")]
    for root in roots:
        for folder, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if d not in ("target", "proptest-regressions")]
            files.extend(os.path.join(folder, name) for name in names)
    return any(os.path.exists(f) and os.path.getmtime(f) > built for f in files)


def ensure_server_built():
    if sources_newer_than(SERVER):
        log("building the server: cargo build --release -p portal-server")
        subprocess.run(["cargo", "build", "--release", "-p", "portal-server"], cwd=ROOT,
                       check=True)


def http(method, url, body=None, headers=None, timeout=10.0):
    """(status, parsed JSON body or raw text, seconds). status is None on a connection error
    (then the body is the error's text)."""
    data = None
    all_headers = dict(headers or {})
    if body is not None:
        data = json.dumps(body).encode()
        all_headers.setdefault("content-type", "application/json")
    request = urllib.request.Request(url, data=data, method=method, headers=all_headers)
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as err:
        status, raw = err.code, err.read()
    except (urllib.error.URLError, ConnectionError, OSError) as err:
        return None, f"{type(err).__name__}: {err}", time.monotonic() - started
    elapsed = time.monotonic() - started
    text = raw.decode("utf-8", "replace")
    try:
        return status, json.loads(text), elapsed
    except ValueError:
        return status, text, elapsed


def wait_until(check, timeout, interval=0.05):
    """Polls `check()` until it returns something true; that value, or None at the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() >= deadline:
            return None
        time.sleep(interval)


def healthy(url, timeout=2.0):
    status, body, _ = http("GET", f"{url}/healthz", timeout=timeout)
    return status == 200 and isinstance(body, dict) and body.get("status") == "ok"


# ---------------------------------------------------------------------------------------------
# One replica

class Replica:
    def __init__(self, port, database_url, log_path, args):
        self.port = port
        self.database_url = database_url
        self.log_path = log_path
        self.args = list(args)
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self):
        return self.process.pid if self.process else None

    def spawn(self):
        """Starts the process without waiting for it to serve."""
        with open(self.log_path, "ab") as out:
            out.write(f"\n==== start {time.strftime('%H:%M:%S')} ====\n".encode())
            out.flush()
            self.process = subprocess.Popen(
                [SERVER, "--database-url", self.database_url, "--addr", f"127.0.0.1:{self.port}",
                 *self.args],
                cwd=ROOT, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
        return self

    def running(self):
        return self.process is not None and self.process.poll() is None

    def wait_healthy(self, timeout=30.0):
        def ready():
            if not self.running():
                raise RuntimeError(f"replica on port {self.port} exited with "
                                   f"{self.process.returncode}; log: {self.log_path}")
            return healthy(self.url, timeout=1.0)
        if not wait_until(ready, timeout):
            raise RuntimeError(f"replica on port {self.port} not healthy after {timeout:.0f} s; "
                               f"log: {self.log_path}")

    def kill(self):
        if self.running():
            self.process.send_signal(signal.SIGKILL)
        if self.process:
            self.process.wait()

    def stop(self, timeout=10.0):
        if not self.running():
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def log_text(self):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                return f.read()
        except OSError:
            return ""


# ---------------------------------------------------------------------------------------------
# The cluster

NGINX_CONF = """\
worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}/client_body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
{realip}
    upstream portal {{
{servers}
    }}

    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://portal;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_connect_timeout 1s;
            proxy_send_timeout 15s;
            proxy_read_timeout 15s;
            # The next replica gets a request this one could not take. A request with a
            # non-idempotent method (POST) already sent is never passed on (nginx's default,
            # kept: no `non_idempotent`), so a feedback or a visit cannot be stored twice.
            proxy_next_upstream error timeout http_502 http_503;
            proxy_next_upstream_tries 3;
            proxy_next_upstream_timeout 5s;
            # No replica could answer: the API's JSON error rather than nginx's HTML page.
            error_page 502 504 = @unavailable;
{upstream_header}        }}
        location @unavailable {{
            default_type application/json;
            add_header Retry-After 2 always;
            add_header Cache-Control no-store always;
            return 503 '{{"error":{{"code":"unavailable","message":"No replica could answer; try again shortly."}}}}';
        }}
    }}
}}
"""


class Cluster:
    """Replicas of portal-server on one PostgreSQL database, nginx in front.

    `base_url` is a libpq key-value string without a database name (with-postgres.sh's
    PORTAL_TEST_DATABASE_URL); `dbname` is appended. `trust_client_forwarded` makes nginx
    take a loopback client's own X-Forwarded-For as its address (the realip module), so a
    load test can speak for many clients; never for a proxy facing real clients.
    `expose_upstream` adds X-Upstream (the replica that answered) to every answer, for tests.
    """

    def __init__(self, base_url=None, dbname="portal", lb_port=8080,
                 replica_ports=(18301, 18302, 18303), dist="dist", content="content",
                 extra_args=(), trust_client_forwarded=False, expose_upstream=False, pg_bin=None,
                 pg_socket_dir=None, pg_data_dir=None, workdir=None):
        self.base_url = base_url or os.environ.get("PORTAL_TEST_DATABASE_URL")
        if not self.base_url:
            raise RuntimeError("no PostgreSQL: run through scripts/with-postgres.sh")
        self.dbname = dbname
        self.database_url = f"{self.base_url} dbname={dbname}"
        self.lb_port = lb_port
        self.replica_ports = list(replica_ports)
        self.dist = dist
        self.content = content
        self.extra_args = list(extra_args)
        self.trust_client_forwarded = trust_client_forwarded
        self.expose_upstream = expose_upstream
        self.pg_bin = pg_bin or os.environ.get("PG_BIN")
        self.pg_socket_dir = pg_socket_dir or os.environ.get("PG_SOCKET_DIR")
        self.pg_data_dir = pg_data_dir or os.environ.get("PG_DATA_DIR")
        self.workdir = workdir or tempfile.mkdtemp(prefix="portal-cluster-")
        self.replicas = []
        self.extra_replicas = []
        self.nginx = None

    # -- addresses -------------------------------------------------------------------------

    @property
    def lb_url(self):
        return f"http://127.0.0.1:{self.lb_port}"

    def replica_url(self, i):
        return self.replicas[i].url

    def replica_args(self):
        return ["--behind-proxy", "--dist", self.dist, "--content", self.content,
                *self.extra_args]

    # -- PostgreSQL ------------------------------------------------------------------------

    def _as_owner(self, command):
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *command]
        return command

    def psql(self, sql, dbname=None, check=True):
        """Runs `sql` with psql; its unaligned, tuples-only output."""
        url = f"{self.base_url} dbname={dbname or self.dbname}"
        result = subprocess.run(
            [os.path.join(self.pg_bin, "psql"), url, "-X", "-At", "-v", "ON_ERROR_STOP=1",
             "-c", sql], capture_output=True, text=True)
        if check and result.returncode != 0:
            raise RuntimeError(f"psql failed ({result.returncode}): {result.stderr.strip()}")
        return result.stdout

    def create_database(self):
        exists = self.psql(f"SELECT 1 FROM pg_database WHERE datname = '{self.dbname}'",
                           dbname="postgres").strip()
        if not exists:
            self.psql(f'CREATE DATABASE "{self.dbname}"', dbname="postgres")

    def stop_postgres(self):
        subprocess.run(self._as_owner(
            [os.path.join(self.pg_bin, "pg_ctl"), "-D", self.pg_data_dir, "-m", "fast", "-w",
             "stop"]), check=True, stdout=subprocess.DEVNULL)

    def start_postgres(self):
        # The options with-postgres.sh starts it with (pg_ctl start does not remember them).
        options = (f"-k {self.pg_socket_dir} -c listen_addresses='' -c fsync=off "
                   f"-c full_page_writes=off -c max_connections=300")
        subprocess.run(self._as_owner(
            [os.path.join(self.pg_bin, "pg_ctl"), "-D", self.pg_data_dir,
             "-l", os.path.join(self.pg_socket_dir, "server.log"), "-w", "-o", options,
             "start"]), check=True, stdout=subprocess.DEVNULL)

    # -- replicas --------------------------------------------------------------------------

    def _new_replica(self, port):
        return Replica(port, self.database_url,
                       os.path.join(self.workdir, f"replica-{port}.log"), self.replica_args())

    def kill(self, i):
        """SIGKILL replica i (no goodbye: in-flight requests are cut)."""
        self.replicas[i].kill()

    def restart(self, i, wait=True, timeout=30.0):
        replica = self.replicas[i]
        replica.kill()
        replica.spawn()
        if wait:
            replica.wait_healthy(timeout)

    def spawn_replica(self, port):
        """A replica beyond the upstream's (not behind nginx); started, not waited for."""
        self._check_ports_free([port])
        replica = self._new_replica(port).spawn()
        self.extra_replicas.append(replica)
        return replica

    # -- nginx -----------------------------------------------------------------------------

    def _write_nginx_conf(self):
        folder = os.path.join(self.workdir, "nginx")
        os.makedirs(folder, exist_ok=True)
        # As root, nginx's workers run as nobody: they must reach their temporary folders.
        os.chmod(self.workdir, 0o755)
        os.chmod(folder, 0o755)
        servers = "\n".join(
            f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=2s;"
            for port in self.replica_ports)
        realip = ("    set_real_ip_from 127.0.0.1;\n    real_ip_header X-Forwarded-For;\n"
                  if self.trust_client_forwarded else "")
        upstream_header = ("            add_header X-Upstream $upstream_addr always;\n"
                           if self.expose_upstream else "")
        conf = os.path.join(folder, "nginx.conf")
        with open(conf, "w") as f:
            f.write(NGINX_CONF.format(dir=folder, port=self.lb_port, servers=servers,
                                      realip=realip, upstream_header=upstream_header))
        return folder, conf

    def _start_nginx(self):
        folder, conf = self._write_nginx_conf()
        test = subprocess.run([NGINX, "-t", "-q", "-c", conf, "-p", folder, "-e",
                               os.path.join(folder, "error.log")],
                              capture_output=True, text=True)
        if test.returncode != 0:
            raise RuntimeError(f"nginx refuses its configuration: {test.stderr.strip()}")
        self.nginx_log = os.path.join(folder, "stderr.log")
        with open(self.nginx_log, "ab") as out:
            self.nginx = subprocess.Popen(
                [NGINX, "-c", conf, "-p", folder, "-e", os.path.join(folder, "error.log")],
                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)

    # -- whole -----------------------------------------------------------------------------

    def _check_ports_free(self, ports=None):
        for port in ports or [self.lb_port, *self.replica_ports]:
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                try:
                    probe.bind(("127.0.0.1", port))
                except OSError as err:
                    raise RuntimeError(f"port {port} on 127.0.0.1 is taken ({err.strerror}): "
                                       "a cluster left running? choose others with --port")

    def start(self, timeout=60.0):
        self._check_ports_free()
        ensure_server_built()
        self.create_database()
        self.replicas = [self._new_replica(port) for port in self.replica_ports]
        for replica in self.replicas:
            replica.spawn()
        for replica in self.replicas:
            replica.wait_healthy(timeout)
        self._start_nginx()

        def through_nginx():
            if self.nginx.poll() is not None:
                raise RuntimeError(f"nginx exited with {self.nginx.returncode}; see "
                                   f"{os.path.join(self.workdir, 'nginx', 'error.log')}")
            return healthy(self.lb_url, timeout=1.0)
        if not wait_until(through_nginx, timeout):
            raise RuntimeError(f"/healthz through nginx not 200 after {timeout:.0f} s")
        return self

    def stop(self):
        for replica in self.replicas + self.extra_replicas:
            if replica.running():
                replica.process.send_signal(signal.SIGTERM)
        for replica in self.replicas + self.extra_replicas:
            replica.stop()
        if self.nginx and self.nginx.poll() is None:
            self.nginx.send_signal(signal.SIGQUIT)  # graceful: finish what is in flight
            try:
                self.nginx.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.nginx.kill()
                self.nginx.wait()

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc):
        self.stop()
        return False


# ---------------------------------------------------------------------------------------------
# `make cluster`

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8080, help="nginx's port on 127.0.0.1")
    parser.add_argument("--replica-ports", default="18301,18302,18303",
                        help="the replicas' ports, comma-separated")
    parser.add_argument("--dist", default="dist")
    parser.add_argument("--content", default="content")
    parser.add_argument("--dbname", default="portal")
    args, extra = parser.parse_known_args()

    if not os.environ.get("PORTAL_TEST_DATABASE_URL"):
        # Beside a throw-away PostgreSQL, which goes when this ends.
        os.execv(WITH_POSTGRES, [WITH_POSTGRES, sys.executable, os.path.abspath(__file__),
                                 *sys.argv[1:]])

    stopping = []

    def on_term(signum, frame):
        stopping.append(signum)
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, on_term)

    ports = [int(p) for p in args.replica_ports.split(",") if p.strip()]
    cluster = Cluster(dbname=args.dbname, lb_port=args.port, replica_ports=ports,
                      dist=args.dist, content=args.content, extra_args=extra)
    try:
        cluster.start()
        print(f"Portal (nginx, {len(ports)} replicas, PostgreSQL): {cluster.lb_url}")
        for replica in cluster.replicas:
            print(f"  replica {replica.url}  pid {replica.pid}  log {replica.log_path}")
        print(f"  nginx pid {cluster.nginx.pid}  folder {os.path.join(cluster.workdir, 'nginx')}")
        print(f"  database: {cluster.database_url}")
        print("Ctrl-C stops it.", flush=True)
        reported = set()
        while True:
            time.sleep(1)
            for replica in cluster.replicas:
                if not replica.running() and replica.port not in reported:
                    reported.add(replica.port)
                    log(f"replica on port {replica.port} exited with "
                        f"{replica.process.returncode}; log: {replica.log_path}")
            if cluster.nginx.poll() is not None:
                log(f"nginx exited with {cluster.nginx.returncode}")
                return 1
    except KeyboardInterrupt:
        print()
        log("stopping")
        return 0
    except RuntimeError as err:
        log(f"error: {err}")
        return 1
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        cluster.stop()
        shutil.rmtree(cluster.workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
