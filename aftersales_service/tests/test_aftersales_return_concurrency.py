# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import threading

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tools import mute_logger

from ..models.aftersales_return import RETURN_CLOSED_STATES
from ..tools import FactError
from .common import LOCK_TIMEOUT, TwoTransactionsCase

TIMEOUT = 60


class TestReturnOutcomeConcurrency(TwoTransactionsCase):
    """T13: two simultaneous clicks on "Apply Outcome" make one document."""

    @staticmethod
    def _inspected_request(env):
        product = env["product.product"].create(
            {"name": "Test Race Crucible", "type": "consu"})
        request = env["aftersales.return"].create({
            "partner_id": env.ref("base.res_partner_2").id,
            "product_id": product.id, "reason": "Cracked",
            "outcome": "exchange", "cause_type": "transport",
            "root_cause": "Packing", "department_id": env[
                "hr.department"].create({"name": "Test Race Logistics"}).id})
        request._guard_write({"state": "inspected"})
        return request.id

    @staticmethod
    def _remove(env, request_id):
        request = env["aftersales.return"].browse(request_id)
        product, department = request.product_id, request.department_id
        orders = request.replacement_order_id
        pickings = orders.mapped("picking_ids")
        request._guard_door().unlink()  # the test's own clean-up
        orders.action_cancel()
        orders.unlink()
        pickings.unlink()
        product.unlink()
        department.unlink()

    def test_exchange_once_under_concurrent_clicks(self):
        """T13: the second transaction is refused while the first holds the
        request; after the first commits, a retry opens the same order."""
        request_id = self.committed(self._inspected_request, self._remove)
        env_a, env_b = self.transaction(), self.transaction()
        first = env_a["aftersales.return"].browse(request_id).action_apply_outcome()
        with self.assertRaises(UserError), mute_logger("odoo.sql_db"):
            env_b["aftersales.return"].browse(request_id).action_apply_outcome()
        env_b.cr.rollback()
        env_a.cr.commit()
        second = env_b["aftersales.return"].browse(request_id).action_apply_outcome()
        self.assertEqual(second["res_id"], first["res_id"])
        env_b.cr.execute("SELECT count(*) FROM sale_order WHERE origin = "
                         "(SELECT name FROM aftersales_return WHERE id = %s)",
                         (request_id,))
        self.assertEqual(env_b.cr.fetchone()[0], 1)


class TestOneOpenReturnPerSerialRace(TwoTransactionsCase):
    """F4, T13: two transactions open a return for one serial at the same
    moment. Each reads a snapshot without the other's uncommitted request, so
    only the database's index can refuse the second one: with the clear
    message, and one open return is left."""

    SERIAL = "TEST-RACE-F4-1"

    @classmethod
    def _unit(cls, env):
        """A furnace of the customer's installed base (C1), committed."""
        product = env["product.product"].create({
            "name": "Test Race Furnace", "type": "product", "tracking": "serial",
            "aftersales_equipment": True})
        partner = env["res.partner"].create(
            {"name": "Test Race Lab", "is_company": True, "customer": True})
        lot = env["stock.production.lot"].create(
            {"name": cls.SERIAL, "product_id": product.id})
        return env["aftersales.equipment"].create({
            "product_id": product.id, "partner_id": partner.id,
            "lot_id": lot.id}).id

    @staticmethod
    def _remove_unit(env, unit_id):
        unit = env["aftersales.equipment"].browse(unit_id)
        product, partner, lot = unit.product_id, unit.partner_id, unit.lot_id
        env["aftersales.return"].search([("lot_id", "=", lot.id)]).unlink()
        unit.unlink()
        lot.unlink()
        product.unlink()
        partner.unlink()

    def _racer(self):
        return self.transaction(context={"lang": "en_US", "tracking_disable": True})

    @staticmethod
    def _open_return(env, unit_id):
        return env["aftersales.return"].create(
            {"equipment_id": unit_id, "reason": "Heater fails"})

    def _open_returns(self, unit_id):
        def count(env):
            lot = env["aftersales.equipment"].browse(unit_id).lot_id
            return env["aftersales.return"].search_count([
                ("lot_id", "=", lot.id),
                ("state", "not in", RETURN_CLOSED_STATES)])
        return self.in_transaction(count)

    def _assert_clear_refusal(self, message):
        self.assertIn("serial %s already has an open return" % self.SERIAL,
                      message)
        self.assertNotIn("duplicate key", message)

    def test_second_request_waits_then_refused(self):
        """F4, T13: the second transaction's request waits for the first one,
        then is refused with the message, not a database error."""
        unit_id = self.committed(self._unit, self._remove_unit)
        first = self._racer()
        self._open_return(first, unit_id)
        outcome = {}

        def second():
            with api.Environment.manage(), self.registry.cursor() as cr:
                cr.execute("SET LOCAL lock_timeout = %s", (LOCK_TIMEOUT,))
                outcome["pid"] = cr._cnx.get_backend_pid()
                env = api.Environment(cr, SUPERUSER_ID, {
                    "lang": "en_US", "tracking_disable": True})
                try:
                    self._open_return(env, unit_id)
                    cr.commit()  # pylint: disable=invalid-commit
                    outcome["result"] = "created"
                except Exception as error:  # pylint: disable=broad-except
                    cr.rollback()
                    outcome["result"] = error

        racer = threading.Thread(target=second, daemon=True)
        with mute_logger("odoo.sql_db"):
            racer.start()
            self._wait_until_blocked(racer, outcome)
            first.cr.commit()  # pylint: disable=invalid-commit
            racer.join(TIMEOUT)
        self.assertFalse(racer.is_alive(), "the second transaction hangs")
        self.assertIsInstance(outcome["result"], FactError, outcome["result"])
        self._assert_clear_refusal(outcome["result"].name)
        self.assertEqual(self._open_returns(unit_id), 1)

    def _wait_until_blocked(self, racer, outcome):
        """Until the racer's transaction waits for a lock (the first one's
        request in the index), so that the first commits while it waits."""
        def waiting(env):
            env.cr.execute("SELECT count(*) FROM pg_locks WHERE pid = %s "
                           "AND NOT granted", (outcome.get("pid"),))
            return env.cr.fetchone()[0]
        for _attempt in range(400):
            if "pid" in outcome and self.in_transaction(waiting):
                return
            racer.join(0.05)
            self.assertTrue(racer.is_alive(), outcome.get("result"))
        self.fail("the second transaction never waited for the first one")

    def test_second_request_after_commit_refused(self):
        """F4, T13: a request committed after the second transaction began is
        invisible to its check, and still refused with the message."""
        unit_id = self.committed(self._unit, self._remove_unit)
        first, second = self._racer(), self._racer()
        # the second transaction reads its snapshot before the first commits
        self.assertTrue(second["aftersales.equipment"].browse(unit_id).lot_id)
        self._open_return(first, unit_id)
        first.cr.commit()  # pylint: disable=invalid-commit
        with self.assertRaises(FactError) as refusal, mute_logger("odoo.sql_db"):
            self._open_return(second, unit_id)
        self._assert_clear_refusal(refusal.exception.name)
        self.assertEqual(self._open_returns(unit_id), 1)
