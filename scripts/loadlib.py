"""Odoo served in prefork mode and JSON-RPC sessions against it: shared by the
load test (tests/load) and the throughput figure of `make bench`."""
import json
import socket
import subprocess
import time
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Client:
    """One JSON-RPC session, as a browser would hold it."""

    def __init__(self, url, db, login, password="demo"):
        self.url = url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()))
        self.rpc("/web/session/authenticate",
                 {"db": db, "login": login, "password": password})

    def rpc(self, path, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1,
                           "params": params}).encode()
        request = urllib.request.Request(
            self.url + path, body, {"Content-Type": "application/json"})
        with self.opener.open(request, timeout=120) as response:
            payload = json.loads(response.read().decode())
        if "error" in payload:
            raise RuntimeError(payload["error"]["data"]["message"])
        return payload.get("result")  # Odoo leaves "result" out for None

    def call(self, model, method, *args, **kwargs):
        return self.rpc("/web/dataset/call_kw", {
            "model": model, "method": method, "args": list(args), "kwargs": kwargs})


def start_server(db, config, log_path, workers=2, cron_threads=0, log_level="warn"):
    """Odoo in prefork mode on ``db`` alone, no cron unless asked:
    (process, url, log)."""
    port, longpolling = free_port(), free_port()
    log = open(str(log_path), "w")
    proc = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "bin" / "odoo-launcher.py"),
         "-c", str(config), "-d", db, "--db-filter=^%s$" % db,
         "--http-port=%d" % port, "--longpolling-port=%d" % longpolling,
         "--workers=%d" % workers, "--max-cron-threads=%d" % cron_threads,
         "--log-level=%s" % log_level],
        stdout=log, stderr=subprocess.STDOUT)
    url = "http://127.0.0.1:%d" % port
    deadline = time.time() + 180
    while True:
        try:
            # one request at a time, waited for as long as it takes: the first
            # one loads the registry, and a second one sent while it loads
            # would load it again in another thread (an import deadlock)
            urllib.request.urlopen(url + "/web/login",
                                   timeout=max(deadline - time.time(), 1))
            return proc, url, log
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                proc.kill()
                raise RuntimeError("Odoo did not start; see %s" % log_path)
            time.sleep(0.5)


def stop_server(proc, log):
    proc.terminate()
    proc.wait(60)
    log.close()
