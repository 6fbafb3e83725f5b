# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import company_today, describe, group_users

GROUP_PURCHASE_USER = "purchase.group_purchase_user"
# the decision Purchasing's to-do on a credit waits for (Q4)
FOLLOW_UP = "supplier_credit"


class AftersalesSupplierCredit(models.Model):
    """Q4, S5: the money a supplier owes for a defective purchased part sent
    back to him: expected when the part goes back, followed up by Purchasing
    until the supplier credits it or refuses."""

    _name = "aftersales.supplier.credit"
    _description = "Supplier Credit"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.guard",
                "aftersales.numbered"]
    _aftersales_sequence_code = "aftersales.supplier.credit"
    _order = "id desc"
    # Q4: the returned part is the return's, the outcome the two actions'
    _guarded_fields = ("state", "received_by_id", "refused_by_id",
                       "company_id", "ticket_id", "part_line_id", "product_id",
                       "lot_name", "quantity", "supplier_id",
                       "return_picking_id")

    # ------------------------------------------------------------------
    # The returned part
    # ------------------------------------------------------------------
    name = fields.Char(string="Number", required=True, copy=False,
                       readonly=True, default="/", index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True,
        default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(related="company_id.currency_id",
                                  readonly=True)
    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Service Ticket", index=True, readonly=True,
        ondelete="restrict")
    part_line_id = fields.Many2one(
        "aftersales.dispatch.part", string="Replaced Part", index=True,
        readonly=True, ondelete="restrict")
    product_id = fields.Many2one(
        "product.product", string="Part", required=True, readonly=True)
    lot_name = fields.Char(string="Serial / Lot", readonly=True)
    quantity = fields.Float(default=1.0, readonly=True)
    supplier_id = fields.Many2one(
        "res.partner", string="Supplier", required=True, index=True,
        readonly=True, track_visibility="onchange")
    return_picking_id = fields.Many2one(
        "stock.picking", string="Return to Supplier", readonly=True,
        copy=False)
    return_state = fields.Selection(
        related="return_picking_id.state", readonly=True,
        string="Return Status")
    # ------------------------------------------------------------------
    # The money (Q4: closed with money, not only a message)
    # ------------------------------------------------------------------
    amount_expected = fields.Monetary(
        string="Expected Credit", track_visibility="onchange",
        help="What the supplier should credit: the part's purchase price "
             "times the quantity sent back.")
    state = fields.Selection(
        [("expected", "Awaiting Credit"), ("received", "Credit Received"),
         ("refused", "Credit Refused")], default="expected", required=True,
        readonly=True, copy=False, index=True, track_visibility="onchange")
    amount_received = fields.Monetary(
        string="Credit Received", track_visibility="onchange")
    received_date = fields.Date(string="Received On",
                                track_visibility="onchange")
    received_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    refused_reason = fields.Text(string="Reason for Refusal",
                                 track_visibility="onchange")
    refused_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("amount_expected", "amount_received")
    def _check_amounts(self):
        for credit in self:
            if credit.amount_expected < 0 or credit.amount_received < 0:
                raise ValidationError(_(
                    "%s: a credit is not negative; enter the amounts as "
                    "positive numbers.") % describe(credit))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.multi
    def _guard_final(self):
        """Q4: a received or refused credit is settled."""
        return self.filtered(lambda c: c.state != "expected")

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_received(self):
        """Q4: the supplier credited the part: the amount and the day are
        recorded and Purchasing's follow-up ends."""
        for credit in self:
            credit._check_open()
            if credit.amount_received <= 0 or not credit.received_date:
                raise UserError(_(
                    "%s: fill in \"Credit Received\" (more than zero) and "
                    "\"Received On\" before marking the credit received; if "
                    "the supplier pays nothing, refuse it with the reason.")
                    % describe(credit))
            credit._guard_write({"state": "received",
                                 "received_by_id": self.env.uid})
        self._aftersales_activity_done(FOLLOW_UP)
        return True

    @api.multi
    def action_refuse(self):
        """Q4: the supplier refused: the reason is recorded, the follow-up
        ends."""
        for credit in self:
            credit._check_open()
            if not (credit.refused_reason or "").strip():
                raise UserError(_(
                    "%s: fill in \"Reason for Refusal\" (what the supplier "
                    "answered) before refusing the credit.") % describe(credit))
            credit._guard_write({"state": "refused",
                                 "refused_by_id": self.env.uid})
        self._aftersales_activity_done(FOLLOW_UP)
        return True

    @api.multi
    def _check_open(self):
        self.ensure_one()
        if self.state != "expected":
            raise UserError(_(
                "%s is already settled: it cannot be received or refused "
                "again.") % describe(self))
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _aftersales_follow_up(self):
        """Q4: every purchase user gets the credit on his to-do list until
        it is received or refused."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        users = group_users(self.env, GROUP_PURCHASE_USER)
        for credit in self:
            summary = _("Get the credit for %(part)s from %(supplier)s") % {
                "part": credit.product_id.display_name,
                "supplier": credit.supplier_id.display_name}
            for user in users:
                credit._aftersales_activity_schedule(
                    todo, user, company_today(credit), summary,
                    decision=FOLLOW_UP)
        return True
