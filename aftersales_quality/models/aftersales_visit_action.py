# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.aftersales_service.tools import GROUP_QUALITY_USER, lock_rows


class AftersalesVisitAction(models.Model):
    """Q8 → Q1, Q3: an action decided on a customer visit can become its own
    quality feedback form, whose corrective and preventive actions follow it
    up."""

    _inherit = "aftersales.visit.action"

    quality_feedback_id = fields.Many2one(
        "aftersales.quality.feedback", string="Quality Feedback Form",
        readonly=True, copy=False, ondelete="set null")

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_create_quality_feedback(self):
        """Q8: the action's quality feedback form, made once by the Quality
        department: a second click, even a simultaneous one, opens the form
        already made."""
        self.ensure_one()
        if not self.env.user.has_group(GROUP_QUALITY_USER):
            raise AccessError(_(
                "Only the Quality department turns a visit action into a "
                "quality feedback form."))
        lock_rows(self, _(
            "Someone is turning the action \"%s\" into a quality feedback form "
            "at this moment: open the visit again in a few seconds.") % self.name)
        feedback = self.quality_feedback_id
        if not feedback:
            feedback = self.env["aftersales.quality.feedback"].create(
                self._quality_feedback_vals())
            # Quality reads visit actions only: the link is the sole write
            self.sudo().quality_feedback_id = feedback
        action = self.env.ref(
            "aftersales_quality.aftersales_quality_feedback_action").read()[0]
        action.update(res_id=feedback.id, views=[(False, "form")],
                      view_mode="form")
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _quality_feedback_vals(self):
        """The form starts from the visit: customer, the action's unit (or the
        only unit covered), the action and the issues raised."""
        self.ensure_one()
        visit = self.visit_id
        unit = self.equipment_id or (
            len(visit.equipment_ids) == 1 and visit.equipment_ids)
        description = "\n".join(
            text for text in (self.name, visit.issues_raised) if text)
        vals = {
            "visit_id": visit.id,
            "partner_id": visit.partner_id.id,
            "company_id": visit.company_id.id,
            "defect_description": description,
        }
        if unit:
            vals.update(equipment_id=unit.id, product_id=unit.product_id.id,
                        lot_id=unit.lot_id.id)
        return vals
