# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    team_leader_id = fields.Many2one(
        "res.users", string="Team Leader",
        help="Carries a verified complaint that names no responsible person.")
