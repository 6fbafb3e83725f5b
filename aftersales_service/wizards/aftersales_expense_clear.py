# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesExpenseClear(models.TransientModel):
    """T16, P8 (rev. 2): a service supervisor clears doubtful receipts, with
    the reason they are accepted."""

    _name = "aftersales.expense.clear"
    _description = "Clear a Doubtful Receipt"

    expense_ids = fields.Many2many(
        "hr.expense", string="Receipts",
        default=lambda self: [(6, 0, self.env.context.get("active_ids") or [])])
    reason = fields.Text(string="Why Accepted", required=True)

    @api.multi
    def action_apply(self):
        self.ensure_one()
        self.expense_ids.action_aftersales_clear(self.reason)
        return {"type": "ir.actions.act_window_close"}
