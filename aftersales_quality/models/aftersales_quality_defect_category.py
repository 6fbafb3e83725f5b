# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesQualityDefectCategory(models.Model):
    """Q2: where a defect comes from; a catalogue the quality manager extends."""

    _name = "aftersales.quality.defect.category"
    _description = "Defect Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_purchased_part = fields.Boolean(
        string="Purchased Part",
        help="A defect of a bought-in part: the form must name the supplier and "
             "Purchasing follows it up.")
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("name_unique", "unique(name)", "A defect category with this name exists."),
    ]

    @api.multi
    def unlink(self):
        """F4: an entry that records use is archived, not deleted."""
        self.env["aftersales.facts"]._check_unlink_unused(self)
        return super().unlink()
