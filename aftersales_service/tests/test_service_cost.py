# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields

from .common import recorded
from .test_paid_service import PaidCase
from .test_supplier_credit import SupplierCreditCase


class CostCase(SupplierCreditCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee = cls.env["hr.employee"].create(
            {"name": "Cost Engineer", "user_id": cls.staff.id})
        cls.hotel = cls.env["product.product"].create({
            "name": "Test Hotel Night", "type": "service",
            "can_be_expensed": True, "standard_price": 0.0})

    def _expense(self, dispatch, amount):
        return self.env["hr.expense"].create({
            "name": "Hotel", "employee_id": self.employee.id,
            "product_id": self.hotel.id, "unit_amount": amount,
            "quantity": 1, "aftersales_dispatch_id": dispatch.id,
            "date": fields.Date.context_today(dispatch)})


class TestTicketCost(CostCase):
    """S5: each ticket's cost, and the warranty cost analysis."""

    def test_warranty_job_cost(self):
        """S5: the bearing at its cost when it left stock (80), a hotel
        night (120), and the vendor's credit received (70) against it."""
        line = self._returned()
        dispatch = line.dispatch_id
        self._expense(dispatch, 120.0)
        refused = self._expense(dispatch, 50.0)
        self.env["hr.expense.sheet"].create({
            "name": "Refused trip", "employee_id": self.employee.id,
            "expense_line_ids": [(6, 0, refused.ids)]}).refuse_sheet(
                "Not a service cost")
        self.assertEqual(refused.state, "refused")
        self.part.standard_price = 95.0  # later: the move keeps its cost
        credit = line.supplier_credit_id.sudo(self.buyer)
        credit.write({"amount_received": 70.0, "received_date":
                      fields.Date.context_today(credit)})
        credit.action_received()
        ticket = self.ticket.sudo(self.supervisor)
        self.assertEqual(ticket.charge_type, "free")
        self.assertAlmostEqual(ticket.aftersales_parts_cost, 80.0)
        self.assertAlmostEqual(ticket.aftersales_expense_cost, 120.0)
        self.assertAlmostEqual(ticket.aftersales_cost, 200.0)
        self.assertAlmostEqual(ticket.aftersales_credit_amount, 70.0)
        self.assertEqual(ticket.aftersales_margin, 0.0)  # not chargeable

    def test_analysis_totals(self):
        """S5, Q4: the analysis sums the job by product line and by
        supplier: the bearing's cost and its credit under its vendor, the
        expense under none; the month is the move's."""
        line = self._returned()
        self._expense(line.dispatch_id, 120.0)
        credit = line.supplier_credit_id.sudo(self.buyer)
        credit.write({"amount_received": 70.0, "received_date":
                      fields.Date.context_today(credit)})
        credit.action_received()
        analysis = self.env["aftersales.service.cost"].sudo(self.supervisor)
        domain = [("ticket_id", "=", self.ticket.id),
                  ("charge_type", "=", "free")]
        by_line = analysis.read_group(
            domain, ["product_categ_id", "cost_amount", "credit_amount",
                     "net_amount"], ["product_categ_id"])
        self.assertEqual(len(by_line), 1)
        self.assertEqual(by_line[0]["product_categ_id"][0], self.categ.id)
        self.assertAlmostEqual(by_line[0]["cost_amount"], 200.0)
        self.assertAlmostEqual(by_line[0]["credit_amount"], 70.0)
        self.assertAlmostEqual(by_line[0]["net_amount"], 130.0)
        by_supplier = {
            row["supplier_id"] and row["supplier_id"][0]: row
            for row in analysis.read_group(
                domain, ["supplier_id", "cost_amount", "credit_amount"],
                ["supplier_id"])}
        self.assertAlmostEqual(by_supplier[self.vendor.id]["cost_amount"], 80.0)
        self.assertAlmostEqual(by_supplier[self.vendor.id]["credit_amount"],
                               70.0)
        self.assertAlmostEqual(by_supplier[False]["cost_amount"], 120.0)
        months = analysis.read_group(domain, ["date", "cost_amount"],
                                     ["date:month"])
        self.assertEqual(len(months), 1)

    def test_costs_of_many_tickets_in_one_query(self):
        """S5: a list of tickets reads its costs in one grouped query, not
        one per ticket."""
        self._returned()
        tickets = self.env["helpdesk.ticket"].sudo(self.supervisor)

        def queries(records):
            records.invalidate_cache()
            before = self.cr.sql_log_count
            records.mapped("aftersales_cost")
            return self.cr.sql_log_count - before

        one = queries(tickets.browse(self.ticket.ids))
        many = tickets.search([], limit=30) | tickets.browse(self.ticket.ids)
        self.assertGreater(len(many), 3)
        self.assertLessEqual(queries(many), one + 2)


class TestChargeableMargin(PaidCase):
    """S5: a chargeable job's margin against its confirmed quotation."""

    def test_margin_against_quotation(self):
        """S5: revenue before tax of the confirmed quotation, less the
        job's expenses."""
        ticket = self._paid_ticket()
        order = self._quote(ticket)
        order.sudo(self.salesman).action_confirm()
        self.assertEqual(ticket.charge_type, "chargeable")
        dispatch = recorded(self.env["aftersales.dispatch"], {
            "ticket_id": ticket.id, "leader_id": self.staff.id,
            "appointment": "2030-03-04 02:00:00"})
        employee = self.env["hr.employee"].create(
            {"name": "Margin Engineer", "user_id": self.staff.id})
        hotel = self.env["product.product"].create({
            "name": "Test Hotel Night", "type": "service",
            "can_be_expensed": True})
        self.env["hr.expense"].create({
            "name": "Hotel", "employee_id": employee.id,
            "product_id": hotel.id, "unit_amount": 300.0, "quantity": 1,
            "aftersales_dispatch_id": dispatch.id,
            "date": fields.Date.context_today(dispatch)})
        ticket = ticket.sudo(self.supervisor)
        ticket.invalidate_cache()
        self.assertGreater(order.amount_untaxed, 0.0)
        self.assertAlmostEqual(ticket.aftersales_revenue, order.amount_untaxed)
        self.assertAlmostEqual(ticket.aftersales_cost, 300.0)
        self.assertAlmostEqual(ticket.aftersales_margin,
                               order.amount_untaxed - 300.0)
