# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools

COST_KINDS = [("part", "Parts"), ("mailed", "Parts Mailed"),
              ("expense", "Expenses"), ("credit", "Supplier Credit")]


class AftersalesServiceCost(models.Model):
    """S5, Q4: what each service job cost, one row per cost: a part fitted
    on site or mailed (valued at the cost stock gave it when it moved), an
    expense claimed against the job, and a supplier's credit received for a
    part sent back. Pivot and graph sum it by product line, supplier and
    month; the ticket's own cost figures read the same rows
    (``helpdesk.ticket._compute_aftersales_cost``), so the two agree.

    Hours are not costed: the suite logs no timesheets (hr_timesheet is not
    installed)."""

    _name = "aftersales.service.cost"
    _description = "Service Cost Analysis"
    _auto = False
    _rec_name = "ticket_id"
    _order = "date desc, id desc"

    kind = fields.Selection(COST_KINDS, string="Cost Type", readonly=True)
    ticket_id = fields.Many2one("helpdesk.ticket", string="Service Ticket",
                                readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date = fields.Date(readonly=True)
    charge_type = fields.Selection(
        [("free", "Free of Charge"), ("chargeable", "Chargeable")],
        readonly=True)
    product_categ_id = fields.Many2one(
        "product.category", string="Product Line", readonly=True)
    product_id = fields.Many2one("product.product", string="Part",
                                 readonly=True)
    supplier_id = fields.Many2one("res.partner", string="Supplier",
                                  readonly=True)
    cost_amount = fields.Float(string="Cost", readonly=True)
    credit_amount = fields.Float(string="Credit Received", readonly=True)
    net_amount = fields.Float(string="Net Cost", readonly=True)

    def _supplier_sql(self, product):
        """The part's main vendor (first of its Purchase tab)."""
        return """(SELECT si.name FROM product_supplierinfo si
                     JOIN product_product sp ON sp.product_tmpl_id = si.product_tmpl_id
                    WHERE sp.id = %s ORDER BY si.sequence, si.id LIMIT 1)""" % product

    def _local_date_sql(self, column):
        """F1: a UTC timestamp as the company's day."""
        return ("(%s AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(cp.tz, 'UTC'))::date"
                % column)

    def _query(self):
        ticket = """JOIN helpdesk_ticket t ON t.id = {ticket}
                    LEFT JOIN aftersales_equipment eq ON eq.id = t.equipment_id
                    LEFT JOIN res_company co ON co.id = t.company_id
                    LEFT JOIN res_partner cp ON cp.id = co.partner_id"""
        common = "t.company_id, t.charge_type, eq.product_categ_id"
        parts = """
            SELECT line.id * 4 AS id, 'part' AS kind, t.id AS ticket_id,
                   {common}, {date} AS date, m.product_id,
                   {supplier} AS supplier_id,
                   -COALESCE(m.value, 0) AS cost_amount, 0.0 AS credit_amount
              FROM aftersales_dispatch_part line
              JOIN aftersales_dispatch d ON d.id = line.dispatch_id
              JOIN stock_move m ON m.id = line.fitted_move_id AND m.state = 'done'
              {ticket}""".format(
            common=common, date=self._local_date_sql("m.date"),
            supplier=self._supplier_sql("m.product_id"),
            ticket=ticket.format(ticket="d.ticket_id"))
        mailed = """
            SELECT m.id * 4 + 1, 'mailed', t.id, {common}, {date}, m.product_id,
                   {supplier}, -COALESCE(m.value, 0), 0.0
              FROM stock_move m
              JOIN stock_picking p ON p.id = m.picking_id
              JOIN stock_location dest ON dest.id = m.location_dest_id
              {ticket}
             WHERE m.state = 'done' AND dest.usage = 'customer'""".format(
            common=common, date=self._local_date_sql("m.date"),
            supplier=self._supplier_sql("m.product_id"),
            ticket=ticket.format(ticket="p.aftersales_ticket_id"))
        expenses = """
            SELECT e.id * 4 + 2, 'expense', t.id, {common}, e.date, NULL::int,
                   NULL::int, e.total_amount, 0.0
              FROM hr_expense e
              {ticket}
             WHERE e.state != 'refused'""".format(
            common=common, ticket=ticket.format(ticket="e.aftersales_ticket_id"))
        credits = """
            SELECT c.id * 4 + 3, 'credit', t.id, {common}, c.received_date,
                   c.product_id, c.supplier_id, 0.0, c.amount_received
              FROM aftersales_supplier_credit c
              {ticket}
             WHERE c.state = 'received'""".format(
            common=common, ticket=ticket.format(ticket="c.ticket_id"))
        return """
            SELECT u.id, u.kind, u.ticket_id, u.company_id, u.charge_type,
                   u.product_categ_id, u.date, u.product_id, u.supplier_id,
                   u.cost_amount, u.credit_amount,
                   u.cost_amount - u.credit_amount AS net_amount
              FROM ({parts} UNION ALL {mailed} UNION ALL {expenses}
                    UNION ALL {credits}) u""".format(
            parts=parts, mailed=mailed, expenses=expenses, credits=credits)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("CREATE OR REPLACE VIEW %s AS (%s)"
                            % (self._table, self._query()))
