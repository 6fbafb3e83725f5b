# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html_escape

from ..tools import GROUP_SUPERVISOR, FactError, company_date, describe
from .aftersales_guard import _Door

#: T16, P8: the clearing of a doubtful receipt, written by its action only
CLEARING_FIELDS = ("aftersales_cleared", "aftersales_cleared_by_id",
                   "aftersales_cleared_on", "aftersales_clear_reason")
#: what the flag is computed from: a change makes the receipt doubtful again
FLAG_FACTS = ("date", "aftersales_place", "aftersales_dispatch_id",
              "unit_amount", "quantity")
_CLEARING = _Door("hr.expense")


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
    # T16, P8 (rev. 2): a doubtful receipt is not reimbursed until a service
    # supervisor other than the claimant clears it, saying why
    aftersales_cleared = fields.Boolean(
        string="Cleared by the Supervisor", readonly=True, copy=False)
    aftersales_cleared_by_id = fields.Many2one(
        "res.users", string="Cleared By", readonly=True, copy=False)
    aftersales_cleared_on = fields.Datetime(
        string="Cleared On", readonly=True, copy=False)
    aftersales_clear_reason = fields.Text(
        string="Why Cleared", readonly=True, copy=False)
    aftersales_blocked = fields.Boolean(
        string="Not Reimbursable Yet", compute="_compute_aftersales_blocked",
        search="_search_aftersales_blocked",
        help="A doubtful receipt not cleared yet: it is not reimbursed.")

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

    @api.depends("aftersales_flagged", "aftersales_cleared")
    def _compute_aftersales_blocked(self):
        for expense in self:
            expense.aftersales_blocked = (expense.aftersales_flagged
                                          and not expense.aftersales_cleared)

    @api.model
    def _search_aftersales_blocked(self, operator, value):
        blocked = [("aftersales_flagged", "=", True),
                   ("aftersales_cleared", "=", False)]
        wanted = bool(value) if operator in ("=", "==") else not value
        return blocked if wanted else ["|", ("aftersales_flagged", "=", False),
                                       ("aftersales_cleared", "=", True)]

    @api.model
    def create(self, vals):
        self._check_clearing_door(vals)
        return super().create(self._with_aftersales_ticket(vals))

    @api.multi
    def write(self, vals):
        """T16, P8: the clearing is written by its action only; a receipt
        whose facts change must be cleared again."""
        self._check_clearing_door(vals)
        if set(vals) & set(FLAG_FACTS) and not self._clearing_open():
            cleared = self.filtered("aftersales_cleared")
            if cleared:
                cleared.with_context(aftersales_guard=_CLEARING).write(
                    dict.fromkeys(CLEARING_FIELDS, False))
        return super().write(self._with_aftersales_ticket(vals))

    @api.model
    def _clearing_open(self):
        return self.env.context.get("aftersales_guard") is _CLEARING

    @api.model
    def _check_clearing_door(self, vals):
        if set(vals) & set(CLEARING_FIELDS) and not self._clearing_open():
            raise FactError(_(
                "A doubtful receipt is cleared by a service supervisor with "
                "the button \"Clear the Receipt\", saying why."))

    @api.multi
    def action_aftersales_clear(self, reason):
        """T16, P8 (rev. 2): a service supervisor clears doubtful receipts,
        never their own, with the reason; who and when are kept."""
        if not self.env.user.has_group(GROUP_SUPERVISOR):
            raise AccessError(_("Only a service supervisor clears a doubtful "
                                "receipt."))
        if not (reason or "").strip():
            raise UserError(_("Say why the receipt is accepted."))
        for expense in self:
            if expense.sudo().employee_id.user_id == self.env.user:
                raise AccessError(_(
                    "%s: your own receipt is cleared by another supervisor.")
                    % describe(expense))
            if not expense.aftersales_blocked:
                raise UserError(_("%s is not a doubtful receipt waiting to be "
                                  "cleared.") % describe(expense))
        # as superuser: the supervisor need not be an expense manager
        self.sudo().with_context(aftersales_guard=_CLEARING).write({
            "aftersales_cleared": True,
            "aftersales_cleared_by_id": self.env.uid,
            "aftersales_cleared_on": fields.Datetime.now(),
            "aftersales_clear_reason": reason})
        for expense in self.sudo():
            expense.message_post(body=_("Doubtful receipt cleared by %(user)s: "
                                        "%(reason)s") % {
                "user": html_escape(self.env.user.name),
                "reason": html_escape(reason)})
        return True

    @api.multi
    def _aftersales_check_reimbursable(self):
        """T16, P8 (rev. 2): "否则不予报销": doubtful receipts not cleared stop
        the approval and the payment of their report."""
        blocked = self.sudo().filtered("aftersales_blocked")
        if blocked:
            raise UserError(_(
                "These receipts are doubtful (date or place does not match the "
                "on-site dispatch) and not cleared by a service supervisor, so "
                "they are not reimbursed: %s.") % ", ".join(
                    describe(expense) for expense in blocked))
        return True

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
