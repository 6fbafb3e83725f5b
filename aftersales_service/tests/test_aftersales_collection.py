# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from ..tools import company_today
from .common import AftersalesCase


class TestCollection(AftersalesCase):
    """T16: money collected on site, handed over to finance, and who sees it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff2 = cls._user("t_staff2", "aftersales_service.group_aftersales_user")
        cls.finance = cls._user("t_finance", "base.group_user",
                                "account.group_account_invoice")
        cls.hr_officer = cls._user("t_hr_officer", "hr.group_hr_user")
        cls.unit = cls._equipment(cls.furnace, "CL-1", cls.domestic,
                                  delivery_date="2025-01-10")
        cls.ticket = cls.env["helpdesk.ticket"].sudo(cls.staff).create({
            "name": "Worn belt", "description": "Belt slips",
            "equipment_id": cls.unit.id, "customer_caused": True})
        # F1: the collection's day is the company's
        cls.today = company_today(cls.env["aftersales.collection"])
        cls.yesterday = fields.Date.to_string(
            fields.Date.from_string(cls.today) - timedelta(days=1))

    def _collect(self, user=None, **vals):
        values = {"ticket_id": self.ticket.id, "amount": 300.0, "method": "wechat"}
        values.update(vals)
        return self.env["aftersales.collection"].sudo(user or self.staff).create(
            values)

    def test_numbered_and_collected_by_me(self):
        """T16: a collection gets a receipt number and its collector."""
        collection = self._collect()
        self.assertTrue(collection.name.startswith("SK"))
        self.assertEqual(collection.user_id, self.staff)
        self.assertEqual(collection.state, "collected")

    def test_amount_positive(self):
        """T16: an amount of zero or less is refused."""
        with self.assertRaises(ValidationError):
            self._collect(amount=0.0)

    def test_refused_receipt_named_without_number(self):
        """T16, issue 21 item 7: a receipt refused before it has its number is
        named as the new payment of its ticket, never "/"."""
        with self.assertRaises(ValidationError) as refusal:
            self.env["aftersales.collection"].sudo(self.staff).with_context(
                lang="en_US").create({"ticket_id": self.ticket.id,
                                      "amount": 0.0, "method": "cash"})
        message = refusal.exception.name
        self.assertTrue(message.startswith(
            "New On-site Payment of ticket %s: " % self.ticket.number), message)
        self.assertNotIn("/", message)

    def test_receipt_number_unique(self):
        """T16: a receipt number is used once per company."""
        self._collect(name="R-0001")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), \
                self.env.cr.savepoint():
            self._collect(name="R-0001")

    def test_staff_cannot_confirm_handover(self):
        """T16: only finance confirms a handover, by button or by write."""
        collection = self._collect()
        with self.assertRaises(AccessError):
            collection.sudo(self.staff).action_hand_over()
        with self.assertRaises(UserError):
            collection.sudo(self.supervisor).write({"state": "handed_over"})
        self.assertEqual(collection.state, "collected")

    def test_finance_confirms_handover(self):
        """T16: finance confirms; the collector cannot change it afterwards."""
        collection = self._collect()
        collection.sudo(self.finance).action_hand_over()
        self.assertEqual(collection.state, "handed_over")
        self.assertEqual(collection.handed_over_by_id, self.finance)
        with self.assertRaises(UserError):
            collection.sudo(self.staff).write({"amount": 100.0})
        with self.assertRaises(UserError):
            collection.sudo(self.finance).write({"amount": 100.0})

    def test_late_flagged_once(self):
        """T16: money not handed over by the end of its day is flagged once,
        with a to-do for finance and the supervisor."""
        late = self._collect(date=self.yesterday)
        # the cron's today, not the collector's (a day ahead in Shanghai's morning)
        today = self._collect(date=self.today)
        model = self.env["aftersales.collection"]
        self.assertIn(late, model.cron_flag_not_handed_over())
        self.assertTrue(late.is_late)
        self.assertFalse(today.is_late)
        told = late.activity_ids.mapped("user_id")
        self.assertIn(self.finance, told)
        self.assertIn(self.supervisor, told)
        count = len(late.activity_ids)
        self.assertFalse(model.cron_flag_not_handed_over())
        self.assertEqual(len(late.activity_ids), count)

    def test_handed_over_not_flagged(self):
        """T16: money handed over the same day is not flagged."""
        collection = self._collect(date=self.today)
        collection.sudo(self.finance).action_hand_over()
        self.env["aftersales.collection"].cron_flag_not_handed_over()
        self.assertFalse(collection.is_late)

    def test_staff_sees_own_collections(self):
        """T16: service staff see only what they collected."""
        mine = self._collect()
        other = self._collect(user=self.staff2)
        visible = self.env["aftersales.collection"].sudo(self.staff).search(
            [("id", "in", (mine | other).ids)])
        self.assertEqual(visible, mine)
        with self.assertRaises(AccessError):
            other.sudo(self.staff).read(["amount"])

    def test_supervisor_finance_hr_see_all(self):
        """T16: supervisors, finance and HR see every collection."""
        collections = self._collect() | self._collect(user=self.staff2)
        for user in (self.supervisor, self.finance, self.hr_officer):
            visible = self.env["aftersales.collection"].sudo(user).search(
                [("id", "in", collections.ids)])
            self.assertEqual(visible, collections, user.login)

    def test_ticket_total_and_warning(self):
        """T16: the ticket totals its collections, whoever looks, and warns
        when more was collected than invoiced."""
        self._collect(amount=300.0)
        self._collect(user=self.staff2, amount=200.0)
        ticket = self.ticket.sudo(self.staff)
        self.assertEqual(ticket.aftersales_collection_count, 2)
        self.assertAlmostEqual(ticket.aftersales_collected_total, 500.0)
        self.assertEqual(ticket.aftersales_invoiced_amount, 0.0)
        self.assertTrue(ticket.aftersales_over_collected)

    def test_dispatch_of_other_ticket_refused(self):
        """T16: the dispatch named on a collection belongs to its ticket."""
        other = self.env["helpdesk.ticket"].sudo(self.staff).create({
            "name": "Other", "description": "Other", "equipment_id": self.unit.id,
            "reported_date": "2025-06-02 08:00:00"})
        dispatch = self.env["aftersales.dispatch"].create({
            "ticket_id": other.id, "leader_id": self.staff.id,
            "appointment": "2026-03-02 02:00:00"})
        with self.assertRaises(ValidationError):
            self._collect(dispatch_id=dispatch.id)

    def test_refused_receipts_leave_no_gap(self):
        """T16, issue 21 item 7: receipts are money documents numbered by a
        no-gap sequence; entries the engineer gets refused (an amount below
        zero, a dispatch of another ticket) consume no number."""
        sequence = self.env.ref("aftersales_service.seq_aftersales_collection")
        self.assertEqual(sequence.implementation, "no_gap")
        other = self.env["helpdesk.ticket"].sudo(self.staff).create({
            "name": "Other", "description": "Other", "equipment_id": self.unit.id,
            "reported_date": "2025-06-02 08:00:00"})
        dispatch = self.env["aftersales.dispatch"].create({
            "ticket_id": other.id, "leader_id": self.staff.id,
            "appointment": "2026-03-02 02:00:00"})
        first = self._collect()
        for refused in ({"amount": -50.0}, {"amount": 0.0},
                        {"dispatch_id": dispatch.id}):
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                self._collect(**refused)
        following = self._collect()
        prefix, number = first.name.rsplit("-", 1)
        self.assertEqual(following.name, "%s-%0*d" % (
            prefix, len(number), int(number) + 1))

    def test_views_load(self):
        """T16: staff and finance open the payments' list, form and search."""
        for user in (self.staff, self.finance):
            collections = self.env["aftersales.collection"].sudo(user)
            for view_type in ("tree", "form", "search"):
                self.assertTrue(
                    collections.fields_view_get(view_type=view_type)["arch"])

    def test_receipt_renders(self):
        """T16: the printed receipt shows its number and amount."""
        collection = self._collect(name="R-0042", amount=350.0)
        html = self.env.ref(
            "aftersales_service.action_report_collection_receipt").sudo(
                self.staff).render_qweb_pdf(collection.ids)[0]
        self.assertIn(b"R-0042", html)
        self.assertIn(b"350", html)

    def test_reconciled_with_invoice(self):
        """T16: the ticket shows the quotation's invoiced and paid amounts next
        to what was collected; no warning while collected <= invoiced."""
        fee = self.env["product.product"].create({
            "name": "Test Belt Job", "type": "service", "invoice_policy": "order",
            "list_price": 1000.0})
        order = self._sale(self.domestic, [(fee, 1, 1000.0)])
        order.aftersales_ticket_id = self.ticket
        self.ticket.quotation_id = order
        invoice = self.env["account.invoice"].browse(order.action_invoice_create())
        invoice.action_invoice_open()
        bank = self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", self.company.id)], limit=1)
        invoice.pay_and_reconcile(bank, 400.0)
        self._collect(amount=400.0)
        ticket = self.ticket.sudo(self.staff)
        self.assertAlmostEqual(ticket.aftersales_invoiced_amount, 1000.0)
        self.assertAlmostEqual(ticket.aftersales_paid_amount, 400.0)
        self.assertAlmostEqual(ticket.aftersales_collected_total, 400.0)
        self.assertFalse(ticket.aftersales_over_collected)
        self._collect(amount=700.0)
        ticket.invalidate_cache()
        self.assertTrue(ticket.aftersales_over_collected)


