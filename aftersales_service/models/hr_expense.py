# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrExpense(models.Model):
    """T16: travel and other costs claimed against the dispatch they belong to."""

    _inherit = "hr.expense"

    aftersales_dispatch_id = fields.Many2one(
        "aftersales.dispatch", string="On-site Dispatch", index=True,
        ondelete="restrict",
        help="The on-site dispatch this cost was spent on (T16).")
    aftersales_ticket_id = fields.Many2one(
        related="aftersales_dispatch_id.ticket_id", store=True, readonly=True,
        string="Service Ticket")
    aftersales_flagged = fields.Boolean(
        string="Date Outside Dispatch", compute="_compute_aftersales_flagged",
        store=True,
        help="The receipt's date is outside the dispatch's dates: the "
             "supervisor checks it (T16).")

    @api.depends("date", "aftersales_dispatch_id")
    def _compute_aftersales_flagged(self):
        """T16: flagged when dated before the appointment or arrival day, or
        after the departure (or appointment) day. A change of the dispatch's
        dates recomputes it as superuser (see aftersales.dispatch write), since
        the supervisor may not read the technician's expenses."""
        for expense in self:
            dispatch = expense.sudo().aftersales_dispatch_id
            date = expense.sudo().date
            if not dispatch or not date:
                expense.aftersales_flagged = False
                continue
            days = [value[:10] for value in (
                dispatch.appointment, dispatch.arrival_time,
                dispatch.departure_time) if value]
            expense.aftersales_flagged = not min(days) <= date <= max(days)
