# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tools import mute_logger

from .common import TwoTransactionsCase


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
        request.unlink()
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
