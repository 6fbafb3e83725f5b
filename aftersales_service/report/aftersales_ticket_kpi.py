# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools

from ..models.helpdesk_ticket import TICKET_KINDS

AGE_BUCKETS = [("1_week", "Up to 7 Days"), ("2_month", "8 to 30 Days"),
               ("3_older", "Over 30 Days")]


class AftersalesTicketKpi(models.Model):
    """Q9, T3, T4, T8: the service supervisor's KPI dashboard, one row per
    ticket over an SQL view so that pivot and graph aggregate in the database.

    The rates are 0/100 columns averaged by the pivot, so that the average
    reads as a percentage (Q9). A clock still running (response or arrival
    not yet met nor missed) and a ticket without on-site service are NULL,
    so they count neither for nor against the rate. Cancelled tickets are
    left out. Other addons add columns by extending ``_select`` and
    ``_from`` (aftersales_quality adds the satisfaction average); the
    monthly figures (``aftersales.ticket.kpi.month``) read the same SQL."""

    _name = "aftersales.ticket.kpi"
    _description = "Service KPI"
    _auto = False
    _rec_name = "ticket_id"
    _order = "reported_date desc"

    ticket_id = fields.Many2one("helpdesk.ticket", string="Ticket", readonly=True)
    reported_date = fields.Datetime(string="Reported On", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", string="Team", readonly=True)
    user_id = fields.Many2one("res.users", string="Technician", readonly=True)
    product_id = fields.Many2one("product.product", string="Product", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    customer_class = fields.Selection(
        [("key", "Key"), ("general", "General")], readonly=True)
    urgency = fields.Selection(
        [("urgent", "Urgent"), ("normal", "Normal"), ("minor", "Minor")],
        readonly=True)
    problem_type_id = fields.Many2one(
        "aftersales.problem.type", string="Problem Type", readonly=True)
    aftersales_kind = fields.Selection(
        TICKET_KINDS, string="Ticket Kind", readonly=True)
    stage_id = fields.Many2one("helpdesk.ticket.stage", string="Stage",
                               readonly=True)
    is_open = fields.Boolean(string="Open", readonly=True)
    age_bucket = fields.Selection(AGE_BUCKETS, string="Open For", readonly=True)
    response_met = fields.Float(
        string="Response in Time (%)", group_operator="avg", readonly=True,
        help="100 when the first response met its deadline, 0 when it "
             "missed it; the average is the response compliance rate.")
    arrival_met = fields.Float(
        string="Arrival in Time (%)", group_operator="avg", readonly=True,
        help="100 when the engineer arrived on site by the deadline, 0 when "
             "late; empty without on-site service.")
    resolved = fields.Float(
        string="Resolved (%)", group_operator="avg", readonly=True,
        help="100 for a closed ticket: the average is the resolution rate.")
    hours_to_close = fields.Float(group_operator="avg", readonly=True)
    repeat_repair = fields.Float(
        string="Repeat Repairs (%)", group_operator="avg", readonly=True,
        help="100 for a repeat repair: the average is the repeat-repair "
             "rate.")
    # K1, T17 (Q9): the handbook and the consultations
    handbook_entry_id = fields.Many2one(
        "aftersales.handbook.entry", string="Handbook Entry", readonly=True)
    fault_code_id = fields.Many2one(
        "aftersales.fault.code", string="Fault Code", readonly=True)
    first_time_fix = fields.Float(
        string="First-Time Fix (%)", group_operator="avg", readonly=True,
        help="For a closed ticket with on-site service: 100 when one "
             "dispatch fixed it and no repeat repair followed, else 0.")
    solved_remotely = fields.Float(
        string="Solved Remotely (%)", group_operator="avg", readonly=True,
        help="For a closed repair or material ticket: 100 when a remote "
             "session solved it without anyone going on site.")
    solved_with_handbook = fields.Float(
        string="Solved Remotely with the Handbook (%)", group_operator="avg",
        readonly=True,
        help="For a closed repair or material ticket: 100 when it was "
             "solved remotely with a handbook entry.")
    open_consultation = fields.Float(
        string="Open Consultations", group_operator="sum", readonly=True,
        help="1 while the ticket's internal technical consultation has no "
             "conclusion.")
    age_days = fields.Float(
        string="Age (Days)", group_operator="avg", readonly=True,
        help="Days since an open ticket was reported.")

    @api.model
    def _select(self):
        return """
            t.id AS id,
            t.id AS ticket_id,
            t.reported_date AS reported_date,
            t.company_id AS company_id,
            t.team_id AS team_id,
            t.user_id AS user_id,
            e.product_id AS product_id,
            p.commercial_partner_id AS partner_id,
            cp.aftersales_customer_class AS customer_class,
            t.urgency AS urgency,
            t.problem_type_id AS problem_type_id,
            t.aftersales_kind AS aftersales_kind,
            t.stage_id AS stage_id,
            NOT COALESCE(s.closed, FALSE) AS is_open,
            CASE WHEN COALESCE(s.closed, FALSE) THEN NULL
                 WHEN t.reported_date > (NOW() AT TIME ZONE 'UTC')
                      - INTERVAL '7 days' THEN '1_week'
                 WHEN t.reported_date > (NOW() AT TIME ZONE 'UTC')
                      - INTERVAL '30 days' THEN '2_month'
                 ELSE '3_older' END AS age_bucket,
            CASE t.response_state WHEN 'met' THEN 100.0
                 WHEN 'missed' THEN 0.0 END AS response_met,
            CASE t.arrival_state WHEN 'met' THEN 100.0
                 WHEN 'missed' THEN 0.0 END AS arrival_met,
            CASE WHEN s.closed THEN 100.0 ELSE 0.0 END AS resolved,
            CASE WHEN s.closed THEN EXTRACT(
                EPOCH FROM t.closed_date - t.reported_date) / 3600.0
                 END AS hours_to_close,
            CASE WHEN t.is_repeat_repair THEN 100.0 ELSE 0.0 END
                 AS repeat_repair,
            CASE WHEN NOT COALESCE(s.closed, FALSE) THEN EXTRACT(
                EPOCH FROM (NOW() AT TIME ZONE 'UTC') - t.reported_date) / 86400.0
                 END AS age_days,
            t.handbook_entry_id AS handbook_entry_id,
            t.fault_code_id AS fault_code_id,
            CASE WHEN s.closed AND kd.dispatches > 0 THEN
                 CASE WHEN kd.dispatches = 1 AND NOT EXISTS (
                     SELECT 1 FROM helpdesk_ticket rt WHERE rt.repeat_of_id = t.id)
                 THEN 100.0 ELSE 0.0 END END AS first_time_fix,
            CASE WHEN s.closed AND t.aftersales_kind IN ('repair', 'material') THEN
                 CASE WHEN kd.dispatches = 0 AND kd.remote_solved
                 THEN 100.0 ELSE 0.0 END END AS solved_remotely,
            CASE WHEN s.closed AND t.aftersales_kind IN ('repair', 'material') THEN
                 CASE WHEN kd.dispatches = 0 AND kd.remote_solved
                      AND t.handbook_entry_id IS NOT NULL
                 THEN 100.0 ELSE 0.0 END END AS solved_with_handbook,
            CASE WHEN kd.consulting THEN 1.0 ELSE 0.0 END AS open_consultation
        """

    @api.model
    def _from(self):
        return """
            helpdesk_ticket t
            LEFT JOIN helpdesk_ticket_stage s ON s.id = t.stage_id
            LEFT JOIN aftersales_equipment e ON e.id = t.equipment_id
            LEFT JOIN res_partner p ON p.id = t.partner_id
            LEFT JOIN res_partner cp ON cp.id = p.commercial_partner_id
            LEFT JOIN LATERAL (
                SELECT (SELECT COUNT(*) FROM aftersales_dispatch d
                        WHERE d.ticket_id = t.id AND d.state != 'cancelled')
                           AS dispatches,
                       EXISTS (SELECT 1 FROM aftersales_remote_session r
                               WHERE r.ticket_id = t.id AND r.result = 'solved')
                           AS remote_solved,
                       EXISTS (SELECT 1 FROM aftersales_consultation c
                               WHERE c.ticket_id = t.id
                                 AND c.state IN ('draft', 'open'))
                           AS consulting
            ) kd ON TRUE
        """

    @api.model
    def _where(self):
        """F3: cancelled tickets are no service given: left out of every
        rate (their stage says it cancels them)."""
        return "NOT COALESCE(s.is_cancellation, FALSE)"

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("CREATE OR REPLACE VIEW %s AS (SELECT %s FROM %s WHERE %s)"
                            % (self._table, self._select(), self._from(),
                               self._where()))
