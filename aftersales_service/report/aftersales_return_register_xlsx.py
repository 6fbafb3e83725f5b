# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, models

REGISTER_FIELDS = [
    "name", "request_date", "partner_id", "product_id", "lot_id", "quantity",
    "sale_order_id", "ticket_id", "outcome", "amount", "approval_level",
    "approved_by_id", "state", "cause_type", "root_cause", "department_id",
    "employee_id", "reason",
]


class ReturnRegisterXlsx(models.AbstractModel):
    """R1, T13: the register of returns and exchanges, one row per request,
    headed in the user's language."""

    _name = "report.aftersales_service.return_register_xlsx"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, objects):
        sheet = workbook.add_worksheet(_("Returns Register"))
        bold = workbook.add_format({"bold": True, "bg_color": "#DDDDDD",
                                    "border": 1})
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        labels = objects.fields_get(REGISTER_FIELDS)
        for col, fname in enumerate(REGISTER_FIELDS):
            sheet.write(0, col, labels[fname]["string"], bold)
            sheet.set_column(col, col, 18)
        for row, request in enumerate(objects.sorted(lambda r: r.name), start=1):
            for col, fname in enumerate(REGISTER_FIELDS):
                sheet.write(row, col, self._cell(request, fname, labels), wrap)
        sheet.freeze_panes(1, 1)

    @staticmethod
    def _cell(record, fname, labels):
        value = record[fname]
        field = labels[fname]
        if field["type"] == "many2one":
            return value.display_name or ""
        if field["type"] == "selection":
            return dict(field["selection"]).get(value, "")
        if field["type"] in ("float", "monetary", "integer"):
            return value
        return value or ""
