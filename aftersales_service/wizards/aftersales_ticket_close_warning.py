# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesTicketCloseWarning(models.TransientModel):
    """T6, T11, Q1: tells why the Close button left a ticket open (every
    blocker), without rolling back what the refused close recorded."""

    _name = "aftersales.ticket.close.warning"
    _description = "Ticket Not Closed"

    ticket_id = fields.Many2one("helpdesk.ticket", readonly=True)
    message = fields.Text(readonly=True)
