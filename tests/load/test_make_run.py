"""`make run` keeps the demo database in step with the code: a database built from
older sources is upgraded once, and a database already up to date is served as is."""
import os
import subprocess

import psycopg2

from test_load import ROOT, _clone, _drop

MENU = ("SELECT m.id FROM ir_ui_menu m JOIN ir_model_data d ON d.res_id = m.id "
        "AND d.model = 'ir.ui.menu' WHERE d.module = 'aftersales_service' "
        "AND d.name = 'menu_aftersales_root'")


def _psql_value(db, sql):
    with psycopg2.connect(dbname=db) as conn, conn.cursor() as cr:
        cr.execute(sql)
        return cr.fetchone()[0] if cr.description else None


def _prepare(db):
    env = dict(os.environ, AFTERSALES_DB=db)
    done = subprocess.run(["bash", str(ROOT / "scripts" / "run.sh"), "--prepare"],
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, timeout=900)
    assert done.returncode == 0, done.stdout
    return done.stdout


def test_run_upgrades_a_stale_demo_database_once():
    """A demo database built before a change gets the change on the next `make run`."""
    db = _clone("_make_run")
    try:
        # a database built from other sources: a menu as an older version named it
        _psql_value(db, "UPDATE ir_ui_menu SET name = 'Stale' WHERE id = (%s)" % MENU)
        output = _prepare(db)
        assert "upgrading it" in output, output
        assert _psql_value(db, "SELECT name FROM ir_ui_menu WHERE id = (%s)" % MENU) \
            != "Stale"
        key = _psql_value(db, "SELECT value FROM ir_config_parameter "
                              "WHERE key = 'aftersales.source_key'")
        assert key and len(key) == 40
        # up to date now: the next start serves it without upgrading again
        output = _prepare(db)
        assert "upgrading it" not in output, output
        assert "creating database" not in output, output
    finally:
        _drop(db)
