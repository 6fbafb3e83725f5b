"""Test-session set-up shared by every addon's tests.

pytest-odoo starts Odoo without its HTTP thread and ``odoo.tests.common.PORT`` is
read at import time, so ``HttpCase`` would meet "Connection refused": start the
HTTP thread once per session on the test configuration's port.
"""
import socket
import time

import pytest

try:
    import odoo
except ImportError:  # the browser tests run in their own virtualenv
    odoo = None


def _wait_for_port(port, timeout=30.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("Odoo's HTTP thread did not listen on port %s" % port)


@pytest.fixture(scope="session", autouse=True)
def odoo_http_server():
    """Serve HTTP for HttpCase tests during the whole session."""
    if getattr(odoo, "tests", None) is None \
            or not odoo.tools.config.get("http_enable"):
        # the browser and load tests run without pytest-odoo: nothing to serve
        yield None
        return
    port = int(odoo.tools.config["http_port"])
    odoo.tests.common.PORT = port
    server = odoo.service.server.server
    if server is not None and not getattr(server, "httpd", None):
        server.http_spawn()
        _wait_for_port(port)
    yield port


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    """A class whose ``setUpClass`` fails never gets its ``tearDownClass``
    (and Python 3.7 has no class cleanups): its open cursor would keep the
    fixture's row locks, and every later test touching those rows would
    wait on them forever. Close it, so the failure stays one class's."""
    outcome = yield
    cls = getattr(item, "cls", None)
    cr = cls and vars(cls).get("cr")
    if outcome.excinfo is not None and cr is not None and not cr.closed:
        cr.rollback()
        cr.close()
