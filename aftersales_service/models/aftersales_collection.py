# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import (
    GROUP_FINANCE, GROUP_SUPERVISOR, assign_number, company_date, company_today,
    describe, group_users)

COLLECTION_METHODS = [
    ("cash", "Cash"),
    ("bank_transfer", "Bank Transfer"),
    ("wechat", "WeChat Pay"),
    ("alipay", "Alipay"),
    ("other", "Other"),
]


class AftersalesCollection(models.Model):
    """T16: money a technician collects on site for a chargeable job, with its
    receipt, until finance confirms it was handed over."""

    _name = "aftersales.collection"
    _description = "On-site Payment"
    _inherit = ["mail.thread", "mail.activity.mixin",
                "aftersales.ticket.document"]
    _order = "date desc, id desc"
    _ticket_copies = {"partner_id": "partner_id"}
    # F2, F3 (aftersales.guard): finance's hand-over is written by its button;
    # a handed-over receipt is final
    _guarded_fields = ("state", "handed_over_by_id", "handed_over_date")

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    name = fields.Char(
        string="Receipt Number", required=True, copy=False, default="/",
        track_visibility="onchange",
        help="The number of the receipt given to the customer; left empty, the "
             "next number of the receipt sequence.")
    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Service Ticket", required=True, index=True,
        ondelete="restrict")
    dispatch_id = fields.Many2one(
        "aftersales.dispatch", string="On-site Dispatch", index=True,
        ondelete="restrict", domain="[('ticket_id', '=', ticket_id)]")
    # the ticket's, copied (see aftersales.ticket.document)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", readonly=True, index=True)
    amount = fields.Monetary(required=True, track_visibility="onchange")
    currency_id = fields.Many2one(
        "res.currency", required=True,
        default=lambda self: self.env.user.company_id.currency_id)
    method = fields.Selection(
        COLLECTION_METHODS, string="Payment Method", required=True,
        default="cash", track_visibility="onchange")
    user_id = fields.Many2one(
        "res.users", string="Collected By", required=True, index=True,
        default=lambda self: self.env.user, track_visibility="onchange")
    date = fields.Date(
        string="Collected On", required=True, index=True,
        default=lambda self: company_today(self), track_visibility="onchange")
    state = fields.Selection(
        [("collected", "Collected"), ("handed_over", "Handed Over")],
        default="collected", required=True, readonly=True, copy=False,
        track_visibility="onchange")
    handed_over_by_id = fields.Many2one(
        "res.users", string="Received by Finance", readonly=True, copy=False)
    handed_over_date = fields.Datetime(
        string="Handed Over On", readonly=True, copy=False)
    is_late = fields.Boolean(
        string="Not Handed Over in Time", readonly=True, copy=False, index=True,
        help="Still with the technician after the end of the day it was "
             "collected; finance and the supervisor were told.")
    company_id = fields.Many2one(
        "res.company", required=True, index=True,
        default=lambda self: self.env.user.company_id)
    note = fields.Text()

    _sql_constraints = [
        ("receipt_company_unique", "unique(company_id, name)",
         "This receipt number is already used in the company: enter the "
         "number printed on the receipt."),
    ]

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("amount")
    def _check_amount(self):
        for collection in self:
            if collection.amount <= 0:
                raise ValidationError(_(
                    "%s: the amount collected must be more than zero.")
                    % describe(collection))

    @api.constrains("date")
    def _check_date_not_future(self):
        """F4: money is not collected in the future."""
        self.env["aftersales.facts"]._check_not_future(self, ["date"])

    @api.constrains("dispatch_id", "ticket_id")
    def _check_dispatch(self):
        for collection in self.filtered("dispatch_id"):
            if collection.dispatch_id.ticket_id != collection.ticket_id:
                raise ValidationError(_(
                    "%(receipt)s: dispatch %(dispatch)s belongs to another "
                    "ticket; choose a dispatch of ticket %(ticket)s.") % {
                        "receipt": describe(collection),
                        "dispatch": collection.dispatch_id.name,
                        "ticket": collection.ticket_id.number})

    # ------------------------------------------------------------------
    # Onchanges
    # ------------------------------------------------------------------
    @api.onchange("dispatch_id")
    def _onchange_dispatch_id(self):
        if self.dispatch_id:
            self.ticket_id = self.dispatch_id.ticket_id

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        """T16: money is born collected; only finance confirms a handover.
        The receipt number is drawn once the receipt is accepted (no gap)."""
        self.env["aftersales.facts"]._check_selection_values(self, vals)
        if vals.get("name") == "/":
            vals = dict(vals)
            del vals["name"]  # the creation's tracking line shows no "/"
        collection = super().create(vals)
        if collection.name == "/":
            assign_number(collection, "aftersales.collection")
        return collection

    @api.multi
    def write(self, vals):
        """T16: the handover is confirmed by finance, and what finance received
        is not changed afterwards except by finance (the copy of the ticket's
        customer follows the ticket)."""
        self.env["aftersales.facts"]._check_selection_values(self, vals)
        return super().write(vals)

    @api.multi
    def _guard_final(self):
        """T16, F3: what finance received is final."""
        return self.filtered(lambda c: c.state == "handed_over")

    @api.multi
    def _guard_final_message(self, names):
        return _("Receipt %s was handed over to finance: it can no longer "
                 "change.") % self.name

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_hand_over(self):
        """T16: finance confirms it received the money; money handed over
        after the day it was collected (both days in the company's time zone,
        F1) is flagged as not handed over the same day."""
        self._check_finance()
        for collection in self:
            if collection.state != "collected":
                raise UserError(_("Receipt %s is already handed over.")
                                % collection.name)
        now = fields.Datetime.now()
        for collection in self:
            late = collection.is_late or collection.date < company_date(
                collection, now, collection.company_id)
            collection._guard_write({"state": "handed_over",
                                     "handed_over_by_id": self.env.user.id,
                                     "handed_over_date": now,
                                     "is_late": late})
        self.mapped("activity_ids").sudo().action_done()
        return True

    @api.multi
    def action_print_receipt(self):
        """T16: the receipt handed to the customer (the report loads after
        the views, so the button calls it through this method)."""
        return self.env.ref(
            "aftersales_service.action_report_collection_receipt").report_action(
                self)

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.model
    def _check_finance(self):
        if not self.env.user.has_group(GROUP_FINANCE):
            raise AccessError(_(
                "Only finance confirms that on-site money was handed over, and "
                "only finance changes it afterwards."))

    # ------------------------------------------------------------------
    # Cron entry points
    # ------------------------------------------------------------------
    @api.model
    @api.returns("self")  # the ids through RPC (a recordset cannot be sent)
    def cron_flag_not_handed_over(self):
        """T16: money still with the technician after the end of the day it
        was collected is flagged once, with a to-do for finance and the
        service supervisors; safe to run twice. The day ends in each
        company's time zone (F1)."""
        late = self.search([("state", "=", "collected"), ("is_late", "=", False)])
        late = late.filtered(lambda c: c.date < company_today(c, c.company_id))
        if not late:
            return late
        todo = self.env.ref("mail.mail_activity_data_todo")
        finance = group_users(self.env, GROUP_FINANCE).filtered(
            lambda u: not u.share)
        supervisors = group_users(self.env, GROUP_SUPERVISOR)
        for collection in late:
            team = collection.ticket_id.team_id.user_ids
            told = (finance | (supervisors & team or supervisors)).filtered(
                lambda u, c=collection.company_id: c in u.company_ids)
            summary = _("Receipt %(receipt)s: %(amount)s %(currency)s collected "
                        "by %(user)s on %(date)s is not handed over to "
                        "finance") % {
                "receipt": collection.name, "amount": collection.amount,
                "currency": collection.currency_id.name,
                "user": collection.user_id.name, "date": collection.date}
            for user in told:
                collection._aftersales_activity_schedule(
                    todo, user, company_today(collection, collection.company_id),
                    summary)
        late.write({"is_late": True})
        return late
