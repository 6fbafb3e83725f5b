# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HelpdeskTicketChannel(models.Model):
    """R3: the intake channels (T1) are read by service staff and customers
    in their own language: helpdesk_mgmt's names are made translatable."""

    _inherit = "helpdesk.ticket.channel"

    name = fields.Char(translate=True)
    # T1: the team of the channel's tickets when the company routes by channel
    aftersales_team_id = fields.Many2one(
        "helpdesk.ticket.team", string="Service Team",
        help="When new tickets go to the team by intake channel: the team of "
             "this channel's tickets; empty: the after-sales team.")
