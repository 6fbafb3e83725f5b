# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    todo_ticket_count_sla_risk = fields.Integer(
        string="Tickets with SLA at Risk",
        compute="_compute_todo_ticket_count_sla_risk")

    def _compute_todo_ticket_count_sla_risk(self):
        """T3, T4: one grouped count for the whole dashboard."""
        data = self.env["helpdesk.ticket"].read_group(
            [("team_id", "in", self.ids), ("sla_at_risk", "=", True),
             ("stage_id.closed", "=", False)], ["team_id"], ["team_id"])
        counts = {row["team_id"][0]: row["team_id_count"] for row in data}
        for team in self:
            team.todo_ticket_count_sla_risk = counts.get(team.id, 0)
