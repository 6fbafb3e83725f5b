# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import zipfile
from datetime import datetime

import xlrd

from odoo.exceptions import ValidationError

from .test_paid_service import OUT_OF_WARRANTY, PaidCase

# June 2025 in Shanghai (UTC+8), in UTC
JUNE_START, JULY_START = "2025-05-31 16:00:00", "2025-06-30 16:00:00"


class RegisterCase(PaidCase):
    """Tickets in and around June 2025, a dispatch with its parts, a paid
    chargeable job with its invoice and expenses; the supervisor works in
    Shanghai time."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor.tz = "Asia/Shanghai"
        cls.staff.tz = "Asia/Shanghai"
        new = cls.env["helpdesk.ticket"].sudo(cls.staff).create
        base = {"name": "Spindle noise", "equipment_id": cls.unit.id,
                "problem_type_id": cls.fault.id,
                "description": "<p>Noise at <b>40,000</b> rpm</p>"}
        cls.june_first = new(dict(base, reported_date="2025-05-31 17:00:00",
                                  urgency="urgent"))
        cls.june_last = new(dict(base, reported_date="2025-06-30 15:59:00"))
        cls.july = new(dict(base, reported_date="2025-06-30 16:00:00"))
        cls.may = new(dict(base, reported_date="2025-05-31 15:00:00"))
        # an on-site job in June with two spare parts, one fitted
        cls.env["aftersales.remote.session"].sudo(cls.staff).create({
            "ticket_id": cls.june_first.id, "method": "video",
            "steps": "Checked on video", "result": "not_solved"})
        cls.june_first.sudo(cls.staff).write({"onsite_reason": "Bearing worn"})
        cls.june_first.sudo(cls.staff).action_request_onsite()
        cls.dispatch = cls.june_first.sudo(cls.supervisor)._approve_onsite(
            leader=cls.staff, appointment="2025-06-02 01:00:00")
        cls.dispatch.sudo()._guard_write({
            "arrival_time": "2025-06-02 02:30:00",
            "departure_time": "2025-06-02 09:00:00", "tools": "Torque wrench",
            "part_line_ids": [
                (0, 0, {"product_id": cls.spindle.id, "quantity": 1, "used": True}),
                (0, 0, {"product_id": cls.visit.id, "quantity": 2})]})

    def _render(self, xmlid, user, ids=None, data=None, lang="en_US"):
        report = self.env.ref(xmlid).sudo(user).with_context(lang=lang)
        content, kind = report.render(ids, data or {})
        self.assertEqual(kind, "xlsx")
        return content

    @staticmethod
    def _sheet(content):
        book = xlrd.open_workbook(file_contents=content)
        return book, book.sheet_by_index(0)

    @staticmethod
    def _column(sheet, col, last=None):
        return [sheet.cell(row, col).value
                for row in range(1, last or sheet.nrows)]

    def _wizard(self, register, date_from, date_to, user=None):
        wizard = self.env["aftersales.register.wizard"].sudo(
            user or self.supervisor).create({
                "register": register, "date_from": date_from, "date_to": date_to})
        return wizard.action_print()


class TestCallsRegister(RegisterCase):
    """R1, T1: the register of incoming calls and letters."""

    def test_wizard_rows_equal_domain(self):
        """R1: the month's register lists exactly the tickets reported in that
        month of the user's time zone."""
        action = self._wizard("calls", "2025-06-01", "2025-06-30")
        self.assertEqual(action["report_name"],
                         "aftersales_service.register_calls_xlsx")
        content = self._render("aftersales_service.action_register_calls_xlsx",
                               self.supervisor, data=action["data"])
        _book, sheet = self._sheet(content)
        expected = self.env["helpdesk.ticket"].sudo(self.supervisor).search([
            ("reported_date", ">=", JUNE_START), ("reported_date", "<", JULY_START)])
        self.assertEqual(sorted(self._column(sheet, 0)),
                         sorted(expected.mapped("number")))
        self.assertIn(self.june_first.number, self._column(sheet, 0))
        self.assertIn(self.june_last.number, self._column(sheet, 0))
        self.assertNotIn(self.july.number, self._column(sheet, 0))
        self.assertNotIn(self.may.number, self._column(sheet, 0))

    def test_selection_rows_and_cells(self):
        """R1: from a list selection, one row per selected ticket; the date is a
        real date in local time, the description plain text."""
        content = self._render("aftersales_service.action_register_calls_xlsx",
                               self.supervisor, ids=(self.june_first | self.july).ids)
        book, sheet = self._sheet(content)
        self.assertEqual(sheet.nrows, 3)
        row = self._column(sheet, 0).index(self.june_first.number) + 1
        self.assertEqual(sheet.cell(row, 1).ctype, xlrd.XL_CELL_DATE)
        self.assertEqual(
            xlrd.xldate.xldate_as_datetime(sheet.cell(row, 1).value, book.datemode),
            datetime(2025, 6, 1, 1, 0))
        headers = sheet.row_values(0)
        labels = self.june_first.fields_get(["description", "urgency"])
        description = sheet.cell(row, headers.index(
            labels["description"]["string"])).value
        self.assertEqual(description, "Noise at 40,000 rpm")
        self.assertEqual(sheet.cell(row, headers.index(
            labels["urgency"]["string"])).value,
            dict(labels["urgency"]["selection"])["urgent"])

    def test_headers_in_users_language(self):
        """R1, R3: a Chinese user gets the column headers in Chinese."""
        content = self._render("aftersales_service.action_register_calls_xlsx",
                               self.supervisor, ids=self.june_first.ids,
                               lang="zh_CN")
        _book, sheet = self._sheet(content)
        fnames = ["number", "reported_date", "urgency"]
        chinese = self.june_first.with_context(lang="zh_CN").fields_get(fnames)
        english = self.june_first.with_context(lang="en_US").fields_get(fnames)
        headers = sheet.row_values(0)
        self.assertEqual(headers[7], chinese["urgency"]["string"])
        self.assertNotEqual(headers[7], english["urgency"]["string"])
        self.assertEqual(headers[1], chinese["reported_date"]["string"])

    def test_sheet_is_frozen_filtered_streamed(self):
        """R1: frozen header row, autofilter over the rows, streamed writing."""
        content = self._render("aftersales_service.action_register_calls_xlsx",
                               self.supervisor, ids=(self.june_first | self.july).ids)
        xml = zipfile.ZipFile(io.BytesIO(content)).read(
            "xl/worksheets/sheet1.xml").decode()
        self.assertIn('ySplit="1"', xml)
        self.assertIn('state="frozen"', xml)
        self.assertIn('<autoFilter ref="A1:N3"/>', xml)
        self.assertTrue(self.env["report.aftersales_service.register_calls_xlsx"]
                        .get_workbook_options()["constant_memory"])

    def test_wizard_refuses_reversed_period(self):
        """R1: a period that ends before it starts is refused."""
        with self.assertRaises(ValidationError):
            self._wizard("calls", "2025-06-30", "2025-06-01")


