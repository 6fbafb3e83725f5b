# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResUsers(models.Model):
    """P3, P6: the helpdesk teams a user is a member of, so that record rules
    can reach the team's leader and members in SQL."""

    _inherit = "res.users"

    # the other side of helpdesk.ticket.team.user_ids (same relation table)
    aftersales_helpdesk_team_ids = fields.Many2many(
        "helpdesk.ticket.team", "helpdesk_ticket_team_res_users_rel",
        "res_users_id", "helpdesk_ticket_team_id", string="Service Teams",
        readonly=True)
