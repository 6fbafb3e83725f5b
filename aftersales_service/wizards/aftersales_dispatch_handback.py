# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..models.aftersales_dispatch_change import CHANGE_REASONS


class AftersalesDispatchHandback(models.TransientModel):
    """T21: an engineer hands a planned job back to the dispatcher, with the
    reason; the supervisors get a to-do to plan it again."""

    _name = "aftersales.dispatch.handback"
    _description = "Hand a Dispatch Back"

    dispatch_id = fields.Many2one(
        "aftersales.dispatch", string="Dispatch", required=True,
        ondelete="cascade")
    reason = fields.Selection(CHANGE_REASONS, required=True)
    note = fields.Char(help="Required when the reason is \"Other\".")

    @api.multi
    def action_apply(self):
        self.ensure_one()
        self.dispatch_id._aftersales_hand_back(self.reason, self.note)
        return {"type": "ir.actions.act_window_close"}
