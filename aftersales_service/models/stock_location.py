# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockLocation(models.Model):
    _inherit = "stock.location"

    # T19: whose van this is; the record rules show an engineer his own only
    aftersales_engineer_id = fields.Many2one(
        "res.users", string="Engineer", readonly=True, index=True,
        help="The engineer whose own service stock this location is.")