class TestDispatchRegister(RegisterCase):
    """R1, T5, T6: the register of dispatch records."""

    def test_rows_equal_domain(self):
        """R1: the month's dispatches, with engineers, times and parts."""
        action = self._wizard("dispatch", "2025-06-01", "2025-06-30")
        content = self._render("aftersales_service.action_register_dispatch_xlsx",
                               self.supervisor, data=action["data"])
        book, sheet = self._sheet(content)
        expected = self.env["aftersales.dispatch"].sudo(self.supervisor).search([
            ("appointment", ">=", JUNE_START), ("appointment", "<", JULY_START)])
        self.assertEqual(sorted(self._column(sheet, 0)),
                         sorted(expected.mapped("name")))
        row = self._column(sheet, 0).index(self.dispatch.name) + 1
        values = sheet.row_values(row)
        self.assertEqual(values[3], self.staff.name)
        self.assertIn(self.staff.name, values[4])
        self.assertEqual(
            xlrd.xldate.xldate_as_datetime(values[6], book.datemode),
            datetime(2025, 6, 2, 10, 30))
        self.assertEqual(values[8], "Torque wrench")
        self.assertIn("Test Spindle Motor x 1 (replaced)", values[9])
        self.assertIn("Test Visit Fee x 2", values[9])


class TestFeesRegister(RegisterCase):
    """R1, S4, T16: fees and expenses per ticket."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.paid = cls.env["helpdesk.ticket"].sudo(cls.staff).create({
            "name": "Spindle broken", "description": "Spindle broken",
            "equipment_id": cls.unit.id,
            "problem_type_id": cls.fault.id, "reported_date": OUT_OF_WARRANTY})
        cls.env["aftersales.ticket.part"].sudo(cls.staff).create({
            "ticket_id": cls.paid.id, "product_id": cls.spindle.id, "quantity": 1})
        cls.paid.sudo(cls.staff).action_create_quotation()
        cls.order = cls.paid.quotation_id.sudo()
        cls.order.action_confirm()
        cls.second_order = cls.order.copy(  # a second quote, not confirmed
            {"aftersales_ticket_id": cls.paid.id})
        employee = cls.env["hr.employee"].create(
            {"name": "Staff Employee", "user_id": cls.staff.id})
        hotel = cls.env["product.product"].create({
            "name": "Test Hotel", "type": "service", "can_be_expensed": True})
        for amount in (300.0, 120.5):
            cls.env["hr.expense"].create({
                "name": "Hotel", "employee_id": employee.id,
                "product_id": hotel.id, "unit_amount": amount, "quantity": 1,
                "date": "2025-06-02", "aftersales_dispatch_id": cls.dispatch.id})

    def test_amounts_equal_orders_and_expenses(self):
        """R1, S4, T16: quoted = the ticket's orders, expenses = its claims."""
        content = self._render("aftersales_service.action_register_fees_xlsx",
                               self.supervisor, ids=(self.paid | self.june_first).ids)
        _book, sheet = self._sheet(content)
        self.assertEqual(sheet.nrows, 4)  # header, two tickets, totals
        rows = {sheet.cell(r, 0).value: sheet.row_values(r) for r in (1, 2)}
        paid = rows[self.paid.number]
        self.assertAlmostEqual(
            paid[7], self.order.amount_total + self.second_order.amount_total)
        self.assertIn(self.order.name, paid[6])
        self.assertEqual(paid[8], 0.0)
        self.assertEqual(rows[self.june_first.number][10], 420.5)

    def test_totals_equal_orders(self):
        """R1: the totals row sums the orders and expenses of the listed
        tickets."""
        content = self._render("aftersales_service.action_register_fees_xlsx",
                               self.supervisor, ids=(self.paid | self.june_first).ids)
        _book, sheet = self._sheet(content)
        totals = sheet.row_values(sheet.nrows - 1)
        orders = self.env["sale.order"].search([
            ("aftersales_ticket_id", "in", (self.paid | self.june_first).ids),
            ("state", "!=", "cancel")])
        self.assertAlmostEqual(totals[7], sum(orders.mapped("amount_total")))
        self.assertAlmostEqual(totals[10], 420.5)
        xml = zipfile.ZipFile(io.BytesIO(content)).read(
            "xl/worksheets/sheet1.xml").decode()
        self.assertIn("<f>SUBTOTAL(9,H2:H3)</f>", xml)

    def test_invoiced_and_paid(self):
        """R1, S4: invoiced and paid come from the order's posted invoices."""
        invoice = self.env["account.invoice"].browse(
            self.order.action_invoice_create())
        invoice.action_invoice_open()
        journal = self.env["account.journal"].search(
            [("type", "=", "bank")], limit=1)
        invoice.pay_and_reconcile(journal, 1000.0)
        content = self._render("aftersales_service.action_register_fees_xlsx",
                               self.supervisor, ids=self.paid.ids)
        _book, sheet = self._sheet(content)
        values = sheet.row_values(1)
        self.assertAlmostEqual(values[8], invoice.amount_total)
        self.assertAlmostEqual(values[9], 1000.0)

    def test_money_in_currency_format(self):
        """R1: money cells carry the company currency's number format."""
        content = self._render("aftersales_service.action_register_fees_xlsx",
                               self.supervisor, ids=self.paid.ids)
        styles = zipfile.ZipFile(io.BytesIO(content)).read("xl/styles.xml").decode()
        symbol = self.company.currency_id.symbol
        self.assertIn("#,##0.00", styles)
        self.assertIn(symbol, styles)

    def test_wizard_lists_quoted_or_dispatched_tickets(self):
        """R1: the period's fees register lists the tickets with a quotation or
        a dispatch."""
        action = self._wizard("fees", "2025-06-01", "2025-06-30")
        content = self._render("aftersales_service.action_register_fees_xlsx",
                               self.supervisor, data=action["data"])
        _book, sheet = self._sheet(content)
        expected = self.env["helpdesk.ticket"].sudo(self.supervisor).search([
            ("reported_date", ">=", JUNE_START), ("reported_date", "<", JULY_START),
            "|", ("sale_order_ids", "!=", False), ("dispatch_ids", "!=", False)])
        numbers = self._column(sheet, 0, sheet.nrows - 1)
        self.assertEqual(sorted(numbers), sorted(expected.mapped("number")))
        self.assertIn(self.june_first.number, numbers)
        self.assertNotIn(self.june_last.number, numbers)
        self.assertNotIn(self.paid.number, numbers)


