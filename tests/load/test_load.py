"""Load: Odoo in prefork mode with 2 HTTP workers, 20 JSON-RPC clients
creating and progressing service tickets (T1, T3) for a bounded time, then the
database is checked: no server error, every acknowledged ticket stored, and its SLA
fields consistent with the company's settings."""
import os
import random
import statistics
import subprocess
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import psycopg2

from scripts.loadlib import Client, start_server, stop_server

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = int(os.environ.get("AFTERSALES_LOAD_CLIENTS", "20"))
SECONDS = float(os.environ.get("AFTERSALES_LOAD_SECONDS", "60"))
USERS = ("wanglei", "liqiang", "chenxiaoming", "zhaogang", "liuyang")


def _psql(sql):
    subprocess.run(["psql", "-v", "ON_ERROR_STOP=1", "-qAtc", sql], check=True,
                   stdout=subprocess.DEVNULL,
                   env=dict(os.environ, PGOPTIONS="-c client_min_messages=warning"))


def _drop(db):
    """Drop the copy, once the stopped server's connections are gone, and its
    filestore."""
    _psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
          "WHERE datname = '%s' AND pid <> pg_backend_pid()" % db)
    _psql('DROP DATABASE IF EXISTS "%s"' % db)
    subprocess.run(["rm", "-rf", str(ROOT / ".odoo-data" / "filestore" / db)],
                   check=True)


def _clone(suffix):
    """A copy of the test database (and its filestore) for one server run."""
    template = os.environ.get("AFTERSALES_TEST_TEMPLATE", "aftersales_test_run")
    db = template + suffix
    data = ROOT / ".odoo-data" / "filestore"
    _drop(db)
    _psql('CREATE DATABASE "%s" TEMPLATE "%s"' % (db, template))
    if (data / template).is_dir():
        subprocess.run(["cp", "-a", str(data / template), str(data / db)], check=True)
    (ROOT / "artefacts").mkdir(exist_ok=True)
    return db


def _worker(url, db, login, units, stop, results):
    """Create a ticket on a unit, answer it (T3), log a remote session (T5)."""
    client = Client(url, db, login)
    rnd = random.Random(login + str(threading.get_ident()))
    while time.time() < stop:
        unit = rnd.choice(units)
        urgency = rnd.choice(("urgent", "normal", "minor"))
        started = time.time()
        try:
            ticket_id = client.call("helpdesk.ticket", "create", {
                "name": "Load test call %s" % rnd.randrange(10 ** 6),
                "description": "Alarm on start-up.",
                "partner_id": unit["partner_id"][0],
                "equipment_id": unit["id"], "urgency": urgency})
            results["latency"].append(time.time() - started)
            results["acked"].append((ticket_id, urgency))
            for method, args in (
                    ("helpdesk.ticket", ("action_first_response", [ticket_id])),
                    ("aftersales.remote.session", ("create", {
                        "ticket_id": ticket_id, "method": "phone",
                        "steps": "Restarted the controller.",
                        "duration": 0.5}))):
                started = time.time()
                client.call(method, *args)
                results["latency"].append(time.time() - started)
            results["responded"].append(ticket_id)
        except Exception as error:  # every server error is counted, none hidden
            results["errors"].append(repr(error))


def test_twenty_clients_for_a_minute():
    """20 clients × 60 s on 2 workers: zero errors, every ticket stored with
    consistent SLA clocks (T3)."""
    db = _clone("_load")
    proc, url, log = start_server(db, ROOT / ".odoo-data" / "test.conf",
                                  ROOT / "artefacts" / "load-odoo.log")
    try:
        admin = Client(url, db, "wanglei")
        units = admin.call("aftersales.equipment", "search_read",
                           [("partner_id", "!=", False)], ["partner_id"])
        assert units, "the demo company has no service files"
        results = {"latency": [], "acked": [], "responded": [], "errors": []}
        began = time.time()
        stop = began + SECONDS
        threads = [threading.Thread(target=_worker, args=(
            url, db, USERS[i % len(USERS)], units, stop, results))
            for i in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.time() - began
    finally:
        stop_server(proc, log)
    try:
        latency = sorted(results["latency"])
        print("\nload: %d clients, %.0f s: %d tickets (%.1f tickets/s), %d calls, "
              "p50 %.3f s, p95 %.3f s, %d errors"
              % (CLIENTS, elapsed, len(results["acked"]),
                 len(results["acked"]) / elapsed, len(latency),
                 statistics.median(latency) if latency else 0,
                 latency[int(len(latency) * 0.95)] if latency else 0,
                 len(results["errors"])))
        assert not results["errors"], results["errors"][:5]
        assert results["acked"], "no ticket was created"
        _check_database(db, results)
    finally:
        _drop(db)


def _timestamp(value):
    """A timestamp as a datetime (Odoo, imported by the root conftest, makes
    psycopg2 return timestamps as strings)."""
    if isinstance(value, str):
        return datetime.strptime(value[:19], "%Y-%m-%d %H:%M:%S")
    return value


def _check_database(db, results):
    """Every acknowledged ticket is stored; its deadline follows T3's settings and its
    response state follows its first response."""
    with psycopg2.connect(dbname=db) as conn, conn.cursor() as cr:
        ids = [ticket_id for ticket_id, _urgency in results["acked"]]
        cr.execute("""
            SELECT t.id, t.urgency, t.reported_date, t.response_deadline,
                   t.first_response_date, t.response_state, t.warranty_state,
                   c.aftersales_response_hours, c.aftersales_response_minutes_urgent,
                   (SELECT count(*) FROM aftersales_remote_session s
                     WHERE s.ticket_id = t.id)
              FROM helpdesk_ticket t JOIN res_company c ON c.id = t.company_id
             WHERE t.id = ANY(%s)""", (ids,))
        rows = {row[0]: row for row in cr.fetchall()}
    assert sorted(rows) == sorted(ids), "acknowledged tickets missing from the database"
    urgency = dict(results["acked"])
    responded = set(results["responded"])
    for (ticket_id, urg, reported, deadline, first, state, warranty, hours,
         urgent_minutes, sessions) in rows.values():
        reported, deadline, first = map(_timestamp, (reported, deadline, first))
        assert urg == urgency[ticket_id]
        expected = reported + timedelta(
            hours=urgent_minutes / 60.0 if urg == "urgent" else hours)
        assert abs((deadline - expected).total_seconds()) < 1, (ticket_id, deadline)
        assert warranty, "ticket %d has no frozen warranty state (W2)" % ticket_id
        if ticket_id in responded:
            assert first and sessions == 1, ticket_id
            assert state == ("met" if first <= deadline else "missed"), ticket_id
