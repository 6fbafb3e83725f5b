# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrEmployee(models.Model):
    """T14: an employee's service qualifications."""

    _inherit = "hr.employee"

    aftersales_qualification_ids = fields.One2many(
        "aftersales.qualification", "employee_id", string="Qualifications")
    aftersales_qualification_count = fields.Integer(
        compute="_compute_aftersales_qualification_count",
        string="Qualification Count")

    @api.multi
    def _compute_aftersales_qualification_count(self):
        data = self.env["aftersales.qualification"].read_group(
            [("employee_id", "in", self.ids)], ["employee_id"], ["employee_id"])
        counts = {row["employee_id"][0]: row["employee_id_count"] for row in data}
        for employee in self:
            employee.aftersales_qualification_count = counts.get(employee.id, 0)
