# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xlrd

from odoo import fields
from odoo.exceptions import AccessError, UserError

from ..tools import FactError
from .test_service_stock import ServiceStockCase

EN = {"lang": "en_US"}


class SupplierCreditCase(ServiceStockCase):
    """A purchased bearing fitted by the engineer, the broken one received
    back by the storekeeper, the credit followed up by the buyer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.storekeeper = cls._user("t_storekeeper", "stock.group_stock_user")
        cls.buyer = cls._user("t_buyer", "purchase.group_purchase_user")
        cls.part.seller_ids.price = 75.0  # the vendor's price: the credit

    def _returned(self, removed="OLD-9"):
        """Fitted, signed, and the broken part received back."""
        dispatch = self._dispatch()
        self._fitted_and_signed(dispatch, removed=removed)
        self._deliver(dispatch.parts_return_picking_id.sudo(self.storekeeper))
        return dispatch.part_line_ids


class TestReturnToSupplier(SupplierCreditCase):
    """Q4: a purchased defective part goes back to its vendor; Purchasing
    follows the credit up until it is received or refused."""

    def test_purchased_part_goes_back_with_credit_expected(self):
        """Q4: received back, the purchased part is returned to its main
        vendor and the credit expected at the vendor's price; every
        purchase user has the follow-up."""
        line = self._returned()
        self.assertEqual(line.returned_to, "supplier")
        credit = line.supplier_credit_id
        self.assertEqual(credit.supplier_id, self.vendor)
        self.assertEqual(credit.ticket_id, self.ticket)
        self.assertEqual(credit.lot_name, "OLD-9")
        self.assertEqual(credit.amount_expected, 75.0)
        self.assertEqual(credit.state, "expected")
        picking = credit.return_picking_id
        self.assertEqual(picking.location_id, self.env.ref(
            "aftersales_service.stock_location_returned_parts"))
        self.assertEqual(picking.location_dest_id.usage, "supplier")
        self.assertEqual(picking.partner_id, self.vendor)
        self.assertEqual(picking.state, "assigned")
        todos = credit.activity_ids.filtered(
            lambda a: a.aftersales_decision == "supplier_credit")
        self.assertIn(self.buyer, todos.mapped("user_id"))
        # the storekeeper ships it; the credit stays Purchasing's
        self._deliver(picking.sudo(self.storekeeper))
        self.assertEqual(picking.state, "done")
        self.assertEqual(credit.state, "expected")

    def test_credit_received_closes_follow_up(self):
        """Q4: the buyer records the amount and the day: the credit is
        received and the follow-up ends, for every buyer."""
        credit = self._returned().supplier_credit_id.sudo(self.buyer)
        today = fields.Date.context_today(credit)
        with self.assertRaises(UserError):
            credit.action_received()  # no amount yet
        credit.write({"amount_received": 70.0, "received_date": today})
        self.assertIs(credit.action_received(), True)
        self.assertEqual(credit.state, "received")
        self.assertEqual(credit.received_by_id, self.buyer)
        self.assertFalse(credit.activity_ids.filtered(
            lambda a: a.aftersales_decision == "supplier_credit"))
        with self.assertRaises(UserError):
            credit.action_refuse()  # settled
        with self.assertRaises(FactError):
            credit.write({"amount_received": 1.0})  # final

    def test_demo_buyer_follows_credit_to_received(self):
        """Q4: the demo company's buyer Chen Jing (chenjing, Purchasing
        only) has the follow-up, finds the credit under Purchasing, opens
        its form and records the credit received, which ends his to-do."""
        buyer = self.env.ref("aftersales_service.user_purchase_buyer")
        self.assertEqual(buyer.login, "chenjing")
        credit = self._returned(removed="OLD-DEMO").supplier_credit_id
        todo = credit.activity_ids.filtered(
            lambda a: a.aftersales_decision == "supplier_credit"
            and a.user_id == buyer)
        self.assertTrue(todo, "the buyer is told to follow the credit up")
        menu = self.env.ref(
            "aftersales_service.aftersales_supplier_credit_purchase_menu")
        self.assertIn(menu.id, self.env["ir.ui.menu"].sudo(buyer)
                      ._visible_menu_ids())
        action = self.env.ref("aftersales_service.aftersales_supplier_credit_action")
        credits = self.env[action.res_model].sudo(buyer).with_context(
            search_default_expected=1)
        self.assertIn(credit, credits.search([("state", "=", "expected")]))
        form = credits.fields_view_get(view_type="form")
        mine = credit.sudo(buyer)
        values = mine.read(list(form["fields"]))[0]
        self.assertEqual(values["supplier_id"][0], self.vendor.id)
        self.assertEqual(values["amount_expected"], 75.0)
        mine.write({"amount_received": 75.0,
                    "received_date": fields.Date.context_today(mine)})
        self.assertIs(mine.action_received(), True)
        self.assertEqual(credit.state, "received")
        self.assertEqual(credit.received_by_id, buyer)
        self.assertFalse(todo.exists())

    def test_credit_refused_with_reason(self):
        """Q4: a refusal needs the supplier's answer."""
        credit = self._returned().supplier_credit_id.sudo(self.buyer)
        with self.assertRaises(UserError):
            credit.with_context(**EN).action_refuse()
        credit.write({"refused_reason": "Damaged by misuse, not a defect"})
        credit.action_refuse()
        self.assertEqual(credit.state, "refused")
        self.assertFalse(credit.activity_ids)

    def test_state_only_through_actions(self):
        """Q4, F2: nobody writes the outcome or the part directly, and an
        engineer cannot see the credits."""
        credit = self._returned().supplier_credit_id
        with self.assertRaises(FactError):
            credit.sudo(self.buyer).write({"state": "received"})
        with self.assertRaises(FactError):
            credit.sudo(self.buyer).write({"supplier_id": self.domestic.id})
        with self.assertRaises(AccessError):
            credit.sudo(self.staff).read(["state"])
        with self.assertRaises(AccessError):
            credit.sudo(self.storekeeper).write({"amount_received": 1.0})

    def test_routed_once(self):
        """Q4: a second validation pass routes nothing again."""
        line = self._returned()
        line._aftersales_route_returned()
        self.assertEqual(self.env["aftersales.supplier.credit"].search_count(
            [("part_line_id", "=", line.id)]), 1)

    def test_own_make_goes_to_quality(self):
        """Q1, Q4: a part of our own make goes to Quality, not back to a
        vendor."""
        self.part.aftersales_own_make = True
        line = self._returned()
        self.assertEqual(line.returned_to, "quality")
        self.assertFalse(line.supplier_credit_id)


