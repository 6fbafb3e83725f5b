# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..models.aftersales_penalty import MONTH_RE


class AftersalesPenaltyPayrollExport(models.TransientModel):
    """P7: the confirmed fines of one payroll month, as an Excel file for
    payroll; optionally marked as applied."""

    _name = "aftersales.penalty.payroll.export"
    _description = "Payroll Export of Fines"

    month = fields.Char(
        string="Payroll Month", required=True,
        default=lambda self: fields.Date.context_today(self)[:7],
        help="YYYY-MM")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.user.company_id)
    mark_applied = fields.Boolean(
        string="Mark Confirmed Fines as Applied",
        help="After the export, the month's confirmed fines are marked as applied "
             "in payroll.")

    @api.constrains("month")
    def _check_month(self):
        if self.filtered(lambda w: not MONTH_RE.match(w.month or "")):
            raise ValidationError(_("Write the payroll month as YYYY-MM, e.g. "
                                    "2026-03."))

    @api.multi
    def action_export(self):
        self.ensure_one()
        self.env["aftersales.penalty"]._check_hr()
        # data={}, not None: an XML-RPC client cannot receive None
        action = self.env.ref(
            "aftersales_hr_penalties.aftersales_penalty_payroll_xlsx").report_action(
                self, data={})
        if self.mark_applied:
            self._fines().filtered(lambda p: p.state == "confirmed").action_apply()
        return action

    @api.multi
    def _fines(self):
        """Confirmed or applied fines of the month and company."""
        self.ensure_one()
        return self.env["aftersales.penalty"].search([
            ("kind", "=", "fine"), ("state", "in", ("confirmed", "applied")),
            ("payroll_month", "=", self.month),
            ("company_id", "=", self.company_id.id),
        ], order="employee_id, date, id")
