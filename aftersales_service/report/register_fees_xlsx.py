# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, models

FEE_FIELDS = [
    ("number", "text", 12), ("reported_date", "datetime", 17),
    ("partner_id", "text", 28), ("product_id", "text", 24),
    ("lot_id", "text", 16), ("charge_type", "text", 14),
    ("sale_order_ids", "text", 18),
]
POSTED_INVOICE_STATES = ("open", "paid")


class RegisterFeesXlsx(models.AbstractModel):
    """R1, S4, T16: fees and expenses per ticket. What was quoted (the ticket's
    sale orders that are not cancelled), invoiced and paid (their posted
    invoices, refunds deducted, in company currency), and what the dispatches
    cost (HR expenses claimed against them, refused claims left out); a totals
    row under the money columns."""

    _name = "report.aftersales_service.register_fees_xlsx"
    _inherit = "report.aftersales_service.register_abstract"
    _register_order = "reported_date, id"
    _register_with_totals = True

    @api.model
    def _register_title(self):
        return _("Fees and Expenses")

    @api.model
    def _register_domain(self, date_from, date_to):
        """Tickets reported in the period that were quoted or dispatched."""
        start, stop = self._utc_bounds(date_from, date_to)
        return [("reported_date", ">=", start), ("reported_date", "<", stop),
                "|", ("sale_order_ids", "!=", False),
                ("dispatch_ids", "!=", False)]

    @api.model
    def _register_columns(self, records):
        headers = self._headers(records, [f for f, _k, _w in FEE_FIELDS])
        columns = [(headers[fname], kind, width)
                   for fname, kind, width in FEE_FIELDS]
        columns += [(_("Quoted Amount"), "money", 15),
                    (_("Invoiced Amount"), "money", 15),
                    (_("Paid Amount"), "money", 15),
                    (_("Expenses"), "money", 15)]
        return columns

    @api.model
    def _register_rows(self, records):
        charges = self._selection_labels(records, "charge_type")
        fnames = [f for f, _k, _w in FEE_FIELDS if f != "sale_order_ids"]
        for batch in self._batches(records):
            money = self._money(batch)
            for ticket in batch.read(fnames):
                amounts = money[ticket["id"]]
                yield [
                    ticket["number"], ticket["reported_date"],
                    self._m2o_name(ticket["partner_id"]),
                    self._m2o_name(ticket["product_id"]),
                    self._m2o_name(ticket["lot_id"]),
                    charges.get(ticket["charge_type"]),
                    ", ".join(amounts["orders"]),
                    amounts["quoted"], amounts["invoiced"], amounts["paid"],
                    amounts["expenses"],
                ]

    @api.model
    def _money(self, tickets):
        """Quoted, invoiced, paid and spent per ticket of a batch: one read of
        the orders, one of their invoices, one grouped sum of the expenses. As
        superuser: the supervisor may not read sales, invoices or another
        employee's expenses, but reports their totals for tickets they see."""
        money = defaultdict(lambda: {"orders": [], "quoted": 0.0, "invoiced": 0.0,
                                     "paid": 0.0, "expenses": 0.0})
        orders = self.env["sale.order"].sudo().search_read(
            [("aftersales_ticket_id", "in", tickets.ids), ("state", "!=", "cancel")],
            ["aftersales_ticket_id", "name", "amount_total", "invoice_ids"],
            order="id")
        invoice_ids = {inv for order in orders for inv in order["invoice_ids"]}
        invoices = {inv["id"]: inv for inv in self.env["account.invoice"].sudo(
            ).browse(list(invoice_ids)).read(
                ["state", "amount_total_company_signed",
                 "residual_company_signed"])}
        ticket_invoices = defaultdict(set)
        for order in orders:
            ticket_id = order["aftersales_ticket_id"][0]
            money[ticket_id]["orders"].append(order["name"])
            money[ticket_id]["quoted"] += order["amount_total"]
            ticket_invoices[ticket_id].update(order["invoice_ids"])
        for ticket_id, ids in ticket_invoices.items():
            for invoice in (invoices[i] for i in ids):
                if invoice["state"] not in POSTED_INVOICE_STATES:
                    continue
                total = invoice["amount_total_company_signed"]
                money[ticket_id]["invoiced"] += total
                money[ticket_id]["paid"] += \
                    total - invoice["residual_company_signed"]
        for row in self.env["hr.expense"].sudo().read_group(
                [("aftersales_ticket_id", "in", tickets.ids),
                 ("state", "!=", "refused")],
                ["aftersales_ticket_id", "total_amount"],
                ["aftersales_ticket_id"]):
            money[row["aftersales_ticket_id"][0]]["expenses"] = \
                row["total_amount"]
        return money
