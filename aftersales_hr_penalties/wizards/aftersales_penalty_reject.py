# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesPenaltyReject(models.TransientModel):
    """P6: HR rejects one or many records with one reason."""

    _name = "aftersales.penalty.reject"
    _description = "Reject Penalty and Reward Records"

    penalty_ids = fields.Many2many(
        "aftersales.penalty", string="Records",
        default=lambda self: [(6, 0, self.env.context.get("active_ids") or [])])
    reason = fields.Text(required=True)

    @api.multi
    def action_reject(self):
        self.ensure_one()
        self.penalty_ids.action_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
