# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..models.aftersales_penalty import MONTH_RE


class AftersalesPenaltyPayrollExport(models.TransientModel):
    """P7: the confirmed fines of one payroll month, as an Excel file for
    payroll; optionally marked as applied. Refused while proposals of the
    month wait for HR's review (P6), so that no fine reaches payroll a month
    late or never without anyone seeing it."""

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
        self._check_reviewed()
        action = self.env.ref(
            "aftersales_hr_penalties.aftersales_penalty_payroll_xlsx").report_action(
                self)
        if self.mark_applied:
            self._fines().filtered(lambda p: p.state == "confirmed").action_apply()
        return action

    @api.multi
    def _unreviewed(self):
        """P6, P7: the month's proposals HR has not decided yet: those for
        the payroll month, or without one and dated in the month."""
        self.ensure_one()
        first = fields.Date.from_string(self.month + "-01")
        return self.env["aftersales.penalty"].search([
            ("state", "=", "draft"), ("company_id", "=", self.company_id.id),
            "|", ("payroll_month", "=", self.month),
            "&", ("payroll_month", "=", False),
            "&", ("date", ">=", fields.Date.to_string(first)),
            ("date", "<", fields.Date.to_string(first + relativedelta(months=1))),
        ], order="date, id")

    @api.multi
    def _check_reviewed(self):
        """P7: no export while the month has proposals to review; the message
        lists them, so HR knows what to decide first."""
        unreviewed = self._unreviewed()
        if unreviewed:
            raise UserError(_(
                "%(month)s cannot be exported yet: %(count)d proposals of the "
                "month are not reviewed. Confirm or reject them first:\n%(list)s")
                % {"month": self.month, "count": len(unreviewed),
                   "list": "\n".join(
                       "%s  %s  %s  %s" % (p.name, p.date, p.employee_id.name,
                                           p.offence_type_id.name)
                       for p in unreviewed)})

    @api.multi
    def _fines(self):
        """Confirmed or applied fines of the month and company."""
        self.ensure_one()
        return self.env["aftersales.penalty"].search([
            ("kind", "=", "fine"), ("state", "in", ("confirmed", "applied")),
            ("payroll_month", "=", self.month),
            ("company_id", "=", self.company_id.id),
        ], order="employee_id, date, id")
