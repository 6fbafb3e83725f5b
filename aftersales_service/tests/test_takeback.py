# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T12, T25: the ledger of units taken back, in and out with dates, the
customer's receipt printed when the unit comes in and taken back when it
leaves; as the demo's engineer (wanglei) and supervisor (liuyang). Quality's
check of a repaired unit is tested in aftersales_quality."""
import xlrd

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import AftersalesCase


class TakebackCase(AftersalesCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wanglei = cls.env.ref("aftersales_service.user_service_wang")
        cls.liuyang = cls.env.ref("aftersales_service.user_service_supervisor")
        cls.domestic.lang = "zh_CN"
        cls.unit = cls._equipment(cls.furnace, "SN-TB-1", cls.domestic)

    def _take_in(self, reason="loan", **vals):
        values = {"equipment_id": self.unit.id, "reason": reason,
                  "date_in": "2025-06-02", "condition": "Door hinge loose"}
        values.update(vals)
        return self.env["aftersales.takeback"].sudo(self.wanglei).create(values)


class TestTakeback(TakebackCase):

    def test_take_in_numbers_and_customer(self):
        """T12: a unit taken in gets its receipt number and its customer."""
        entry = self._take_in()
        self.assertTrue(entry.name.startswith("TB"))
        self.assertEqual(entry.partner_id, self.domestic)
        self.assertEqual(entry.state, "in")
        self.assertEqual(entry.received_by_id, self.wanglei)

    def test_unit_of_another_customer_refused(self):
        """T12, F4: the unit taken in is the customer's."""
        with self.assertRaises(ValidationError):
            self._take_in(partner_id=self.export.id)

    def test_future_date_refused(self):
        """F4: a unit does not come in tomorrow."""
        with self.assertRaises(ValidationError):
            self._take_in(date_in="2999-01-01")

    def test_return_needs_receipt_back(self):
        """T25: the unit goes back only once the customer's receipt is taken
        back; then it is out, dated today, and the entry is final."""
        entry = self._take_in().sudo(self.wanglei)
        with self.assertRaises(UserError):
            entry.action_return()  # not ready yet
        self.assertIs(entry.action_mark_ready(), True)
        with self.assertRaises(UserError) as refusal:
            entry.action_return()
        self.assertIn(entry.name, str(refusal.exception))
        self.assertEqual(entry.state, "ready")
        entry.write({"receipt_taken_back": True})
        self.assertIs(entry.action_return(), True)
        self.assertEqual(entry.state, "returned")
        self.assertTrue(entry.date_out)
        self.assertEqual(entry.returned_by_id, self.wanglei)
        with self.assertRaises(UserError):
            entry.write({"condition": "Changed afterwards"})

    def test_moves_only_through_buttons(self):
        """T12, F2: state and the date out are written by the buttons only."""
        entry = self._take_in().sudo(self.wanglei)
        with self.assertRaises(UserError):
            entry.write({"state": "returned"})
        with self.assertRaises(UserError):
            entry.write({"date_out": "2025-06-03"})

    def test_cancel_by_supervisor_only(self):
        """T12: an entry logged by mistake is cancelled by a supervisor."""
        entry = self._take_in()
        with self.assertRaises(AccessError):
            entry.sudo(self.wanglei).action_cancel()
        self.assertIs(entry.sudo(self.liuyang).action_cancel(), True)
        self.assertEqual(entry.state, "cancelled")

    def test_receipt_pdf_in_chinese(self):
        """T12, R2: the receipt the customer keeps, in the customer's language."""
        entry = self._take_in()
        action = entry.sudo(self.wanglei).action_print_receipt()
        self.assertEqual(action["report_name"],
                         "aftersales_service.report_takeback_receipt")
        html = self.env.ref("aftersales_service.action_report_takeback_receipt") \
            .render_qweb_pdf(entry.ids)[0].decode()
        self.assertIn("返厂设备收货回执", html)
        self.assertIn(entry.name, html)
        self.assertIn("Door hinge loose", html)
        self.assertIn(self.company.name, html)

    def test_register_lists_units_of_the_period(self):
        """T12, R1: the Excel register lists the units at the company during
        the period, with their dates in and out."""
        inside = self._take_in()
        before = self._take_in(date_in="2025-01-02")
        before.sudo(self.wanglei).action_mark_ready()
        before.sudo(self.wanglei).write({"receipt_taken_back": True})
        before.sudo(self.wanglei).action_return()  # out today, still listed
        wizard = self.env["aftersales.register.wizard"].sudo(self.liuyang).create({
            "register": "takeback", "date_from": "2025-06-01",
            "date_to": "2025-06-30"})
        action = wizard.action_print()
        report = self.env.ref("aftersales_service.action_register_takeback_xlsx") \
            .sudo(self.liuyang).with_context(lang="en_US")
        content, kind = report.render(None, action["data"])
        self.assertEqual(kind, "xlsx")
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        names = [sheet.cell(row, 0).value for row in range(1, sheet.nrows)]
        self.assertIn(inside.name, names)
        self.assertIn(before.name, names)
