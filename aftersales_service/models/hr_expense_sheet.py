# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class HrExpenseSheet(models.Model):
    """T16, P8 (rev. 2): a report with a doubtful receipt not cleared is
    neither approved nor paid."""

    _inherit = "hr.expense.sheet"

    @api.multi
    def approve_expense_sheets(self):
        self.mapped("expense_line_ids")._aftersales_check_reimbursable()
        # True for an RPC client (core answers None)
        return super().approve_expense_sheets() or True

    @api.multi
    def action_sheet_move_create(self):
        self.mapped("expense_line_ids")._aftersales_check_reimbursable()
        return super().action_sheet_move_create()
