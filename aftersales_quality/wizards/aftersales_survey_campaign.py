# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.aftersales_service.tools import GROUP_QUALITY_USER

GROUP_SALESMAN = "sales_team.group_sale_salesman"


class AftersalesSurveyCampaign(models.TransientModel):
    """Q7: the quarterly survey campaign to the customers chosen in the list.
    A wizard rather than a server action, because in 11.0 only window actions
    can be limited to a group in the list's Action menu."""

    _name = "aftersales.survey.campaign"
    _description = "Quarterly Satisfaction Survey Campaign"

    partner_ids = fields.Many2many(
        "res.partner", string="Customers", required=True,
        default=lambda self: self._default_partner_ids())

    @api.model
    def _default_partner_ids(self):
        if self.env.context.get("active_model") != "res.partner":
            return self.env["res.partner"]
        return self.env["res.partner"].browse(self.env.context.get("active_ids"))

    @api.multi
    def action_send(self):
        """Q7, Q10: one quarterly survey per chosen customer's purchasing
        contact, its link mailed; Sales sends it (002), Quality too."""
        user = self.env.user
        if self.env.uid != SUPERUSER_ID and not user.has_group(GROUP_SALESMAN) \
                and not user.has_group(GROUP_QUALITY_USER):
            raise AccessError(_(
                "Only Sales and the Quality department send the quarterly "
                "satisfaction survey campaign."))
        self.mapped("partner_ids").action_send_quarterly_survey()
        return {"type": "ir.actions.act_window_close"}
