# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# register -> (report action xml id, model it lists)
REGISTERS = {
    "calls": ("aftersales_service.action_register_calls_xlsx", "helpdesk.ticket"),
    "dispatch": ("aftersales_service.action_register_dispatch_xlsx",
                 "aftersales.dispatch"),
    "fees": ("aftersales_service.action_register_fees_xlsx", "helpdesk.ticket"),
    "followups": ("aftersales_service.action_register_followup_xlsx",
                  "helpdesk.ticket"),
    "takeback": ("aftersales_service.action_register_takeback_xlsx",
                 "aftersales.takeback"),
    "parts": ("aftersales_service.action_register_parts_xlsx",
              "aftersales.dispatch.part"),
}


def _first_of_month(wizard):
    today = fields.Date.from_string(fields.Date.context_today(wizard))
    return fields.Date.to_string(today + relativedelta(day=1))


class AftersalesRegisterWizard(models.TransientModel):
    """R1: a service register of a period as an Excel file, for the
    supervisor's monthly paperwork."""

    _name = "aftersales.register.wizard"
    _description = "Print a Service Register"

    register = fields.Selection(
        [("calls", "Incoming Calls and Letters"), ("dispatch", "Dispatch Records"),
         ("fees", "Fees and Expenses"), ("followups", "Follow-ups"),
         ("takeback", "Units Taken Back"),
         ("parts", "Parts Issued and Returned")],
        required=True, default="calls")
    date_from = fields.Date(string="From", required=True, default=_first_of_month)
    date_to = fields.Date(string="To", required=True,
                          default=fields.Date.context_today)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        if self.filtered(lambda w: w.date_to < w.date_from):
            raise ValidationError(_(
                "The register's period ends before it starts: set \"To\" on or "
                "after \"From\"."))

    @api.multi
    def action_print(self):
        """The chosen register of the period; the report searches the records
        itself, so the download URL stays short however many rows there are."""
        self.ensure_one()
        xmlid, model = REGISTERS[self.register]
        action = self.env.ref(xmlid).report_action(
            self.env[model], config=False,
            data={"date_from": self.date_from, "date_to": self.date_to})
        # without records, the context is the environment's frozendict, which
        # XML-RPC cannot send
        action["context"] = dict(action["context"])
        return action
