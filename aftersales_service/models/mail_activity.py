# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools import company_today

# the systray's groups of to-dos, as a date_deadline condition against today
ACTIVITY_FILTERS = {"overdue": "<", "today": "=", "planned": ">", "upcoming_all": ">",
                    "my": "<="}


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

    @api.model
    def aftersales_open_activities(self, res_model, activity_filter="my"):
        """What a click on a group of the user's to-dos in the systray opens
        (``role_screens.js``): the record itself when there is one, else a
        list of the records (then their forms), never a bare kanban. The
        groups are those of Odoo's menu: overdue, today, planned, or "my"
        (overdue and today)."""
        if res_model not in self.env:
            raise UserError(_("Unknown kind of record: %s.") % res_model)
        operator = ACTIVITY_FILTERS.get(activity_filter, "<=")
        today = fields.Date.context_today(self)
        activities = self.search([
            ("user_id", "=", self.env.uid), ("res_model", "=", res_model),
            ("date_deadline", operator, today)])
        records = self.env[res_model].search(
            [("id", "in", activities.mapped("res_id"))])
        name = self.env["ir.model"]._get(res_model).display_name
        action = {"type": "ir.actions.act_window", "name": name,
                  "res_model": res_model, "target": "current"}
        if len(records) == 1:
            action.update(view_mode="form", views=[(False, "form")],
                          res_id=records.id)
        else:
            action.update(view_mode="tree,form",
                          views=[(False, "list"), (False, "form")],
                          domain=[("id", "in", records.ids)])
        return action
