# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_penalty_complaint_days = fields.Integer(
        string="Repeated Complaint Window (days)", default=365,
        help="A verified complaint of the same customer about the same problem "
             "type within this many days of an earlier one doubles the fine.")

    @api.constrains("aftersales_penalty_complaint_days")
    def _check_aftersales_penalty_complaint_days(self):
        self._aftersales_check_not_negative(["aftersales_penalty_complaint_days"])
