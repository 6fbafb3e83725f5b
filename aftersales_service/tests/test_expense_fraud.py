# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T16, P8 (rev. 2): a doubtful receipt is not reimbursed until a service
supervisor clears it; cash handed over and fees not collected on site are
invoiced (to-dos to accounting)."""
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import company_today
from .test_hr_expense import DispatchExpenseCase


class TestExpenseFraud(DispatchExpenseCase):
    """Wang Lei (engineer) claims; Liu Yang (supervisor) clears."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wanglei = cls.env.ref("aftersales_service.user_service_wang")
        cls.liuyang = cls.env.ref("aftersales_service.user_service_supervisor")
        cls.employee.user_id = cls.wanglei
        cls.own_employee = cls.env["hr.employee"].search(
            [("user_id", "=", cls.liuyang.id)], limit=1) or \
            cls.env["hr.employee"].create({"name": "Liu Yang",
                                           "user_id": cls.liuyang.id})

    def _sheet(self, expense):
        return self.env["hr.expense.sheet"].create({
            "name": "June trip", "employee_id": expense.employee_id.id,
            "expense_line_ids": [(6, 0, expense.ids)]})

    def test_flagged_receipt_cleared_by_supervisor(self):
        """T16, P8 (rev. 2): not approved while doubtful; the supervisor
        clears it (who, when, why), never the engineer; then reimbursed."""
        expense = self._expense("2025-06-10", 300.0)
        self.assertTrue(expense.aftersales_blocked)
        sheet = self._sheet(expense)
        with self.assertRaises(UserError):
            sheet.approve_expense_sheets()
        with self.assertRaises(AccessError):
            expense.sudo(self.wanglei).action_aftersales_clear("Mine is fine")
        with self.assertRaises(ValidationError):
            expense.sudo().write({"aftersales_cleared": True})
        wizard = self.env["aftersales.expense.clear"].sudo(self.liuyang) \
            .with_context(active_ids=expense.ids).create(
                {"reason": "Stayed at the customer's second site"})
        wizard.action_apply()
        self.assertEqual((expense.aftersales_cleared_by_id,
                          expense.aftersales_clear_reason),
                         (self.liuyang, "Stayed at the customer's second site"))
        self.assertTrue(expense.aftersales_cleared_on)
        self.assertFalse(expense.aftersales_blocked)
        sheet.approve_expense_sheets()
        self.assertEqual(sheet.state, "approve")

    def test_own_receipt_and_changed_receipt(self):
        """T16, P8: a supervisor does not clear their own receipt; a cleared
        receipt whose date changes is doubtful again."""
        own = self._expense("2025-06-10", 80.0)
        own.employee_id = self.own_employee
        with self.assertRaises(AccessError):
            own.sudo(self.liuyang).action_aftersales_clear("Mine")
        expense = self._expense("2025-06-10", 300.0)
        expense.sudo(self.liuyang).action_aftersales_clear("Checked")
        expense.date = "2025-06-11"
        self.assertTrue(expense.aftersales_blocked)
        self.assertFalse(expense.aftersales_cleared_by_id)


class TestInvoicedAfterwards(DispatchExpenseCase):
    """T16 (rev. 2): what the technician brings or does not bring in is
    invoiced by accounting."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance = cls._user("t_fraud_finance", "base.group_user",
                                "account.group_account_invoice")

    def _todos(self, record, decision):
        return self.env["mail.activity"].search([
            ("res_model", "=", record._name), ("res_id", "=", record.id),
            ("aftersales_decision", "=", decision)])

    def test_cash_handed_over_invoiced(self):
        """T16 (rev. 2): cash handed to finance gives accounting a to-do with
        the amount."""
        collection = self.env["aftersales.collection"].sudo(self.staff).create({
            "ticket_id": self.ticket.id, "amount": 350.0, "method": "cash"})
        collection.sudo(self.finance).action_hand_over()
        todos = self._todos(collection, "collection_invoice")
        self.assertIn(self.finance, todos.mapped("user_id"))
        self.assertIn("350", todos[0].summary)
        self.assertEqual(todos[0].date_deadline, company_today(collection))

    def test_fee_not_collected_invoiced_today(self):
        """T16 (rev. 2): a chargeable job closed without its fee collected
        gives accounting a to-do dated today (company's day); once."""
        ticket = self.env["helpdesk.ticket"].sudo(self.staff).create({
            "name": "Worn belt", "description": "Belt slips",
            "equipment_id": self.unit.id, "customer_caused": True})
        fee = self.env["product.product"].create({
            "name": "Test Belt Job", "type": "service",
            "invoice_policy": "order", "list_price": 800.0})
        order = self._sale(self.domestic, [(fee, 1, 800.0)])
        order.aftersales_ticket_id = ticket
        ticket.quotation_id = order
        self.env["aftersales.collection"].sudo(self.staff).create({
            "ticket_id": ticket.id, "amount": 300.0, "method": "cash"})
        self._close_ticket(ticket, self.supervisor)
        todos = self._todos(ticket, "invoice_today")
        self.assertTrue(todos)
        self.assertIn("500", todos[0].summary)
        self.assertEqual(todos[0].date_deadline, company_today(ticket))
        ticket._aftersales_invoice_uncollected()
        self.assertEqual(self._todos(ticket, "invoice_today"), todos)
