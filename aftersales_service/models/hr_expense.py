# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

from ..tools import FactError, company_date, describe


class HrExpense(models.Model):
    """T16: travel and other costs claimed against the dispatch they belong to."""

    _inherit = "hr.expense"

    aftersales_dispatch_id = fields.Many2one(
        "aftersales.dispatch", string="On-site Dispatch", index=True,
        ondelete="restrict",
        help="The on-site dispatch this cost was spent on.")
    # the dispatch's ticket, copied when the dispatch is set: stored related,
    # Odoo 11 would search expenses at every ticket creation (benchmark figure (b))
    aftersales_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Service Ticket", readonly=True, index=True)
    aftersales_place = fields.Char(
        string="Place (City)",
        help="The city printed on the receipt; compared with the customer's "
             "city.")
    aftersales_flagged = fields.Boolean(
        string="Doubtful Receipt", compute="_compute_aftersales_flagged",
        store=True, compute_sudo=True,
        help="The receipt's date is outside the dispatch's dates, or its place "
             "differs from the customer's city: the supervisor checks it.")

    @api.constrains("date", "unit_amount", "quantity", "aftersales_dispatch_id")
    def _check_aftersales_facts(self):
        """F4: a cost claimed against a dispatch is not negative and not
        spent in the future (a refund is not claimed as an expense)."""
        expenses = self.filtered("aftersales_dispatch_id")
        self.env["aftersales.facts"]._check_not_future(expenses, ["date"])
        for expense in expenses:
            if expense.unit_amount < 0 or expense.quantity < 0:
                raise FactError(_(
                    "%s: an expense claimed against an on-site dispatch cannot "
                    "be negative; enter the amount and quantity of the receipt "
                    "as positive numbers.") % describe(expense))

    @api.model
    def create(self, vals):
        return super().create(self._with_aftersales_ticket(vals))

    @api.multi
    def write(self, vals):
        return super().write(self._with_aftersales_ticket(vals))

    @api.model
    def _with_aftersales_ticket(self, vals):
        if "aftersales_dispatch_id" in vals:
            dispatch = self.env["aftersales.dispatch"].sudo().browse(
                vals["aftersales_dispatch_id"])
            vals = dict(vals, aftersales_ticket_id=dispatch.ticket_id.id)
        return vals

    @api.onchange("aftersales_dispatch_id")
    def _onchange_aftersales_dispatch_id(self):
        self.aftersales_ticket_id = self.aftersales_dispatch_id.ticket_id

    @api.depends("date", "aftersales_dispatch_id", "aftersales_place",
                 "aftersales_dispatch_id.appointment",
                 "aftersales_dispatch_id.arrival_time",
                 "aftersales_dispatch_id.departure_time",
                 "aftersales_dispatch_id.partner_id.city")
    def _compute_aftersales_flagged(self):
        """T16: flagged when dated before the appointment or arrival day, or
        after the departure (or appointment) day, or when the receipt's city is
        not the customer's. Computed as superuser (``compute_sudo``): whoever
        changes the dispatch, often the supervisor, may not read the
        technician's expenses."""
        for expense in self:
            dispatch = expense.sudo().aftersales_dispatch_id
            date = expense.sudo().date
            if not dispatch or not date:
                expense.aftersales_flagged = False
                continue
            # F1: the dispatch's days in the company's time zone
            days = [company_date(expense, value, dispatch.company_id) for value in (
                dispatch.appointment, dispatch.arrival_time,
                dispatch.departure_time) if value]
            outside = not min(days) <= date <= max(days)
            expense.aftersales_flagged = (
                outside or expense.sudo()._aftersales_place_differs())

    @api.multi
    def _aftersales_place_differs(self):
        """T16: the receipt's city against the customer's (site contact first,
        else the company), ignoring case and spaces; unknown is no mismatch."""
        self.ensure_one()
        customer = self.aftersales_dispatch_id.partner_id
        city = customer.city or customer.commercial_partner_id.city

        def norm(value):
            return "".join((value or "").split()).lower()
        return bool(norm(self.aftersales_place) and norm(city)
                    and norm(self.aftersales_place) != norm(city))
