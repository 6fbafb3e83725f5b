# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger


class TestReturnOutcomeConcurrency(TransactionCase):
    """T13: two simultaneous clicks on "Apply Outcome" make one document."""

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {})

    def test_exchange_once_under_concurrent_clicks(self):
        """T13: the second transaction is refused while the first holds the
        request; after the first commits, a retry opens the same order."""
        with self.registry.cursor() as cr:
            env = self._env(cr)
            product = env["product.product"].create(
                {"name": "Test Race Crucible", "type": "consu"})
            request = env["aftersales.return"].create({
                "partner_id": env.ref("base.res_partner_2").id,
                "product_id": product.id, "reason": "Cracked",
                "outcome": "exchange", "cause_type": "transport",
                "root_cause": "Packing", "department_id": env[
                    "hr.department"].create({"name": "Test Race Logistics"}).id})
            request.with_context(aftersales_return_derived=True).write(
                {"state": "inspected"})
            request_id, product_id = request.id, product.id
            department_id = request.department_id.id
            cr.commit()  # pylint: disable=invalid-commit
        cr_a, cr_b = self.registry.cursor(), self.registry.cursor()
        try:
            first = self._env(cr_a)["aftersales.return"].browse(
                request_id).action_apply_outcome()
            with self.assertRaises(UserError), mute_logger("odoo.sql_db"):
                self._env(cr_b)["aftersales.return"].browse(
                    request_id).action_apply_outcome()
            cr_b.rollback()
            cr_a.commit()
            second = self._env(cr_b)["aftersales.return"].browse(
                request_id).action_apply_outcome()
            self.assertEqual(second["res_id"], first["res_id"])
            cr_b.execute("SELECT count(*) FROM sale_order WHERE origin = "
                         "(SELECT name FROM aftersales_return WHERE id = %s)",
                         (request_id,))
            self.assertEqual(cr_b.fetchone()[0], 1)
        finally:
            cr_a.rollback()
            cr_b.rollback()
            cr_a.close()
            cr_b.close()
            with self.registry.cursor() as cr:
                env = self._env(cr)
                request = env["aftersales.return"].browse(request_id)
                orders = request.replacement_order_id
                pickings = orders.mapped("picking_ids")
                request.unlink()
                orders.action_cancel()
                orders.unlink()
                pickings.unlink()
                env["product.product"].browse(product_id).unlink()
                env["hr.department"].browse(department_id).unlink()
                cr.commit()  # pylint: disable=invalid-commit
