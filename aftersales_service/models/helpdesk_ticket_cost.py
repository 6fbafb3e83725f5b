# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

COST_GROUPS = "aftersales_service.group_aftersales_supervisor," \
              "account.group_account_invoice"


class HelpdeskTicket(models.Model):
    """S5: what a job cost and, when the customer pays, what it earned. The
    figures are the cost analysis's rows (``aftersales.service.cost``), read
    for all the tickets shown in one grouped query; the analysis is where
    costs are filtered and grouped."""

    _inherit = ["helpdesk.ticket"]

    aftersales_parts_cost = fields.Float(
        string="Parts Cost", compute="_compute_aftersales_cost",
        groups=COST_GROUPS,
        help="Parts fitted on site or mailed, at their cost when they left "
             "stock.")
    aftersales_expense_cost = fields.Float(
        string="Expenses", compute="_compute_aftersales_cost",
        groups=COST_GROUPS,
        help="Expenses claimed against the job's dispatches, unless refused.")
    aftersales_cost = fields.Float(
        string="Service Cost", compute="_compute_aftersales_cost",
        groups=COST_GROUPS)
    aftersales_credit_amount = fields.Float(
        string="Supplier Credits", compute="_compute_aftersales_cost",
        groups=COST_GROUPS,
        help="Credits received from suppliers for defective parts of this "
             "job sent back to them.")
    aftersales_revenue = fields.Float(
        string="Revenue", compute="_compute_aftersales_cost",
        groups=COST_GROUPS,
        help="A chargeable job's posted invoices before tax, less refunds; "
             "before invoicing, its confirmed quotation before tax.")
    aftersales_margin = fields.Float(
        string="Margin", compute="_compute_aftersales_cost",
        groups=COST_GROUPS,
        help="Revenue less the service cost, plus the supplier credits "
             "received.")

    @api.depends("charge_type", "quotation_id")
    def _compute_aftersales_cost(self):
        """S5: one grouped query over the cost rows of all these tickets."""
        rows = self.env["aftersales.service.cost"].sudo().read_group(
            [("ticket_id", "in", self.ids)],
            ["ticket_id", "kind", "cost_amount", "credit_amount"],
            ["ticket_id", "kind"], lazy=False)
        totals = {}
        for row in rows:
            kinds = totals.setdefault(row["ticket_id"][0], {})
            kinds[row["kind"]] = (row["cost_amount"], row["credit_amount"])
        for ticket in self:
            kinds = totals.get(ticket.id, {})
            parts = sum(kinds.get(kind, (0.0, 0.0))[0]
                        for kind in ("part", "mailed"))
            expenses = kinds.get("expense", (0.0, 0.0))[0]
            credit = kinds.get("credit", (0.0, 0.0))[1]
            revenue = ticket._aftersales_revenue()
            ticket.aftersales_parts_cost = parts
            ticket.aftersales_expense_cost = expenses
            ticket.aftersales_cost = parts + expenses
            ticket.aftersales_credit_amount = credit
            ticket.aftersales_revenue = revenue
            ticket.aftersales_margin = revenue - parts - expenses + credit \
                if ticket.charge_type == "chargeable" else 0.0

    @api.multi
    def _aftersales_revenue(self):
        """S5: what a chargeable job earns, before tax."""
        self.ensure_one()
        order = self.sudo().quotation_id
        if self.charge_type != "chargeable" or not order:
            return 0.0
        invoices = order.invoice_ids.filtered(
            lambda i: i.state in ("open", "paid"))
        if invoices:
            return sum(invoices.mapped("amount_untaxed_signed"))
        if order.state in ("sale", "done"):
            return order.amount_untaxed
        return 0.0
