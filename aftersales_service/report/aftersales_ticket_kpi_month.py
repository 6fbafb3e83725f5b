# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools

# (column of the KPI view, column here) of the rates the figures follow
RATES = [
    ("response_met", "response"),
    ("arrival_met", "arrival"),
    ("resolved", "resolved"),
    ("first_time_fix", "first_time_fix"),
    ("repeat_repair", "repeat_repair"),
]


class AftersalesTicketKpiMonth(models.Model):
    """Q9: the figures a manager reads each month: per company and month
    (in the company's time zone, F1) each rate in %, the calendar month
    before beside it (empty when it had no ticket) and the company's
    target.

    Read from the KPI view's own SQL (``_select``/``_from``/``_where`` of
    ``aftersales.ticket.kpi``), not from the view itself: another addon
    rebuilding that view would drop a view that depends on it."""

    _name = "aftersales.ticket.kpi.month"
    _description = "Monthly Service Figures"
    _auto = False
    _order = "month desc"

    name = fields.Char(string="Month", readonly=True)
    month = fields.Date(string="First Day", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    tickets = fields.Integer(readonly=True)
    response = fields.Float(string="First Response in Time (%)", readonly=True,
                            group_operator="avg")
    response_previous = fields.Float(string="Previous Month (%)",
                                     readonly=True, group_operator="avg")
    response_target = fields.Float(string="Target (%)", readonly=True,
                                   group_operator="avg")
    arrival = fields.Float(string="Arrival in Time (%)", readonly=True,
                           group_operator="avg")
    arrival_previous = fields.Float(string="Previous Month (%)", readonly=True,
                                    group_operator="avg")
    arrival_target = fields.Float(string="Target (%)", readonly=True,
                                  group_operator="avg")
    resolved = fields.Float(string="Resolved (%)", readonly=True,
                            group_operator="avg")
    resolved_previous = fields.Float(string="Previous Month (%)",
                                     readonly=True, group_operator="avg")
    resolved_target = fields.Float(string="Target (%)", readonly=True,
                                   group_operator="avg")
    first_time_fix = fields.Float(string="First-Time Fix (%)", readonly=True,
                                  group_operator="avg")
    first_time_fix_previous = fields.Float(string="Previous Month (%)",
                                           readonly=True, group_operator="avg")
    first_time_fix_target = fields.Float(string="Target (%)", readonly=True,
                                         group_operator="avg")
    repeat_repair = fields.Float(string="Repeat Repairs (%)", readonly=True,
                                 group_operator="avg")
    repeat_repair_previous = fields.Float(string="Previous Month (%)",
                                          readonly=True, group_operator="avg")
    repeat_repair_target = fields.Float(string="Limit (%)", readonly=True,
                                        group_operator="avg")

    @api.model
    def _query(self):
        """The view's SELECT: the KPI view's rows (its own SQL), averaged per
        company and local month, beside the month before and the targets."""
        kpi = self.env["aftersales.ticket.kpi"]
        averages = ",\n".join(
            "AVG(k.%s) AS %s" % (column, name) for column, name in RATES)
        beside = ",\n".join(
            "m.{0}, p.{0} AS {0}_previous, "
            "c.aftersales_target_{0} AS {0}_target".format(name)
            for _c, name in RATES)
        return """
            WITH k AS (SELECT %(select)s FROM %(source)s WHERE %(where)s),
            m AS (
                SELECT k.company_id,
                       date_trunc('month', timezone(
                           COALESCE(cp.tz, 'UTC'),
                           k.reported_date AT TIME ZONE 'UTC'))::date AS month,
                       COUNT(*) AS tickets,
                       %(averages)s
                  FROM k
                  JOIN res_company kc ON kc.id = k.company_id
                  LEFT JOIN res_partner cp ON cp.id = kc.partner_id
                 GROUP BY 1, 2)
            SELECT row_number() OVER (ORDER BY m.company_id, m.month) AS id,
                   to_char(m.month, 'YYYY-MM') AS name,
                   m.month, m.company_id, m.tickets,
                   %(beside)s
              FROM m
              JOIN res_company c ON c.id = m.company_id
              LEFT JOIN m p ON p.company_id = m.company_id
                           AND p.month = (m.month - INTERVAL '1 month')::date
        """ % {"select": kpi._select(), "source": kpi._from(),
               "where": kpi._where(), "averages": averages, "beside": beside}

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("CREATE OR REPLACE VIEW %s AS (%s)"
                            % (self._table, self._query()))
