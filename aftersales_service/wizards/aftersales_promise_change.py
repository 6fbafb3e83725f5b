# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesPromiseChange(models.TransientModel):
    """T18: the new time told to the customer, with the reason, which stays
    in the ticket's chatter."""

    _name = "aftersales.promise.change"
    _description = "Change the Promised Time"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Ticket", required=True, ondelete="cascade")
    current_date = fields.Datetime(
        related="ticket_id.promised_date", readonly=True, string="Promised Until Now")
    promised_date = fields.Datetime(string="New Promised Time", required=True)
    reason = fields.Text(required=True)

    @api.multi
    def action_apply(self):
        self.ensure_one()
        self.ticket_id._aftersales_change_promise(self.promised_date, self.reason)
        return {"type": "ir.actions.act_window_close"}
