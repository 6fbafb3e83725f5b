# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HelpdeskTicketStage(models.Model):
    """F3: a closed stage says whether the job was done or cancelled;
    helpdesk_mgmt's Cancelled stage is ``closed`` like Done."""

    _inherit = "helpdesk.ticket.stage"

    is_cancellation = fields.Boolean(
        string="Cancels the Ticket",
        help="A closed stage that means the job was cancelled, not done: no "
             "repeat repair, follow-up, satisfaction survey, service receipt, "
             "completed-job figure or penalty follows from it.")
    aftersales_pause = fields.Boolean(
        string="Pauses the Clocks",
        help="Tickets in this stage wait for the customer (a later appointment "
             "the customer asked for, parts the customer sends): their "
             "deadlines stop until they leave it.")
    # T5: the step of the job a ticket reaches in this stage; the ticket
    # moves here by itself when the job gets there
    aftersales_step = fields.Selection([
        ("remote", "Remote Support"),
        ("approval", "Waiting for Approval"),
        ("dispatched", "Dispatched"),
        ("onsite", "On Site"),
        ("report", "Report Done"),
    ], string="Step of the Job",
        help="Tickets move to this stage by themselves when the job reaches "
             "this step (a remote session, the on-site request, its approval, "
             "the check-in, the filed report); never back.")
