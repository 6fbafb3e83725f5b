# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models

RECORDS_REGISTER = "report.aftersales_hr_penalties.penalty_payroll_records_xlsx"


class AftersalesPenaltyPayrollXlsx(models.AbstractModel):
    """P7, R1: the month's confirmed fines per employee for payroll, with a
    totals row, on the service registers' shared layout; the records behind
    each total follow on a second sheet (``RECORDS_REGISTER``). Printed from
    the export wizard, whose month and company choose the fines."""

    _name = "report.aftersales_hr_penalties.penalty_payroll_xlsx"
    _inherit = "report.aftersales_service.register_abstract"
    _register_with_totals = True

    def generate_xlsx_report(self, workbook, data, wizards):
        """The register lists the wizard's fines, not the wizard."""
        wizard = wizards[:1]
        wizard._check_reviewed()  # P7: whoever prints it, not only the button
        register = self.with_context(aftersales_payroll_month=wizard.month)
        return super(AftersalesPenaltyPayrollXlsx, register).generate_xlsx_report(
            workbook, data, wizard._fines())

    @api.model
    def _write_register(self, workbook, fines):
        sheet = super()._write_register(workbook, fines)
        self.env[RECORDS_REGISTER]._write_register(workbook, fines)
        return sheet

    @api.model
    def _register_title(self):
        return _("Fines %s") % self.env.context.get("aftersales_payroll_month")

    @api.model
    def _register_filename(self, docids, data):
        """R1: "<Fines>_2026-06": the payroll month is the period."""
        wizard = self.env["aftersales.penalty.payroll.export"].browse(docids[:1])
        return "%s_%s" % (_("Fines"), wizard.month or "")

    @api.model
    def _register_columns(self, fines):
        return [(_("Employee"), "text", 24), (_("Employee ID"), "text", 16),
                (_("Department"), "text", 22), (_("Number of Fines"), "number", 16),
                (_("Total Fines"), "money", 16), (_("Currency"), "text", 10)]

    @api.model
    def _register_rows(self, fines):
        per_employee = {}
        for fine in fines:
            per_employee.setdefault(fine.employee_id, []).append(fine)
        for employee, records in per_employee.items():
            yield [employee.name, employee.identification_id,
                   employee.department_id.name, len(records),
                   sum(record.amount for record in records),
                   records[0].currency_id.name]


class AftersalesPenaltyPayrollRecordsXlsx(models.AbstractModel):
    """P7, R1: the second sheet of the payroll export: one row per fine."""

    _name = RECORDS_REGISTER
    _inherit = "report.aftersales_service.register_abstract"

    @api.model
    def _register_title(self):
        return _("Records")

    @api.model
    def _register_columns(self, fines):
        return [(_("Reference"), "text", 16), (_("Date"), "date", 12),
                (_("Employee"), "text", 20), (_("Offence"), "text", 40),
                (_("Catalogue Amount"), "money", 14), (_("Multiplier"), "number", 10),
                (_("Why Multiplied"), "text", 30), (_("Amount"), "money", 14),
                (_("Ticket"), "text", 14), (_("State"), "text", 16)]

    @api.model
    def _register_rows(self, fines):
        states = self._selection_labels(fines, "state")
        for batch in self._batches(fines):
            for fine in batch:
                yield [fine.name, fine.date, fine.employee_id.name,
                       fine.offence_type_id.name, fine.base_amount, fine.multiplier,
                       fine.multiplier_reason, fine.amount,
                       fine.ticket_id.sudo().number, states[fine.state]]
