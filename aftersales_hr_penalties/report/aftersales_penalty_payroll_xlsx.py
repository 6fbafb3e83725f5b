# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, models


class AftersalesPenaltyPayrollXlsx(models.AbstractModel):
    """P7, R1: the month's confirmed fines per employee for payroll, with the
    records behind each total on a second sheet."""

    _name = "report.aftersales_hr_penalties.penalty_payroll_xlsx"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, wizards):
        wizard = wizards[:1]
        fines = wizard._fines()
        bold = workbook.add_format({"bold": True, "bg_color": "#D9E1F2",
                                    "border": 1})
        money = workbook.add_format({"num_format": "#,##0.00"})
        money_bold = workbook.add_format({"num_format": "#,##0.00", "bold": True})

        summary = workbook.add_worksheet(_("Fines %s") % wizard.month)
        headers = [_("Employee"), _("Employee ID"), _("Department"),
                   _("Number of Fines"), _("Total Fines"), _("Currency")]
        self._header(summary, headers, bold, [24, 16, 22, 16, 16, 10])
        per_employee = {}
        for fine in fines:
            per_employee.setdefault(fine.employee_id, []).append(fine)
        row = 1
        for employee, records in per_employee.items():
            summary.write(row, 0, employee.name)
            summary.write(row, 1, employee.identification_id or "")
            summary.write(row, 2, employee.department_id.name or "")
            summary.write_number(row, 3, len(records))
            summary.write_number(row, 4, sum(r.amount for r in records), money)
            summary.write(row, 5, records[0].currency_id.name)
            row += 1
        summary.write(row, 0, _("Total"), money_bold)
        summary.write_number(row, 3, len(fines))
        summary.write_number(row, 4, sum(fines.mapped("amount")), money_bold)

        details = workbook.add_worksheet(_("Records"))
        headers = [_("Reference"), _("Date"), _("Employee"), _("Offence"),
                   _("Catalogue Amount"), _("Multiplier"), _("Why Multiplied"),
                   _("Amount"), _("Ticket"), _("State")]
        self._header(details, headers, bold, [16, 12, 20, 40, 14, 10, 30, 14, 14, 16])
        states = dict(fines.fields_get(["state"])["state"]["selection"])
        for row, fine in enumerate(fines, 1):
            details.write(row, 0, fine.name)
            details.write(row, 1, fine.date)
            details.write(row, 2, fine.employee_id.name)
            details.write(row, 3, fine.offence_id.name)
            details.write_number(row, 4, fine.base_amount, money)
            details.write_number(row, 5, fine.multiplier)
            details.write(row, 6, fine.multiplier_reason or "")
            details.write_number(row, 7, fine.amount, money)
            details.write(row, 8, fine.ticket_id.sudo().number or "")
            details.write(row, 9, states[fine.state])

    @staticmethod
    def _header(sheet, headers, style, widths):
        for col, (title, width) in enumerate(zip(headers, widths)):
            sheet.write(0, col, title, style)
            sheet.set_column(col, col, width)
        sheet.freeze_panes(1, 0)
