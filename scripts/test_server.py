"""A throw-away portal-server for the scripts that check a running one (probe.py,
check-feeds.py): the browser tests' fixture content in target/NAME, on a loopback port, serving
the app built into dist/ (or into $PORTAL_DIST)."""

import os
import socket
import subprocess
import sys
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SERVER = os.path.join(ROOT, "target", "release", "portal-server")
DIST = os.environ.get("PORTAL_DIST", os.path.join(ROOT, "dist"))


def start(name, port, *flags):
    """Starts the server with the fixture content; returns the process once it answers."""
    workdir = os.path.join(ROOT, "target", name)
    subprocess.run(["node", os.path.join(ROOT, "tests", "support", "make-fixture.mjs"), workdir], check=True)
    process = subprocess.Popen(
        [SERVER, "--db", os.path.join(workdir, "portal.db"), "--content", os.path.join(workdir, "content"),
         "--dist", DIST, "--addr", f"127.0.0.1:{port}", *flags],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    process.kill()
    sys.exit(f"{name}: the server did not start")


def stop(process):
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
