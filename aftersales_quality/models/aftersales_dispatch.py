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
        return res


class AftersalesDispatchPart(models.Model):
    """Q1: a replaced part opens its ticket's quality feedback form."""

    _inherit = "aftersales.dispatch.part"

    @api.model
    def create(self, vals):
        line = super().create(vals)
        if line.used:
            line.dispatch_id.ticket_id._aftersales_quality_feedback_ensure()
        return line

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if vals.get("used"):
            self.mapped("dispatch_id.ticket_id")._aftersales_quality_feedback_ensure()
        return res
