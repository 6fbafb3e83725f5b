# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import errorcodes, extensions

from odoo.tools import mute_logger

from .common import TwoTransactionsCase, register_quality_forms


class TestLastPartRace(TwoTransactionsCase):
    """T19: two dispatches reserve the last part at the same moment: one
    gets it, the other one shows it missing."""

    @staticmethod
    def _build(env):
        service = env.ref("aftersales_service.stock_location_service")
        product = env["product.product"].create(
            {"name": "Test Race Bearing", "type": "product"})
        env["stock.quant"]._update_available_quantity(product, service, 1.0)
        # a unit in warranty: the jobs are free, so they may be dispatched
        unit = env["aftersales.equipment"].search(
            [("lot_id.name", "=", "HRW4-02302")])
        leader = env.ref("aftersales_service.user_service_wang")
        dispatches = env["aftersales.dispatch"]
        for name in ("A", "B"):
            ticket = env["helpdesk.ticket"].create({
                "name": "Race %s" % name, "description": "Bearing",
                "equipment_id": unit.id, "partner_id": unit.partner_id.id})
            register_quality_forms(env, ticket)  # Q1 (rev. 2): Quality first
            dispatches |= dispatches.create({
                "ticket_id": ticket.id, "leader_id": leader.id,
                "appointment": "2027-03-04 02:00:00"})
        return {"product": product.id, "dispatches": dispatches.ids}

    @staticmethod
    def _remove(env, ids):
        dispatches = env["aftersales.dispatch"].browse(ids["dispatches"])
        tickets = dispatches.mapped("ticket_id")
        pickings = dispatches.mapped("parts_picking_id")
        pickings.action_cancel()
        pickings.unlink()
        if "aftersales.quality.feedback" in env:
            env["aftersales.quality.feedback"].search(
                [("ticket_id", "in", tickets.ids)])._guard_door().unlink()
        env["mail.activity"].search([("res_model", "=", "aftersales.dispatch"),
                                     ("res_id", "in", dispatches.ids)]).unlink()
        dispatches._guard_door().unlink()
        tickets._guard_door().unlink()
        env["stock.quant"].search(
            [("product_id", "=", ids["product"])]).sudo().unlink()
        env["product.product"].browse(ids["product"]).unlink()

    @staticmethod
    def _reserve(env, dispatch_id, product_id):
        dispatch = env["aftersales.dispatch"].browse(dispatch_id)
        dispatch.write({"part_line_ids": [(0, 0, {"product_id": product_id,
                                                  "quantity": 1.0})]})
        dispatch.action_reserve_parts()
        return dispatch

    def test_last_part_goes_to_one_dispatch(self):
        """T19: B read the stock before A took the last part; B's reservation
        fails with a serialization error (Odoo retries the request), and
        the retry sees the part gone: parts missing."""
        ids = self.committed(self._build, self._remove)
        first, second = ids["dispatches"]
        env_a, env_b = self.transaction(), self.transaction()
        env_b.cr.execute("SELECT count(*) FROM stock_quant")  # B's snapshot
        won = self._reserve(env_a, first, ids["product"])
        self.assertEqual(won.parts_state, "ready")
        env_a.cr.commit()
        with self.assertRaises(extensions.TransactionRollbackError) as caught, \
                mute_logger("odoo.sql_db"):
            self._reserve(env_b, second, ids["product"])
        self.assertEqual(caught.exception.pgcode,
                         errorcodes.SERIALIZATION_FAILURE)
        env_b.cr.rollback()
        env_b.clear()
        lost = self._reserve(env_b, second, ids["product"])
        self.assertEqual(lost.parts_state, "missing")