class TestExpenseAccess(AftersalesCase):
    """T16: who sees the expenses claimed against dispatches."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff2 = cls._user("t_staff2", "aftersales_service.group_aftersales_user")
        cls.finance = cls._user("t_finance", "base.group_user",
                                "account.group_account_invoice")
        unit = cls._equipment(cls.furnace, "EA-1", cls.domestic,
                              delivery_date="2025-01-10")
        ticket = cls.env["helpdesk.ticket"].create({
            "name": "Heater", "description": "No heat", "equipment_id": unit.id,
            "reported_date": "2025-06-02 08:00:00"})
        cls.dispatch = cls.env["aftersales.dispatch"].create({
            "ticket_id": ticket.id, "leader_id": cls.staff.id,
            "appointment": "2025-06-03 02:00:00"})
        hotel = cls.env["product.product"].create({
            "name": "Test Hotel", "type": "service", "can_be_expensed": True})
        cls.expenses = cls.env["hr.expense"]
        for user in (cls.staff, cls.staff2):
            employee = cls.env["hr.employee"].create(
                {"name": user.name, "user_id": user.id})
            cls.expenses |= cls.env["hr.expense"].create({
                "name": "Hotel", "employee_id": employee.id,
                "product_id": hotel.id, "unit_amount": 300.0, "quantity": 1,
                "date": "2025-06-03", "aftersales_dispatch_id": cls.dispatch.id})

    def _visible(self, user):
        return self.env["hr.expense"].sudo(user).search(
            [("id", "in", self.expenses.ids)])

    def test_staff_sees_own_expenses(self):
        """T16: service staff see only their own expenses."""
        self.assertEqual(self._visible(self.staff), self.expenses[0])

    def test_supervisor_reads_dispatch_expenses(self):
        """T16: supervisors read every dispatch expense, but do not edit
        another's."""
        self.assertEqual(self._visible(self.supervisor), self.expenses)
        with self.assertRaises(AccessError):
            self.expenses[0].sudo(self.supervisor).write({"unit_amount": 1.0})

    def test_finance_sees_all_expenses(self):
        """T16: finance sees every expense."""
        self.assertEqual(self._visible(self.finance), self.expenses)
