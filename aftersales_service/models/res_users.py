# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def create(self, vals):
        """F1: a new user (portal users given access to an existing contact
        among them) gets the company's time zone unless one is chosen."""
        user = super().create(vals)
        if not vals.get("tz") and not user.tz:
            company = user.company_id or self.env.user.company_id
            tz = company.sudo().partner_id.tz
            if tz:
                user.partner_id.sudo().tz = tz
        return user
