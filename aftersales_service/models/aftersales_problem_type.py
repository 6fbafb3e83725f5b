# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesProblemType(models.Model):
    """T2: problem types are data the after-sales manager extends."""

    _name = "aftersales.problem.type"
    _description = "Problem Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    applies_to = fields.Selection(
        [("machine", "Machines"), ("material", "Materials"), ("any", "Any Product")],
        default="any", required=True)
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "Another problem type has this code."),
    ]

    @api.constrains("code")
    def _check_code_length(self):
        self.env["res.company"]._aftersales_check_length(self, {"code": 32})

    @api.multi
    def unlink(self):
        """F4: an entry that records use is archived, not deleted."""
        self.env["aftersales.facts"]._check_unlink_unused(self)
        return super().unlink()
