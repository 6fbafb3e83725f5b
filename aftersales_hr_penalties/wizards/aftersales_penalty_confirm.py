# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesPenaltyConfirm(models.TransientModel):
    """P6: HR confirms many proposals at once. A window action, unlike a server
    action in 11.0, can be bound for HR officers only."""

    _name = "aftersales.penalty.confirm"
    _description = "Confirm Penalty and Reward Records"

    penalty_ids = fields.Many2many(
        "aftersales.penalty", string="Records",
        default=lambda self: [(6, 0, self.env.context.get("active_ids") or [])])

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.penalty_ids.action_confirm()
        return {"type": "ir.actions.act_window_close"}
