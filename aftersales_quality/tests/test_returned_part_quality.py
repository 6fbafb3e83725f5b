# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.aftersales_service.tests.test_service_stock import (
    ServiceStockCase,
)


class TestReturnedPartToQuality(ServiceStockCase):
    """Q1, Q4: a removed part of our own make, back in "Returned Parts",
    goes to Quality on its ticket's feedback form."""

    def test_own_make_part_on_the_feedback_form(self):
        """Q1: the storekeeper receives the broken part of our own make: it
        is linked to the ticket's registered form and each Quality user gets
        a to-do to analyse it; no supplier credit."""
        inspector = self._user("t_returned_inspector",
                               "aftersales_quality.group_quality_user")
        storekeeper = self._user("t_returned_store", "stock.group_stock_user")
        self.part.aftersales_own_make = True
        dispatch = self._dispatch()
        self._fitted_and_signed(dispatch, removed="OWN-1")
        self._deliver(dispatch.parts_return_picking_id.sudo(storekeeper))
        line = dispatch.part_line_ids
        self.assertEqual(line.returned_to, "quality")
        self.assertFalse(line.supplier_credit_id)
        form = line.quality_feedback_id
        self.assertEqual(form.ticket_id, self.ticket)
        self.assertEqual(form.auto_ticket_id, self.ticket)
        self.assertEqual(form.part_id, self.part)
        self.assertIn(line, form.sudo(inspector).returned_part_ids)
        todos = form.activity_ids.filtered(
            lambda a: a.aftersales_decision == "returned_part")
        self.assertIn(inspector, todos.mapped("user_id"))
        self.assertIn("OWN-1", todos[0].summary)
