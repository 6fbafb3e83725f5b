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
    # not "reason": its field xml id would be aftersales.penalty's
    # reject_reason's (field_aftersales_penalty_reject_reason)
    rejection_reason = fields.Text(string="Reason", required=True)

    @api.multi
    def action_reject(self):
        self.ensure_one()
        # P5 (rev. 2): a reward not yet approved is refused by its chain
        chain = self.penalty_ids.filtered(
            lambda p: p.state in ("to_review", "to_approve"))
        if chain:
            chain.action_reward_refuse(self.rejection_reason)
        if self.penalty_ids - chain:
            (self.penalty_ids - chain).action_reject(self.rejection_reason)
        return {"type": "ir.actions.act_window_close"}
