"""Browser tests: a real Odoo server on a copy of the test database, driven by
Playwright on Debian's Chromium (never a downloaded browser)."""
import os
import subprocess
from pathlib import Path

import pytest

from scripts.loadlib import start_server, stop_server

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "artefacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


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
    # threaded (no workers), so that longpolling works
    proc, url, log = start_server(db, data / "test.conf",
                                  ROOT / "artefacts" / "browser-odoo.log", workers=0,
                                  log_level="info")
    yield url
    stop_server(proc, log)
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
