# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HelpdeskTicketTag(models.Model):
    """R3: tag names read in the user's language (Chinese staff and
    customers, English beside it)."""
    _inherit = "helpdesk.ticket.tag"

    name = fields.Char(translate=True)
