# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .aftersales_survey import VISIT_ROLES


class AftersalesVisit(models.Model):
    """Q8 → Q1, Q3: an issue raised on a customer visit becomes a quality
    feedback form, whose corrective and preventive actions follow it up."""

    _inherit = "aftersales.visit"

    quality_feedback_ids = fields.One2many(
        "aftersales.quality.feedback", "visit_id", string="Quality Feedback Forms")
    quality_feedback_count = fields.Integer(
        compute="_compute_quality_feedback_count")
    survey_ids = fields.One2many(
        "aftersales.survey", "visit_id", string="Satisfaction Surveys")

    def _compute_quality_feedback_count(self):
        """One grouped query, as superuser: the counter shows to whoever reads
        the visit, the forms themselves only to who may read them."""
        data = self.env["aftersales.quality.feedback"].sudo().read_group(
            [("visit_id", "in", self.ids)], ["visit_id"], ["visit_id"])
        counts = {row["visit_id"][0]: row["visit_id_count"] for row in data}
        for visit in self:
            visit.quality_feedback_count = counts.get(visit.id, 0)

    @api.multi
    def action_done(self):
        """Q10: a key customer's visit in person hands each of the customer's
        purchasing, technical, quality and production contacts a survey."""
        res = super().action_done()
        self._send_visit_surveys()
        return res

    @api.multi
    def _send_visit_surveys(self):
        """Q10: one survey per contact and visit, however often called."""
        surveys = self.env["aftersales.survey"].sudo()
        for visit in self.filtered(
                lambda v: v.contact_mode == "in_person" and v.state == "done"
                and v.partner_id.commercial_partner_id.aftersales_customer_class
                == "key"):
            customer = visit.partner_id.commercial_partner_id
            contacts = surveys._respondents(customer, VISIT_ROLES) \
                - visit.sudo().survey_ids.mapped("contact_id")
            surveys._create_for_partners(contacts, "visit", visit=visit)
        return True

    @api.multi
    def action_create_quality_feedback(self):
        """Q8: open a new quality feedback form filled from the visit record."""
        self.ensure_one()
        action = self.env.ref(
            "aftersales_quality.aftersales_quality_feedback_action").read()[0]
        context = {
            "default_visit_id": self.id,
            "default_partner_id": self.partner_id.id,
            "default_defect_description": self.issues_raised or False,
        }
        if len(self.equipment_ids) == 1:
            context.update(default_equipment_id=self.equipment_ids.id,
                           default_product_id=self.equipment_ids.product_id.id,
                           default_lot_id=self.equipment_ids.lot_id.id)
        action.update(views=[(False, "form")], view_mode="form", context=context)
        return action

    @api.multi
    def action_view_quality_feedback(self):
        self.ensure_one()
        action = self.env.ref(
            "aftersales_quality.aftersales_quality_feedback_action").read()[0]
        action["domain"] = [("visit_id", "=", self.id)]
        action["context"] = {"default_visit_id": self.id,
                             "default_partner_id": self.partner_id.id}
        return action
