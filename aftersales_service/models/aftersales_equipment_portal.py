# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesEquipment(models.Model):
    """C1: a unit's service history as its customer sees it on the portal."""

    _inherit = "aftersales.equipment"

    @api.multi
    def _portal_history(self):
        """Visits done, parts replaced and the next planned maintenance visit
        of this unit (three searches for the page, none per line)."""
        self.ensure_one()
        visits = self.env["aftersales.visit"].sudo()
        done = visits.search([("equipment_ids", "in", self.ids),
                              ("state", "=", "done")],
                             order="visit_date desc, id desc")
        next_visit = visits.search([
            ("equipment_ids", "in", self.ids),
            ("visit_type", "=", "preventive"),
            ("state", "in", ("planned", "scheduled")),
            ("planned_date", ">=", fields.Date.context_today(self)),
        ], order="planned_date, id", limit=1)
        parts = self.env["aftersales.dispatch.part"].sudo().search([
            ("dispatch_id.equipment_id", "=", self.id),
            ("dispatch_id.state", "!=", "cancelled"),
            ("used", "=", True),
        ], order="id desc")
        return {"visits": done, "next_visit": next_visit, "parts": parts}
