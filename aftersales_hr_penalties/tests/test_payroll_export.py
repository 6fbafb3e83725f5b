# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import zipfile

from xlrd import open_workbook

from odoo.exceptions import AccessError

from .common import PenaltyCase


class TestPayrollExport(PenaltyCase):
    """P7: the confirmed fines of a month, per employee, for payroll."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        hr = cls.hr_officer

        def fine(employee, offence, date, confirm=True, **vals):
            record = cls.Penalty.sudo(hr).create(dict(
                vals, employee_id=employee.id, offence_type_id=offence.id, date=date))
            if confirm:
                record.sudo(hr).action_confirm()
            return record
        cls.month = (fine(cls.emp_engineer, cls.late, "2025-06-02")
                     | fine(cls.emp_engineer, cls.phone, "2025-06-20",
                            multiplier=2.0, multiplier_reason="Fake call log")
                     | fine(cls.emp_other, cls.incomplete, "2025-06-11"))
        # P7: a proposal of the month would block the export (see
        # test_aftersales_penalty_review): rejected here
        fine(cls.emp_other, cls.phone, "2025-06-12", confirm=False).sudo(
            hr).action_reject("Phone was on")
        fine(cls.emp_other, cls.phone, "2025-07-01")
        cls._approved_reward(date="2025-06-15", base_amount=500.0).action_confirm()
        fine(cls.emp_other, cls.late, "2025-06-13").sudo(hr).action_reject("No")
        cls.report = cls.env.ref(
            "aftersales_hr_penalties.aftersales_penalty_payroll_xlsx")

    def _export(self, **vals):
        wizard = self.env["aftersales.penalty.payroll.export"].sudo(
            self.hr_officer).with_context(lang="en_US").create(
                dict({"month": "2025-06"}, **vals))
        action = wizard.action_export()
        self.assertEqual(action["report_type"], "xlsx")
        content, kind = self.report.sudo(self.hr_officer).with_context(
            lang="en_US").render_xlsx(
            wizard.ids, {})
        self.assertEqual(kind, "xlsx")
        return open_workbook(file_contents=content)

    def test_totals_equal_confirmed_fines(self):
        """P7: per-employee totals equal the month's confirmed fines."""
        book = self._export()
        sheet = book.sheet_by_index(0)
        rows = {sheet.cell_value(r, 0): (sheet.cell_value(r, 3),
                                         sheet.cell_value(r, 4))
                for r in range(1, sheet.nrows)}
        self.assertEqual(rows[self.emp_engineer.name], (2, 40.0))
        self.assertEqual(rows[self.emp_other.name], (1, 20.0))
        self.assertEqual(rows["Total"], (3, sum(self.month.mapped("amount"))))
        self.assertEqual(sheet.nrows, 4)
        details = book.sheet_by_index(1)
        self.assertEqual(sorted(details.col_values(0)[1:]),
                         sorted(self.month.mapped("name")))

    def test_header_row_frozen(self):
        """P7: both sheets keep their header row in view (frozen pane)."""
        wizard = self.env["aftersales.penalty.payroll.export"].sudo(
            self.hr_officer).create({"month": "2025-06"})
        content = self.report.sudo(self.hr_officer).render_xlsx(wizard.ids, {})[0]
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for sheet in ("sheet1", "sheet2"):
                xml = archive.read("xl/worksheets/%s.xml" % sheet).decode()
                self.assertIn('ySplit="1"', xml)
                self.assertIn('state="frozen"', xml)

    def test_export_marks_applied(self):
        """P7: the export can mark the month's confirmed fines as applied."""
        self._export(mark_applied=True)
        self.assertEqual(set(self.month.mapped("state")), {"applied"})
        book = self._export()
        self.assertEqual(book.sheet_by_index(0).cell_value(3, 4), 60.0)

    def test_headers_in_chinese(self):
        """R3, P7: a Chinese-speaking HR officer gets Chinese column headers."""
        wizard = self.env["aftersales.penalty.payroll.export"].sudo(
            self.hr_officer).create({"month": "2025-06"})
        content = self.report.sudo(self.hr_officer).with_context(
            lang="zh_CN").render_xlsx(wizard.ids, {})[0]
        sheet = open_workbook(file_contents=content).sheet_by_index(0)
        self.assertEqual(sheet.cell_value(0, 0), "员工")
        self.assertEqual(sheet.cell_value(sheet.nrows - 1, 4), 60.0)

    def test_staff_cannot_export(self):
        """P7: only HR exports the fines."""
        wizard = self.env["aftersales.penalty.payroll.export"].sudo(
            self.engineer).create({"month": "2025-06"})
        with self.assertRaises(AccessError):
            wizard.action_export()
