# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesTicketCloseWarning(models.TransientModel):
    """T6: tells why a ticket was not closed, without rolling back the
    proposal made at the close attempt."""

    _name = "aftersales.ticket.close.warning"
    _description = "Ticket Not Closed"

    ticket_id = fields.Many2one("helpdesk.ticket", readonly=True)
    message = fields.Text(readonly=True)
