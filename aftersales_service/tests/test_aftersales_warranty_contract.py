# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import UserError

from .common import AftersalesCase


class TestWarrantyContract(AftersalesCase):
    """W1, W6: warranty contracts, extensions sold through Sales, reminders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.extension = cls.env["product.product"].create({
            "name": "Test Warranty Extension", "type": "service",
            "list_price": 5000.0, "aftersales_extension_months": 12})

    def _contract_with_unit(self, serial, delivery="2025-04-01"):
        contract = self.env["aftersales.warranty.contract"].create({
            "partner_id": self.domestic.id, "warranty_months": 12})
        unit = self._equipment(self.furnace, serial, self.domestic,
                               delivery_date=delivery, contract_id=contract.id)
        contract.action_activate()
        return contract, unit

    def test_sequence_and_months_from_contract(self):
        """W1: a contract is numbered and its months rule its units."""
        contract, unit = self._contract_with_unit("C-1")
        self.assertNotEqual(contract.name, "/")
        contract.warranty_months = 24
        self.assertEqual(unit.warranty_months, 24)
        self.assertEqual(unit.warranty_end_date, "2027-03-31")
        self.assertEqual(contract.date_end, "2027-03-31")

    def test_extension_once_through_confirm_cancel_confirm(self):
        """W1: an extension sold extends the contract and its units once."""
        contract, unit = self._contract_with_unit("C-2")
        order = self._sale(self.domestic, [(self.extension, 1, None)])
        self.assertEqual(contract.extension_months, 12)
        self.assertEqual(unit.warranty_end_date, "2027-03-31")
        order.action_cancel()
        self.assertEqual(contract.extension_months, 0)
        order.action_draft()
        order.action_confirm()
        self.assertEqual(contract.extension_months, 12)
        self.assertEqual(unit.warranty_end_date, "2027-03-31")
        self.assertEqual(order.order_line.aftersales_extension_contract_id, contract)

    def test_extension_needs_a_contract(self):
        """W1: an extension for a customer with two active contracts asks which."""
        self._contract_with_unit("C-3")
        self._contract_with_unit("C-4")
        order = self._sale(self.domestic, [(self.extension, 1, None)], confirm=False)
        with self.assertRaises(UserError):
            order.action_confirm()

    def test_salesperson_confirms_equipment_order(self):
        """W1: a salesperson's confirmed equipment order proposes a draft contract."""
        order = self._sale(self.domestic, [(self.furnace, 1, None)], confirm=False,
                           user=self.salesman)
        order.sudo(self.salesman).action_confirm()
        self.assertEqual(order.aftersales_contract_ids.state, "draft")
        order.action_cancel()
        order.action_draft()
        order.action_confirm()
        self.assertEqual(len(order.aftersales_contract_ids), 1)

    def test_expiry_job_idempotent(self):
        """W1: the daily job expires contracts past their end, once."""
        contract, unit = self._contract_with_unit("C-5", delivery="2020-01-01")
        model = self.env["aftersales.warranty.contract"]
        self.assertIn(contract, model.cron_expire_contracts())
        self.assertEqual(contract.state, "expired")
        self.assertNotIn(contract, model.cron_expire_contracts())

    def test_renewal_reminder_once(self):
        """W6: 3 months before free maintenance ends, director and salesperson get
        one activity each; running the job twice schedules nothing more."""
        today = date.today()
        start = today + timedelta(days=40) - relativedelta(months=12) \
            + timedelta(days=1)
        unit = self._equipment(self.furnace, "W6-1", self.domestic,
                               delivery_date=fields.Date.to_string(start))
        far = self._equipment(self.furnace, "W6-2", self.domestic,
                              delivery_date=fields.Date.to_string(today))
        model = self.env["aftersales.equipment"]
        model.cron_renewal_reminders()
        model.cron_renewal_reminders()
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "aftersales.equipment"), ("res_id", "=", unit.id)])
        self.assertEqual(sorted(activities.mapped("user_id").ids),
                         sorted((self.director | self.salesman).ids))
        self.assertFalse(self.env["mail.activity"].search(
            [("res_model", "=", "aftersales.equipment"), ("res_id", "=", far.id)]))

    def test_renewal_lead_is_a_setting(self):
        """W6: with a 1-month lead, a period ending in 40 days is not reminded yet."""
        self.company.aftersales_renewal_reminder_months = 1
        today = date.today()
        start = today + timedelta(days=40) - relativedelta(months=12) \
            + timedelta(days=1)
        unit = self._equipment(self.furnace, "W6-3", self.domestic,
                               delivery_date=fields.Date.to_string(start))
        reminded = self.env["aftersales.equipment"].cron_renewal_reminders()
        self.assertNotIn(unit, reminded)
