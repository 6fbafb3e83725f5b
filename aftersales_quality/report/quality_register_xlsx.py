# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, models

REGISTER_FIELDS = [
    "name", "report_date", "ticket_id", "partner_id", "product_id", "lot_id",
    "defect_category_id", "severity", "defect_description", "supplier_id",
    "root_cause", "state",
]


class QualityRegisterXlsx(models.AbstractModel):
    """R1, Q9: the quality register, one row per feedback form, headed in the
    user's language."""

    _name = "report.aftersales_quality.quality_register_xlsx"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, objects):
        sheet = workbook.add_worksheet(_("Quality Register"))
        bold = workbook.add_format({"bold": True, "bg_color": "#DDDDDD",
                                    "border": 1})
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        labels = objects.fields_get(REGISTER_FIELDS + ["action_ids"])
        headers = [labels[f]["string"] for f in REGISTER_FIELDS]
        headers.append(labels["action_ids"]["string"])
        for col, header in enumerate(headers):
            sheet.write(0, col, header, bold)
            sheet.set_column(col, col, 18)
        for row, form in enumerate(objects.sorted(lambda f: f.name), start=1):
            for col, fname in enumerate(REGISTER_FIELDS):
                sheet.write(row, col, self._cell(form, fname, labels), wrap)
            sheet.write(row, len(REGISTER_FIELDS), "\n".join(
                "%s: %s (%s)" % (action.user_id.name, action.name,
                                 action.due_date or "")
                for action in form.action_ids), wrap)
        sheet.freeze_panes(1, 1)

    @staticmethod
    def _cell(form, fname, labels):
        value = form[fname]
        field = labels[fname]
        if field["type"] == "many2one":
            return value.display_name or ""
        if field["type"] == "selection":
            return dict(field["selection"]).get(value, "")
        return value or ""
