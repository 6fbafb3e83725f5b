"""Browser tests: a real Odoo server on a copy of the test database, driven by
Playwright on Debian's Chromium (never a downloaded browser)."""
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "artefacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _psql(sql):
    subprocess.run(["psql", "-v", "ON_ERROR_STOP=1", "-qc", sql], check=True)


@pytest.fixture(scope="session")
def odoo_url():
    """Start Odoo (threaded, so longpolling works) on a clone of the test database."""
    template = os.environ.get("AFTERSALES_TEST_TEMPLATE", "aftersales_test_run")
    db = template + "_browser"
    data = ROOT / ".odoo-data"
    _psql('DROP DATABASE IF EXISTS "%s"' % db)
    _psql('CREATE DATABASE "%s" TEMPLATE "%s"' % (db, template))
    if (data / "filestore" / template).is_dir():
        subprocess.run(["rm", "-rf", str(data / "filestore" / db)], check=True)
        subprocess.run(["cp", "-a", str(data / "filestore" / template),
                        str(data / "filestore" / db)], check=True)
    port = _free_port()
    log = open(ROOT / "artefacts" / "browser-odoo.log", "w")
    proc = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "bin" / "odoo-launcher.py"),
         "-c", str(data / "test.conf"), "-d", db, "--db-filter=^%s$" % db,
         "--http-port=%d" % port, "--workers=0", "--max-cron-threads=0",
         "--log-level=warn"],
        stdout=log, stderr=subprocess.STDOUT)
    url = "http://127.0.0.1:%d" % port
    deadline = time.time() + 120
    while True:
        try:
            urllib.request.urlopen(url + "/web/login", timeout=5)
            break
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                proc.kill()
                raise RuntimeError("Odoo did not start; see artefacts/browser-odoo.log")
            time.sleep(0.5)
    yield url
    proc.terminate()
    proc.wait(30)
    log.close()
    _psql('DROP DATABASE IF EXISTS "%s"' % db)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                      headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 800})
    page = context.new_page()
    page.set_default_timeout(60000)
    yield page
    context.close()


@pytest.fixture
def shot():
    """Save a screenshot of a step as a test artefact."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)

    def _shot(page, name):
        path = ARTEFACTS / ("%s.png" % name)
        page.screenshot(path=str(path))
        return path
    return _shot


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing browser test leaves a screenshot of where it stood."""
    outcome = yield
    report = outcome.get_result()
    page = item.funcargs.get("page") if hasattr(item, "funcargs") else None
    if report.when == "call" and report.failed and page is not None:
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTEFACTS / ("FAILED-%s.png" % item.name)))
