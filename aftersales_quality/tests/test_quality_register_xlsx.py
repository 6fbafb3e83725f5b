# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from xlrd import XL_CELL_DATE, open_workbook, xldate_as_tuple

from .common import QualityCase


class TestQualityRegister(QualityCase):
    """R1, Q9: the quality register and the PDFs."""

    def test_xlsx_rows(self):
        """R1: the register has a header and one row per form."""
        first = self._form(defect_description="Coil broke")
        second = self._form(defect_description="Door seal cracked", severity="major")
        self._action(second, name="Change the seal supplier")
        report = self.env.ref("aftersales_quality.action_report_quality_register_xlsx")
        content, kind = report.with_context(lang="en_US").render(
            (first | second).ids, {})
        self.assertEqual(kind, "xlsx")
        sheet = open_workbook(file_contents=content).sheet_by_index(0)
        self.assertEqual(sheet.nrows, 3)
        labels = first.with_context(lang="en_US").fields_get(["name", "severity"])
        self.assertEqual(sheet.cell(0, 0).value, labels["name"]["string"])
        rows = {sheet.cell(r, 0).value: sheet.row_values(r) for r in (1, 2)}
        self.assertIn("Door seal cracked", rows[second.name])
        self.assertIn(dict(labels["severity"]["selection"])["major"],
                      rows[second.name])
        self.assertIn("Coil broke", rows[first.name])
        self.assertIn("Change the seal supplier", rows[second.name][-1])

    def test_xlsx_dates_are_dates(self):
        """R1, Q9: the register writes the report date as a real date, on the
        service registers' layout (autofilter on the header)."""
        form = self._form(report_date="2025-06-03")
        report = self.env.ref("aftersales_quality.action_report_quality_register_xlsx")
        content, _kind = report.render(form.ids, {})
        book = open_workbook(file_contents=content)
        sheet = book.sheet_by_index(0)
        self.assertEqual(sheet.cell(1, 1).ctype, XL_CELL_DATE)
        self.assertEqual(xldate_as_tuple(sheet.cell(1, 1).value, book.datemode)[:3],
                         (2025, 6, 3))
        self.assertEqual(
            self.env["report.aftersales_quality.quality_register_xlsx"]._inherit,
            "report.aftersales_service.register_abstract")

    def test_pdfs_render(self):
        """R2: the feedback form and the CAPA print."""
        form = self._form()
        self._action(form, name="Change the seal supplier")
        for xmlid, text in (
                ("aftersales_quality.action_report_quality_feedback", "Coil broke"),
                ("aftersales_quality.action_report_quality_capa",
                 "Change the seal supplier")):
            html = self.env.ref(xmlid).render_qweb_pdf(form.ids)[0]
            self.assertIn(text, html.decode())
            self.assertIn(form.name, html.decode())
