# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AftersalesDispatch(models.Model):
    """Q1: an on-site job opens its ticket's quality feedback form."""

    _inherit = "aftersales.dispatch"

    @api.model
    def create(self, vals):
        dispatch = super().create(vals)
        dispatch.ticket_id._aftersales_quality_feedback_ensure()
        return dispatch

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") == "cancelled":
            self.mapped("ticket_id")._aftersales_quality_feedback_release()
        if "fault_cause" in vals or "part_line_ids" in vals:
            # Q1, Q2: the draft forms take what the report now says
            self._aftersales_quality_prefill()
        return res

    @api.multi
    def _aftersales_quality_prefill(self):
        forms = self.env["aftersales.quality.feedback"].sudo().search([
            ("ticket_id", "in", self.mapped("ticket_id").ids),
            ("state", "=", "draft")])
        return forms._prefill_from_report()


class AftersalesDispatchPart(models.Model):
    """Q1: a replaced part opens its ticket's quality feedback form."""

    _inherit = "aftersales.dispatch.part"

    @api.model
    def create(self, vals):
        line = super().create(vals)
        if line.used:
            line.dispatch_id.ticket_id._aftersales_quality_feedback_ensure()
            line.dispatch_id._aftersales_quality_prefill()
        return line

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if vals.get("used"):
            self.mapped("dispatch_id.ticket_id")._aftersales_quality_feedback_ensure()
            self.mapped("dispatch_id")._aftersales_quality_prefill()
        return res
