# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..tools import company_today


class MailActivity(models.Model):
    """A to-do the suite schedules while a decision is awaited names that
    decision, so that making it closes the to-do for everyone who had one
    (``mail.activity.mixin._aftersales_activity_done``)."""

    _inherit = "mail.activity"

    aftersales_decision = fields.Char(
        string="Awaited Decision", readonly=True, copy=False,
        help="The decision this to-do waits for; once it is made, the to-do "
             "is marked done for everyone who had one.")

    @api.multi
    def action_feedback(self, feedback=False):
        """T9: what the customer said, typed when the follow-up to-do is
        marked done, is the ticket's follow-up outcome (not typed twice)."""
        followup = self.env.ref("aftersales_service.mail_activity_followup")
        for activity in self.filtered(
                lambda a: a.activity_type_id == followup
                and a.res_model == "helpdesk.ticket"):
            ticket = self.env["helpdesk.ticket"].browse(activity.res_id)
            vals = {"followup_date": company_today(ticket, ticket.company_id)}
            if feedback:
                vals["followup_outcome"] = feedback
            ticket.write(vals)
        return super().action_feedback(feedback)
