# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

# Q10: who at the customer answers which survey
CONTACT_ROLES = [
    ("purchasing", "Purchasing"),
    ("technical", "Technical"),
    ("quality", "Quality"),
    ("production", "Production"),
]


class ResPartner(models.Model):
    """Q4: a supplier's quality record; Q7: how often a customer is surveyed;
    Q10: which contact answers which survey."""

    _inherit = "res.partner"

    aftersales_survey_more_often = fields.Boolean(
        string="Survey More Often", track_visibility="onchange",
        help="Set by an unhappy survey answer: the customer is surveyed every "
             "quarter instead of yearly.")
    aftersales_contact_role = fields.Selection(
        CONTACT_ROLES, string="Contact Role",
        help="The contact's part at the customer: the purchasing contact "
             "answers the quarterly satisfaction survey; at a key customer's "
             "visit the purchasing, technical, quality and production "
             "contacts each answer one.")
    supplier_quality_feedback_count = fields.Integer(
        string="Quality Forms as Supplier",
        compute="_compute_supplier_quality_feedback_count")

    def _compute_supplier_quality_feedback_count(self):
        """One grouped query for all the partners."""
        data = self.env["aftersales.quality.feedback"].sudo().read_group(
            [("supplier_id", "in", self.ids)], ["supplier_id"],
            ["supplier_id"])
        counts = {row["supplier_id"][0]: row["supplier_id_count"] for row in data}
        for partner in self:
            partner.supplier_quality_feedback_count = counts.get(partner.id, 0)

    @api.multi
    def action_view_supplier_quality_feedback(self):
        self.ensure_one()
        action = self.env.ref(
            "aftersales_quality.aftersales_quality_feedback_action").read()[0]
        action["domain"] = [("supplier_id", "=", self.id)]
        action["context"] = {"default_supplier_id": self.id}
        return action

    @api.multi
    def action_send_quarterly_survey(self):
        """Q7, Q10: the quarterly campaign, sent to the chosen customers'
        purchasing contacts (to the customer itself when it has none)."""
        surveys = self.env["aftersales.survey"]
        respondents = self.env["res.partner"]
        for customer in self.mapped("commercial_partner_id"):
            respondents |= surveys._respondents(customer, ("purchasing",)) \
                or customer
        surveys._create_for_partners(respondents, "quarterly")
        return True
