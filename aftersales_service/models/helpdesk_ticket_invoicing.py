# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models

from ..tools import GROUP_FINANCE, company_today, group_users, in_company_lang

#: the decision accounting's to-do waits for
INVOICE_TODAY = "invoice_today"


class HelpdeskTicket(models.Model):
    """T16 (rev. 2): a fee not collected on the spot is invoiced the same
    day."""

    _inherit = ["helpdesk.ticket"]

    @api.multi
    def _aftersales_on_closed(self):
        res = super()._aftersales_on_closed()
        self._aftersales_invoice_uncollected()
        return res

    @api.multi
    @in_company_lang
    def _aftersales_invoice_uncollected(self):
        """At the close of a chargeable job whose accepted quotation was
        neither collected on site nor invoiced in full, accounting gets a
        to-do dated the company's today (F1) with the amount to invoice;
        once per ticket."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        accounting = group_users(self.env, GROUP_FINANCE).filtered(
            lambda u: not u.share)
        for ticket in self.sudo().filtered(
                lambda t: t.quotation_id.state in ("sale", "done")
                and t._aftersales_done()):
            due = ticket.quotation_id.amount_total - max(
                ticket.aftersales_collected_total,
                ticket.aftersales_invoiced_amount)
            if due < 0.005 or self.env["mail.activity"].search_count([
                    ("res_model", "=", self._name), ("res_id", "=", ticket.id),
                    ("aftersales_decision", "=", INVOICE_TODAY)]):
                continue
            summary = _("Invoice ticket %(ticket)s today: %(amount)s %(currency)s "
                        "not collected on site") % {
                "ticket": ticket.number, "amount": round(due, 2),
                "currency": ticket.quotation_id.currency_id.name}
            for user in accounting.filtered(
                    lambda u, c=ticket.company_id: c in u.company_ids):
                ticket._aftersales_activity_schedule(
                    todo, user, company_today(ticket, ticket.company_id),
                    summary, decision=INVOICE_TODAY)
        return True
