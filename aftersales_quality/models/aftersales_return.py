# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_service.tools import (
    GROUP_QUALITY_USER, GROUP_SERVICE_USER, company_today)


class AftersalesReturn(models.Model):
    """T13: with the Quality addon, received goods are inspected by Quality."""

    _inherit = "aftersales.return"

    # ------------------------------------------------------------------
    # Quality's inspection of the received goods (T13)
    # ------------------------------------------------------------------
    inspection_ids = fields.One2many(
        "aftersales.return.inspection", "return_id", string="Inspections",
        groups=",".join((GROUP_SERVICE_USER, GROUP_QUALITY_USER,
                         "sales_team.group_sale_salesman")))
    # named quality_*: inspection_id and inspection_result would make the same
    # field xml ids as the inspection's id and result
    quality_inspection_id = fields.Many2one(
        "aftersales.return.inspection", string="Inspection",
        compute="_compute_quality_inspection_id")
    quality_result = fields.Selection(
        related="quality_inspection_id.result", readonly=True)
    feedback_id = fields.Many2one(
        related="quality_inspection_id.feedback_id", readonly=True,
        string="Quality Feedback Form")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("inspection_ids")
    def _compute_quality_inspection_id(self):
        for request in self:
            request.quality_inspection_id = request.sudo().inspection_ids[:1]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_view_inspection(self):
        self.ensure_one()
        return self._action_open(self.quality_inspection_id)

    # ------------------------------------------------------------------
    # Business methods: the service addon's hooks
    # ------------------------------------------------------------------
    @api.multi
    def _aftersales_on_received(self):
        """T13: receiving opens the inspection, a to-do for Quality."""
        res = super()._aftersales_on_received()
        inspections = self.env["aftersales.return.inspection"].sudo()
        todo = self.env.ref("mail.mail_activity_data_todo")
        today = company_today(self)
        inspectors = inspections._inspectors()
        for request in self.filtered(lambda r: not r.inspection_ids):
            inspection = inspections.create({"return_id": request.id})
            for inspector in inspectors:
                inspection._aftersales_activity_schedule(
                    todo, inspector, today,
                    _("Inspect the returned goods of %s") % request.name)
        return res

    @api.multi
    def _aftersales_check_inspection_done(self):
        """T13: with Quality installed, only its inspection releases the goods."""
        res = super()._aftersales_check_inspection_done()
        for request in self.sudo():
            if request.inspection_ids.filtered(lambda i: i.state != "done") \
                    or not request.inspection_ids:
                raise UserError(_(
                    "Return %s: the Quality department records the inspection; "
                    "the request moves on when it is done.") % request.name)
        return res