class TestPartsRegister(SupplierCreditCase):
    """R1, T19, T24: the parts register lists parts issued in the period
    and every part still outstanding."""

    def test_register_rows(self):
        """R1: one row per fitted part, with its removed part's status and
        where it went; an outstanding part from before is listed too."""
        returned = self._returned(removed="OLD-1")
        self.env["stock.quant"]._update_available_quantity(
            self.part, self.service, 1.0)
        outstanding = self._dispatch()
        self._fitted_and_signed(outstanding, removed="OLD-2")
        outstanding.part_line_ids.fitted_move_id.date = "2020-01-01 02:00:00"
        today = fields.Date.context_today(returned)
        wizard = self.env["aftersales.register.wizard"].sudo(
            self.supervisor).create({"register": "parts", "date_from": today,
                                     "date_to": today})
        action = wizard.action_print()
        report = self.env.ref(
            "aftersales_service.action_register_parts_xlsx").sudo(
                self.supervisor).with_context(**EN)
        content, kind = report.render(None, action["data"])
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        headers = sheet.row_values(0)
        rows = [dict(zip(headers, sheet.row_values(row)))
                for row in range(1, sheet.nrows)]
        removed = {row["Removed Serial / Lot"]: row for row in rows}
        self.assertLessEqual({"OLD-1", "OLD-2"}, set(removed))
        start, stop = self.env[
            "report.aftersales_service.register_parts_xlsx"]._utc_bounds(
                today, today)
        lines = self.env["aftersales.dispatch.part"].search(
            [("fitted_move_id", "!=", False)]).filtered(
                lambda line: line.return_state == "expected"
                or start <= line.issued_on < stop)
        self.assertEqual(len(rows), len(lines))
        self.assertEqual(removed["OLD-1"]["Removed Part"], "Returned")
        self.assertEqual(removed["OLD-1"]["Sent To"], "Supplier")
        self.assertEqual(removed["OLD-2"]["Removed Part"], "Expected Back")
        self.assertEqual(removed["OLD-2"]["Returned On"], "")
        self.assertEqual(removed["OLD-1"]["Quantity"], 1.0)