class TestReturnVisitRegister(RegisterCase):
    """R1, T9: follow-ups and their outcome."""

    def test_rows_equal_domain(self):
        """R1, T9: the tickets closed in the period, with the visit's outcome."""
        for ticket in (self.june_last, self.july):
            self._close_ticket(ticket)
        self.june_last.sudo()._guard_write({"closed_date": "2025-06-30 10:00:00",
                                            "followup_date": "2025-07-07",
                                            "followup_outcome": "Runs fine"})
        self.july.sudo()._guard_write({"closed_date": "2025-07-02 10:00:00"})
        action = self._wizard("followups", "2025-06-01", "2025-06-30")
        content = self._render(
            "aftersales_service.action_register_followup_xlsx",
            self.supervisor, data=action["data"])
        _book, sheet = self._sheet(content)
        expected = self.env["helpdesk.ticket"].sudo(self.supervisor).search([
            ("stage_id.closed", "=", True), ("closed_date", ">=", JUNE_START),
            ("closed_date", "<", JULY_START)])
        self.assertEqual(sorted(self._column(sheet, 0)),
                         sorted(expected.mapped("number")))
        values = sheet.row_values(self._column(sheet, 0).index(
            self.june_last.number) + 1)
        self.assertEqual(values[9], "Runs fine")
        self.assertEqual(values[11], "Visited")
