# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HelpdeskTicketChannel(models.Model):
    """R3: the intake channels (T1) are read by service staff and customers
    in their own language: helpdesk_mgmt's names are made translatable."""

    _inherit = "helpdesk.ticket.channel"

    name = fields.Char(translate=True)
