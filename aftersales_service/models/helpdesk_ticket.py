# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html2plaintext, html_escape

from .aftersales_equipment import WARRANTY_STATES
from ..tools import (
    GROUP_SUPERVISOR, FactError, company_date, company_day_bounds, company_time,
    company_today, describe, group_users, in_company_lang, lock_rows,
)

# T3, W2: the times that set the SLA clocks and the frozen warranty
SLA_FIELDS = ("reported_date", "first_response_date")
# written by the ticket from other facts, never a reason to derive again
DERIVED_FIELDS = {"warranty_state", "onsite_window_open", "is_repeat_repair",
                  "repeat_of_id",
                  "followup_scheduled"}
# T3 rev. 2: what can start or end a wait for the customer
HOLD_TRIGGERS = {"stage_id", "quotation_id", "waiver_state", "customer_caused"}

TICKET_KINDS = [
    ("repair", "Repair"),
    ("installation", "Installation"),
    ("training", "Training"),
    ("maintenance", "Maintenance Visit"),
    ("material", "Material Usage"),
    ("sample", "Sample Request"),
    ("complaint", "Complaint"),
    ("suggestion", "Suggestion or Enquiry"),  # C8
]
SLA_STATES = [("pending", "Open"), ("met", "Met"), ("missed", "Missed"),
              ("none", "Not Applicable")]


class HelpdeskTicket(models.Model):
    """Service ticket: a helpdesk ticket about one unit of a customer, from the
    call to the follow-up."""

    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "aftersales.portal.mixin", "aftersales.guard"]
    # C1: a customer who may read its ticket answers on it from the portal
    _mail_post_access = "read"
    # F2, F3 (aftersales.guard): decided by the ticket's actions only: on-site
    # approval (T5, W4), the waiver decision (W5), the report and first
    # response times (T3; a supervisor corrects them), the warranty frozen at
    # the report (W2) and the repeat-repair and follow-up facts (T8, T9); the
    # computed charge and SLA clocks are guarded as every stored computation.
    _guarded_fields = (
        "onsite_state", "onsite_approved_by", "waiver_state",
        "waiver_approved_by", "waiver_approved_on", "warranty_state",
        "onsite_window_open", "parts_mailed_on", "parts_mailed_by",
        "is_repeat_repair", "repeat_of_id", "followup_scheduled",
        "onsite_approved_on", "quotation_accepted_on", "promised_date",
        "hold_since", "hold_reason", "hold_hours", "response_hold_hours",
        "arrival_hold_hours") + SLA_FIELDS
    _corrected_fields = SLA_FIELDS
    # F3: a closed ticket keeps its follow-up call open (T9)
    _open_when_final = ("followup_date", "followup_outcome", "reopen_reason")

    # ------------------------------------------------------------------
    # Intake (T1, C6) and classification (T2)
    # ------------------------------------------------------------------
    aftersales_kind = fields.Selection(
        TICKET_KINDS, string="Ticket Kind", default="repair", required=True,
        track_visibility="onchange")
    aftersales_visit_id = fields.Many2one(
        "aftersales.visit", string="From Visit", readonly=True, copy=False,
        index=True, ondelete="set null",
        help="The customer visit whose record opened this ticket.")
    equipment_id = fields.Many2one(
        "aftersales.equipment", string="Service File", index=True,
        track_visibility="onchange")
    lot_id = fields.Many2one(
        related="equipment_id.lot_id", readonly=True, string="Serial Number")
    product_id = fields.Many2one(
        related="equipment_id.product_id", readonly=True, string="Product")
    sale_order_id = fields.Many2one(
        related="equipment_id.sale_order_id", readonly=True, string="Order")
    product_grade = fields.Char(
        help="Grade of the product complained about; filled from the "
             "service file when there is one.")
    purchase_date = fields.Date(
        help="When the customer bought it; filled from the service file "
             "when there is one.")
    reported_date = fields.Datetime(
        string="Reported On", required=True, default=fields.Datetime.now,
        track_visibility="onchange",
        help="When the customer reported the problem: the SLA clocks and the "
             "warranty state count from here.")
    occurred_date = fields.Datetime(string="Occurred On")
    production_state = fields.Selection(
        [("stopped", "Production Stopped"), ("degraded", "Production Degraded"),
         ("normal", "Production Normal")],
        string="Customer's Production")
    urgency = fields.Selection(
        [("urgent", "Urgent"), ("normal", "Normal"), ("minor", "Minor")],
        default="normal", required=True, track_visibility="onchange")
    problem_type_id = fields.Many2one(
        "aftersales.problem.type", string="Problem Type", track_visibility="onchange")
    complained_user_id = fields.Many2one(
        "res.users", string="Employee Complained About",
        help="For complaints about a person.")
    # ------------------------------------------------------------------
    # Warranty frozen at the report date (W2) and charge rules (W3, W5)
    # ------------------------------------------------------------------
    warranty_state = fields.Selection(
        WARRANTY_STATES, string="Warranty at Report", readonly=True,
        help="The unit's warranty on the day the problem was reported; later "
             "edits of the service file do not change it.")
    onsite_window_open = fields.Boolean(
        string="In On-site Window at Report", readonly=True, default=True,
        help="Whether free on-site service was still given on the day the "
             "problem was reported; outside the window an on-site visit is "
             "chargeable, even in warranty.")
    customer_caused = fields.Boolean(
        string="Caused by the Customer", track_visibility="onchange",
        help="Misuse or a visit the customer caused: chargeable even in warranty.")
    charge_type = fields.Selection(
        [("free", "Free of Charge"), ("chargeable", "Chargeable")],
        compute="_compute_charge_and_sla", store=True, track_visibility="onchange")
    charge_reason = fields.Char(compute="_compute_charge_and_sla", store=True)
    # ------------------------------------------------------------------
    # SLA clocks (T3, T4, T18): each runs on its team's calendar, pauses
    # while the ticket waits for the customer and keeps by how much it was
    # missed
    # ------------------------------------------------------------------
    response_deadline = fields.Datetime(
        compute="_compute_charge_and_sla", store=True, string="Respond By")
    first_response_date = fields.Datetime(
        string="First Response", track_visibility="onchange")
    response_state = fields.Selection(
        SLA_STATES, compute="_compute_charge_and_sla", store=True,
        string="Response SLA")
    response_missed_hours = fields.Float(
        compute="_compute_charge_and_sla", store=True,
        string="Response Missed By (hours)",
        help="Working time on the response calendar between the deadline and "
             "the first response.")
    customer_appointment = fields.Datetime(
        string="Appointment with the Customer", track_visibility="onchange",
        copy=False,
        help="The later time the customer asked for, or the agreed installation "
             "appointment: the arrival clock starts there when it is later "
             "than the approval. A service supervisor sets it.")
    arrival_start = fields.Datetime(
        compute="_compute_charge_and_sla", store=True, string="Arrival Clock From",
        help="When on-site service became the company's commitment: the "
             "supervisor's approval, the customer's acceptance of the quotation "
             "of a chargeable job, or the customer's later appointment.")
    arrival_deadline = fields.Datetime(
        compute="_compute_charge_and_sla", store=True, string="Arrive By")
    arrival_date = fields.Datetime(
        compute="_compute_charge_and_sla", store=True, string="Arrived On")
    arrival_state = fields.Selection(
        SLA_STATES, compute="_compute_charge_and_sla", store=True, string="Arrival SLA")
    arrival_missed_hours = fields.Float(
        compute="_compute_charge_and_sla", store=True,
        string="Arrival Missed By (hours)",
        help="Working time on the arrival calendar between the deadline and "
             "the arrival.")
    promised_date = fields.Datetime(
        string="Promised Solution", copy=False,
        help="When the customer was told the problem will be solved; changed "
             "with \"Change Promised Time\" and a reason.")
    resolution_state = fields.Selection(
        SLA_STATES, compute="_compute_charge_and_sla", store=True,
        string="Promise Kept")
    resolution_missed_hours = fields.Float(
        compute="_compute_charge_and_sla", store=True,
        string="Promise Missed By (hours)")
    sla_at_risk = fields.Boolean(
        compute="_compute_charge_and_sla", store=True, string="SLA at Risk")
    next_deadline = fields.Datetime(
        compute="_compute_charge_and_sla", store=True,
        help="The earliest deadline of the clocks still running: first "
             "reply, arrival on site or the promised solution.")
    time_left = fields.Char(
        compute="_compute_time_left",
        help="Working or not, the time until the next deadline (negative: "
             "how long ago it passed).")
    hold_since = fields.Datetime(
        string="Clocks Paused Since", readonly=True, copy=False,
        help="The ticket waits for the customer: its clocks are paused.")
    hold_reason = fields.Char(string="Paused Because", readonly=True, copy=False)
    hold_hours = fields.Float(
        string="Time on Hold (hours)", readonly=True, copy=False,
        help="Total time the ticket waited for the customer.")
    response_hold_hours = fields.Float(readonly=True, copy=False)
    arrival_hold_hours = fields.Float(readonly=True, copy=False)
    # ------------------------------------------------------------------
    # Remote first, then approved on-site (T5, W4)
    # ------------------------------------------------------------------
    remote_session_ids = fields.One2many(
        "aftersales.remote.session", "ticket_id", string="Remote Support")
    onsite_state = fields.Selection(
        [("none", "Not Requested"), ("requested", "Waiting for Approval"),
         ("approved", "Approved"), ("rejected", "Rejected")],
        default="none", required=True, copy=False, track_visibility="onchange",
        string="On-site Service", readonly=True,
        help="Changes only through Request, Approve and Reject On-site.")
    onsite_reason = fields.Text(string="Why On-site", copy=False)
    # W4 (rev. 2): a severe problem goes on site without a remote attempt,
    # with the supervisor's approval and the reason recorded
    severe_problem = fields.Boolean(
        copy=False, track_visibility="onchange",
        help="Major structural damage or a danger to production safety: "
             "on-site service may be requested without a remote attempt; the "
             "supervisor decides.")
    severe_reason = fields.Text(
        string="Why Severe", copy=False, track_visibility="onchange")
    onsite_reject_reason = fields.Text(string="Rejection Reason", copy=False)
    onsite_approved_by = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False)
    onsite_approved_on = fields.Datetime(
        string="Approved On", readonly=True, copy=False)
    # Q1, S2: spare parts mailed to the customer without a visit
    parts_mailed_on = fields.Datetime(readonly=True, copy=False)
    parts_mailed_by = fields.Many2one("res.users", readonly=True, copy=False)
    dispatch_ids = fields.One2many(
        "aftersales.dispatch", "ticket_id", string="Dispatches")
    dispatch_count = fields.Integer(compute="_compute_dispatch_count")
    # ------------------------------------------------------------------
    # Paid service through Sales (S1-S4)
    # ------------------------------------------------------------------
    part_ids = fields.One2many(
        "aftersales.ticket.part", "ticket_id", string="Planned Spare Parts",
        help="Parts the job is expected to need: quoted on a chargeable ticket "
             "and taken along by the dispatch.")
    sale_order_ids = fields.One2many(
        "sale.order", "aftersales_ticket_id", string="Quotations")
    sale_order_count = fields.Integer(compute="_compute_sale_order_count")
    quotation_id = fields.Many2one(
        "sale.order", string="Quotation", readonly=True, copy=False, index=True,
        track_visibility="onchange",
        help="The current quotation of this chargeable job.")
    quotation_accepted_on = fields.Datetime(readonly=True, copy=False)
    quotation_currency_id = fields.Many2one(
        related="quotation_id.currency_id", readonly=True)
    quotation_amount = fields.Monetary(
        related="quotation_id.amount_total", readonly=True,
        currency_field="quotation_currency_id", string="Quoted Amount")
    quotation_state = fields.Selection(
        related="quotation_id.state", readonly=True, string="Quotation Status")
    quotation_invoice_status = fields.Selection(
        related="quotation_id.invoice_status", readonly=True,
        string="Invoice Status")
    quotation_payment_state = fields.Selection(
        [("none", "Not Invoiced"), ("open", "Invoiced, Not Paid"),
         ("paid", "Paid")],
        compute="_compute_quotation_payment_state", string="Payment Status")
    waiver_state = fields.Selection(
        [("none", "Not Requested"), ("requested", "Waiting for Approval"),
         ("approved", "Approved"), ("rejected", "Rejected")],
        string="Free of Charge", default="none", required=True, copy=False,
        track_visibility="onchange",
        help="A chargeable job done free of charge needs the service "
             "supervisor's approval.")
    waiver_reason = fields.Text(string="Why Free of Charge", copy=False)
    waiver_approved_by = fields.Many2one(
        "res.users", string="Free of Charge Decided By", readonly=True, copy=False)
    waiver_approved_on = fields.Datetime(
        string="Free of Charge Decided On", readonly=True, copy=False)
    quotation_line_ids = fields.One2many(
        related="quotation_id.order_line", readonly=True,
        string="Quotation Lines",
        groups="aftersales_service.group_aftersales_user")
    # ------------------------------------------------------------------
    # Money on the road: dispatch expenses and payments collected on site (T16)
    # ------------------------------------------------------------------
    aftersales_expense_total = fields.Float(
        string="Expenses", compute="_compute_aftersales_expense_total",
        help="Total of the expenses claimed against the ticket's dispatches.")
    aftersales_collection_ids = fields.One2many(
        "aftersales.collection", "ticket_id", string="On-site Payments",
        groups="aftersales_service.group_aftersales_user,"
               "account.group_account_invoice")
    aftersales_collection_count = fields.Integer(
        string="Payments", compute="_compute_aftersales_collected")
    aftersales_collected_total = fields.Float(
        string="Collected On Site", compute="_compute_aftersales_collected",
        help="Money the technicians collected on site for this job.")
    aftersales_invoiced_amount = fields.Float(
        string="Invoiced", compute="_compute_aftersales_collected",
        help="Total of the quotation's posted invoices, less refunds.")
    aftersales_paid_amount = fields.Float(
        string="Paid", compute="_compute_aftersales_collected",
        help="What the customer paid on the quotation's invoices.")
    aftersales_over_collected = fields.Boolean(
        string="Collected More Than Invoiced",
        compute="_compute_aftersales_collected",
        help="More money was collected on site than the order invoiced: "
             "finance checks the receipts against the invoice.")
    # ------------------------------------------------------------------
    # Installation, take-back and samples (T11, T12, T10) and trainings (T15, W5)
    # ------------------------------------------------------------------
    installation_date = fields.Date(
        string="Installed On",
        help="Date of the customer-signed installation report; closing the "
             "ticket writes it on the service file and starts the warranty.")
    installation_report_signed = fields.Boolean(
        string="Installation Report Signed by Customer")
    installation_report = fields.Binary(attachment=True, copy=False)
    installation_report_name = fields.Char()
    takeback_date = fields.Date(
        string="Taken Back On", track_visibility="onchange", copy=False,
        help="The day the unit came to the company for repair; print the "
             "repair receipt for the customer.")
    takeback_condition = fields.Text(
        string="Condition on Receipt", copy=False,
        help="Accessories and visible state of the unit when it came in.")
    takeback_returned_date = fields.Date(
        string="Returned to Customer On", track_visibility="onchange", copy=False)
    sample_due_date = fields.Date(string="Samples Due")
    samples_made = fields.Text()
    aftersales_training_ids = fields.One2many(
        "aftersales.training", "ticket_id", string="Trainings",
        groups="aftersales_service.group_aftersales_user",
        help="The second training this ticket charges the customer for.")
    # ------------------------------------------------------------------
    # Close and follow-up: repeat repair (T8) and the follow-up call (T9)
    # ------------------------------------------------------------------
    is_repeat_repair = fields.Boolean(
        string="Repeat Repair", readonly=True, copy=False,
        track_visibility="onchange")
    repeat_of_id = fields.Many2one(
        "helpdesk.ticket", string="Repeats Ticket", readonly=True, copy=False)
    followup_scheduled = fields.Boolean(
        string="Follow-up Scheduled", readonly=True, copy=False)
    followup_date = fields.Date(string="Follow-up On", copy=False)
    followup_outcome = fields.Text(string="Follow-up Outcome", copy=False)
    reopen_reason = fields.Text(
        string="Reason to Reopen", copy=False,
        help="Why a closed ticket must be reopened; required to reopen it.")
    # ------------------------------------------------------------------
    # Portal: the customer's e-mailed link (C1, T3)
    # ------------------------------------------------------------------
    portal_access_url = fields.Char(
        compute="_compute_portal_access_url", groups="base.group_user",
        string="Customer Link",
        help="The ticket's page on the customer portal with its access token.")
    # Q7: the closing e-mail's one-click rating (links from the quality addon)
    aftersales_rating_html = fields.Html(
        compute="_compute_aftersales_rating_html", groups="base.group_user",
        sanitize=False, string="Rating Links",
        help="The one-click rating the closing e-mail offers the customer.")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("warranty_state", "aftersales_kind", "customer_caused",
                 "equipment_id", "waiver_state",
                 "reported_date", "urgency", "partner_id", "company_id",
                 "dispatch_ids.arrival_time", "dispatch_ids.state",
                 "first_response_date", "onsite_state", "stage_id", "team_id",
                 "onsite_approved_on", "quotation_accepted_on",
                 "onsite_window_open",
                 "customer_appointment", "promised_date", "closed_date",
                 "hold_since", "response_hold_hours", "arrival_hold_hours")
    def _compute_charge_and_sla(self):
        """The charge (W3, W5, S3) and the SLA clocks (T3, T4) in one compute:
        Odoo stores the fields of one compute method with one UPDATE and one
        access check, so a new ticket is written once after its INSERT
        (benchmark figures (a), (b): time and queries per creation)."""
        self._compute_charge_type()
        self._compute_sla()

    @api.multi
    def _compute_charge_type(self):
        """W3, W5: free for a defect in warranty; chargeable out of warranty, when
        the customer caused it, or for a second installation or training; S3: a
        chargeable job the supervisor approved free of charge is free."""
        seconds = self._second_jobs()
        agents_again = self._export_installations_again()
        for ticket in self:
            if ticket.waiver_state == "approved":
                charge, reason = "free", _("Free of charge approved by the "
                                           "service supervisor")
            elif ticket.customer_caused:
                charge, reason = "chargeable", _("Caused by the customer")
            elif ticket.id in seconds:
                charge, reason = "chargeable", _("Second installation or training")
            elif ticket.id in agents_again:
                charge, reason = "chargeable", _(
                    "Export: on-site installation and training are free for the "
                    "agent's first installation only")
            elif ticket.aftersales_kind == "material":
                charge, reason = "free", _("Material usage: handled as a quality "
                                           "case, no machine warranty")
            elif ticket.warranty_state in ("in_warranty", "not_started") \
                    and not ticket.onsite_window_open \
                    and ticket.onsite_state in ("requested", "approved"):
                charge, reason = "chargeable", _(
                    "On-site service after the free on-site window")
            elif ticket.warranty_state in ("in_warranty", "not_started"):
                charge, reason = "free", _("In warranty")
            elif ticket.warranty_state == "out_of_warranty":
                charge, reason = "chargeable", _("Out of warranty")
            else:
                charge, reason = "chargeable", _("No warranty on this unit")
            ticket.charge_type = charge
            ticket.charge_reason = reason

    @api.multi
    def _second_jobs(self):
        """Ids of installation/training tickets that follow an earlier one of the
        same kind on the same unit (one query for all)."""
        candidates = self.filtered(
            lambda t: t.equipment_id
            and t.aftersales_kind in ("installation", "training"))
        if not candidates:
            return set()
        jobs = self.sudo().search([
            ("equipment_id", "in", candidates.mapped("equipment_id").ids),
            ("aftersales_kind", "in", ("installation", "training")),
        ])
        first = {}
        for job in jobs:
            key = (job.equipment_id.id, job.aftersales_kind)
            first[key] = min(first.get(key, job.id), job.id)
        seconds = set()
        for ticket in candidates:
            earliest = first.get((ticket.equipment_id.id, ticket.aftersales_kind))
            saved = isinstance(ticket.id, int)
            if earliest and (not saved or earliest < ticket.id):
                seconds.add(ticket.id)
        return seconds

    @api.multi
    def _export_installations_again(self):
        """W7: ids of export installation and training tickets of an agent
        that already had an installation on another unit (one query)."""
        candidates = self.filtered(
            lambda t: t.equipment_id.sudo().market == "export" and t.partner_id
            and t.aftersales_kind in ("installation", "training"))
        if not candidates:
            return set()
        earlier = self.sudo().search([
            ("partner_id", "child_of",
             candidates.mapped("partner_id.commercial_partner_id").ids),
            ("aftersales_kind", "=", "installation"),
            ("equipment_id.market", "=", "export"),
        ], order="id")
        first = {}
        for job in earlier:
            first.setdefault(job.partner_id.commercial_partner_id.id, job)
        again = set()
        for ticket in candidates:
            job = first.get(ticket.partner_id.commercial_partner_id.id)
            if job and job.equipment_id != ticket.equipment_id \
                    and (not isinstance(ticket.id, int) or job.id < ticket.id):
                again.add(ticket.id)
        return again

    @api.multi
    def _compute_sla(self):
        """T3, T4, T18: the clocks in one pass. Each clock has a start, hours
        on its team's calendar (``helpdesk.ticket.team._aftersales_calendars``)
        and the working time it was paused (``_aftersales_sync_hold``); its
        state is met or missed by the time it was done, pending while it runs
        or is paused. A cron moves running clocks past their deadline to
        missed. Customer, unit, team and settings are read as superuser: a
        stored clock must not depend on who triggered it."""
        now = fields.Datetime.from_string(fields.Datetime.now())
        for ticket in self:
            company = (ticket.company_id or self.env.user.company_id).sudo()
            tz = company._aftersales_tz(company.id) or "UTC"
            settings = company._aftersales_clock_settings(company.id)
            calendars = ticket.team_id._aftersales_calendars(company)
            held = ticket.hold_since and fields.Datetime.from_string(
                ticket.hold_since)
            # first response (T3): from the report; an installation from its
            # appointment (T11)
            start = ticket._aftersales_response_start()
            if ticket.urgency == "urgent":
                hours = settings["aftersales_response_minutes_urgent"] / 60.0
            else:
                hours = settings["aftersales_response_hours"]
            response = ticket._aftersales_clock(
                calendars["response"], tz, start, hours,
                ticket.response_hold_hours, ticket.first_response_date, held, now)
            # arrival (T4 rev. 2): from the company's commitment
            arrival_start = ticket._aftersales_arrival_start()
            arrival_hours = arrival_start and ticket.partner_id \
                and company.aftersales_arrival_hours(
                    ticket.partner_id.sudo(),
                    ticket.equipment_id.sudo().contract_id)
            times = [d.arrival_time for d in ticket.sudo().dispatch_ids
                     if d.arrival_time and d.state != "cancelled"]
            arrival_date = min(times) if times else False
            arrival = ticket._aftersales_clock(
                calendars["arrival"], tz, arrival_hours and arrival_start,
                arrival_hours, ticket.arrival_hold_hours, arrival_date, held, now)
            # the promise (T18): a fixed time the customer was told
            resolution = ticket._aftersales_promise_clock(
                calendars["resolution"], tz, now)
            pending = [
                (fields.Datetime.from_string(clock[0]), length)
                for clock, length in (
                    (response, hours), (arrival, arrival_hours),
                    (resolution, settings[
                        "aftersales_promise_hours_%s" % ticket.urgency]
                     if ticket.urgency else 0.0))
                if clock[1] == "pending" and clock[0]]
            ticket.update({
                "response_deadline": response[0],
                "response_state": response[1],
                "response_missed_hours": response[2],
                "arrival_start": arrival_hours and arrival_start,
                "arrival_deadline": arrival[0],
                "arrival_date": arrival_date,
                "arrival_state": arrival[1],
                "arrival_missed_hours": arrival[2],
                "resolution_state": resolution[1],
                "resolution_missed_hours": resolution[2],
                "sla_at_risk": not ticket.stage_id.closed and not held and any(
                    deadline - now <= ticket._aftersales_risk_window(
                        company, length)
                    for deadline, length in pending),
                "next_deadline": fields.Datetime.to_string(min(
                    p[0] for p in pending))
                if pending and not ticket.stage_id.closed else False,
            })

    @api.model
    def _aftersales_risk_window(self, company, length):
        """How long before its deadline a clock is at risk: the setting's
        hours, but never more than its last share, so that a 30-minute
        urgent reply is not at risk from the moment it starts."""
        settings = company._aftersales_clock_settings(company.id)
        hours = min(settings["aftersales_sla_risk_hours"],
                    (length or 0.0) * settings["aftersales_sla_risk_percent"]
                    / 100.0)
        return timedelta(hours=hours)

    @api.multi
    def _compute_time_left(self):
        """Shown on cards and rows: hours and minutes to the next deadline,
        or since it passed."""
        now = fields.Datetime.from_string(fields.Datetime.now())
        for ticket in self:
            if not ticket.next_deadline:
                ticket.time_left = False
                continue
            delta = fields.Datetime.from_string(ticket.next_deadline) - now
            minutes = int(abs(delta.total_seconds()) // 60)
            span = _("%(hours)dh %(minutes)02dm") % {
                "hours": minutes // 60, "minutes": minutes % 60}
            if minutes >= 48 * 60:
                span = _("%(days)dd %(hours)dh") % {
                    "days": minutes // 1440, "hours": minutes % 1440 // 60}
            ticket.time_left = span if delta.total_seconds() >= 0 \
                else _("%s overdue") % span

    @api.multi
    def _aftersales_response_start(self):
        """T3: the first-response clock counts from the report; T11: an
        installation's clocks from its agreed appointment (none without)."""
        self.ensure_one()
        if self.aftersales_kind == "installation":
            return self.customer_appointment
        return self.reported_date

    @api.multi
    def _aftersales_arrival_start(self):
        """T4 rev. 2: on-site service is the company's commitment from the
        supervisor's approval, from the customer's acceptance of a chargeable
        job's quotation, or from the later appointment the customer asked
        for: the latest of them; no clock before the approval (an
        installation: from its appointment)."""
        self.ensure_one()
        if self.aftersales_kind == "installation":
            return self.customer_appointment
        if self.onsite_state != "approved" or not self.onsite_approved_on:
            return False
        starts = [self.onsite_approved_on]
        if self.charge_type == "chargeable":
            if not self.quotation_accepted_on:
                return False
            starts.append(self.quotation_accepted_on)
        if self.customer_appointment:
            starts.append(self.customer_appointment)
        return max(starts)

    @api.model
    def _aftersales_clock(self, calendar, tz, start, hours, held_hours, done,
                          held_since, now):
        """One clock: (deadline, state, hours missed by). ``held_hours`` of
        working time the ticket waited for the customer extend the deadline;
        while it waits (``held_since`` before the deadline) a running clock
        cannot be missed."""
        if not start or not hours:
            return False, "none", 0.0
        deadline = calendar._aftersales_deadline(
            fields.Datetime.from_string(start), hours + (held_hours or 0.0), tz)
        if done:
            done = fields.Datetime.from_string(done)
            missed = calendar._aftersales_working_hours(deadline, done, tz)
            return (fields.Datetime.to_string(deadline),
                    "met" if done <= deadline else "missed", round(missed, 2))
        if deadline < now and not (held_since and held_since < deadline):
            return fields.Datetime.to_string(deadline), "missed", 0.0
        return fields.Datetime.to_string(deadline), "pending", 0.0

    @api.multi
    def _aftersales_promise_clock(self, calendar, tz, now):
        """T18: the promise is kept when the job is done by the promised time;
        a cancelled job keeps no promise."""
        self.ensure_one()
        if not self.promised_date:
            return False, "none", 0.0
        promised = fields.Datetime.from_string(self.promised_date)
        if self.stage_id.closed:
            if self.stage_id.is_cancellation or not self.closed_date:
                return self.promised_date, "none", 0.0
            closed = fields.Datetime.from_string(self.closed_date)
            missed = calendar._aftersales_working_hours(promised, closed, tz)
            return (self.promised_date,
                    "met" if closed <= promised else "missed", round(missed, 2))
        if promised < now and not self.hold_since:
            return self.promised_date, "missed", 0.0
        return self.promised_date, "pending", 0.0

    # ------------------------------------------------------------------
    # T18: the promised time; T3 rev. 2: pauses while the customer is awaited
    # ------------------------------------------------------------------
    @api.model
    def _aftersales_default_promise(self, vals, defaults):
        """T18: the promise told at intake: the company's working hours for
        the ticket's urgency on the team's resolution calendar, from the
        report (an installation: from its appointment)."""
        company = self.env["res.company"].browse(
            vals.get("company_id")) or self.env.user.company_id
        company = company.sudo()
        team = self.env["helpdesk.ticket.team"].browse(
            vals.get("team_id") or defaults.get("team_id"))
        urgency = vals.get("urgency") or defaults.get("urgency") or "normal"
        start = vals.get("reported_date") or defaults.get("reported_date") \
            or fields.Datetime.now()
        kind = vals.get("aftersales_kind") or defaults.get("aftersales_kind")
        if kind == "installation":
            start = vals.get("customer_appointment")
            if not start:
                return False
        hours = company._aftersales_clock_settings(company.id)[
            "aftersales_promise_hours_%s" % urgency]
        calendar = team._aftersales_calendars(company)["resolution"]
        return fields.Datetime.to_string(calendar._aftersales_deadline(
            fields.Datetime.from_string(start), hours,
            company._aftersales_tz(company.id) or "UTC"))

    @api.model
    def _aftersales_on_call(self, vals, defaults):
        """T26: the engineer on call when an urgent ticket is reported outside
        the working hours of its team's arrival calendar."""
        company = (self.env["res.company"].browse(vals.get("company_id"))
                   or self.env.user.company_id).sudo()
        team = self.env["helpdesk.ticket.team"].browse(
            vals.get("team_id") or defaults.get("team_id"))
        reported = fields.Datetime.from_string(
            vals.get("reported_date") or defaults.get("reported_date")
            or fields.Datetime.now())
        calendar = team._aftersales_calendars(company)["arrival"]
        if not calendar or calendar._aftersales_is_working_time(
                reported, company._aftersales_tz(company.id) or "UTC"):
            return self.env["res.users"]
        return self.env["aftersales.duty"]._on_call(
            fields.Datetime.to_string(reported), team, company)

    @api.multi
    def action_change_promise(self):
        """T18: tell the customer a new time, with the reason."""
        self.ensure_one()
        action = self.env.ref(
            "aftersales_service.aftersales_promise_change_action").read()[0]
        action["context"] = {"default_ticket_id": self.id,
                             "default_promised_date": self.promised_date}
        return action

    @api.multi
    def _aftersales_change_promise(self, promised, reason):
        """T18: the new time told to the customer and why, in the chatter;
        the end-of-day to-do asking for it is done."""
        reason = (reason or "").strip()
        if not reason:
            raise UserError(_("Write why the promised time changes: the "
                              "customer is told the new time and the reason."))
        if not promised:
            raise UserError(_("Enter the new time promised to the customer."))
        for ticket in self:
            if ticket.stage_id.closed:
                raise UserError(_("Ticket %s is closed: its promise is kept or "
                                  "missed already.") % ticket.number)
            old = ticket.promised_date
            ticket._guard_write({"promised_date": promised})
            ticket.message_post(body=_(
                "Promised time changed from %(old)s to %(new)s. Reason: "
                "%(reason)s") % {
                    "old": old and company_time(ticket, old) or "-",
                    "new": company_time(ticket, promised),
                    "reason": html_escape(reason)})
        self._aftersales_activity_done("promise")
        return True

    @api.multi
    def _aftersales_hold_reason(self):
        """T3 rev. 2: why the ticket waits for the customer, or False: a stage
        the manager marked as pausing, or a chargeable job's quotation not yet
        accepted (a setting)."""
        self.ensure_one()
        if self.stage_id.aftersales_pause and not self.stage_id.closed:
            return self.stage_id.name
        order = self.sudo().quotation_id
        company = (self.company_id or self.env.user.company_id).sudo()
        if company.aftersales_pause_on_quotation and order \
                and order.state in ("draft", "sent") \
                and self.charge_type == "chargeable" \
                and not self.stage_id.closed:
            return _("Waiting for the customer to accept quotation %s") \
                % order.name
        return False

    @api.multi
    def _aftersales_sync_hold(self):
        """T3 rev. 2: start or end the wait for the customer. At its end, the
        working time each running clock was paused (from its start, if the
        wait began before its deadline) is added to that clock, and the
        total wait to the ticket; both ends are in the chatter."""
        now = fields.Datetime.now()
        for ticket in self:
            reason = ticket._aftersales_hold_reason()
            if reason and not ticket.hold_since:
                ticket._guard_write({"hold_since": now, "hold_reason": reason})
                ticket.message_post(body=_(
                    "Clocks paused: %s.") % html_escape(reason))
            elif reason and reason != ticket.hold_reason:
                ticket._guard_write({"hold_reason": reason})
            elif not reason and ticket.hold_since:
                vals = ticket._aftersales_hold_end_values(now)
                waited = vals["hold_hours"] - ticket.hold_hours
                ticket._guard_write(vals)
                ticket.message_post(body=_(
                    "Clocks resumed after %.1f hours of waiting for the "
                    "customer.") % waited)
        return True

    @api.multi
    def _aftersales_hold_end_values(self, now):
        """The values that end this ticket's wait at ``now``."""
        self.ensure_one()
        company = (self.company_id or self.env.user.company_id).sudo()
        tz = company._aftersales_tz(company.id) or "UTC"
        calendars = self.team_id._aftersales_calendars(company)
        since = fields.Datetime.from_string(self.hold_since)
        end = fields.Datetime.from_string(now)
        vals = {"hold_since": False, "hold_reason": False,
                "hold_hours": self.hold_hours
                + (end - since).total_seconds() / 3600.0}
        for clock, start, done in (
                ("response", self._aftersales_response_start(),
                 self.first_response_date),
                ("arrival", self.arrival_start, self.arrival_date)):
            deadline = self["%s_deadline" % clock]
            if not start or not deadline or done \
                    or since >= fields.Datetime.from_string(deadline):
                continue
            begin = max(since, fields.Datetime.from_string(start))
            vals["%s_hold_hours" % clock] = self["%s_hold_hours" % clock] \
                + calendars[clock]._aftersales_working_hours(begin, end, tz)
        return vals

    def _compute_sale_order_count(self):
        data = self.env["sale.order"].read_group(
            [("aftersales_ticket_id", "in", self.ids)], ["aftersales_ticket_id"],
            ["aftersales_ticket_id"])
        counts = {row["aftersales_ticket_id"][0]: row["aftersales_ticket_id_count"]
                  for row in data}
        for ticket in self:
            ticket.sale_order_count = counts.get(ticket.id, 0)

    @api.depends("quotation_id")
    def _compute_quotation_payment_state(self):
        """S4: paid when every posted invoice of the quotation is paid."""
        for ticket in self:
            invoices = ticket.quotation_id.sudo().invoice_ids.filtered(
                lambda i: i.state not in ("draft", "cancel"))
            if not invoices:
                ticket.quotation_payment_state = "none"
            elif all(invoice.state == "paid" for invoice in invoices):
                ticket.quotation_payment_state = "paid"
            else:
                ticket.quotation_payment_state = "open"

    def _compute_dispatch_count(self):
        data = self.env["aftersales.dispatch"].read_group(
            [("ticket_id", "in", self.ids)], ["ticket_id"], ["ticket_id"])
        counts = {row["ticket_id"][0]: row["ticket_id_count"] for row in data}
        for ticket in self:
            ticket.dispatch_count = counts.get(ticket.id, 0)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("takeback_date", "takeback_returned_date")
    def _check_takeback_dates(self):
        """T12: a unit goes back to the customer after it came in."""
        for ticket in self.filtered("takeback_returned_date"):
            if not ticket.takeback_date \
                    or ticket.takeback_returned_date < ticket.takeback_date:
                raise ValidationError(_(
                    "Ticket %s: \"Returned to Customer On\" needs a \"Taken Back "
                    "On\" date on or before it.") % ticket.number)

    @api.constrains("reported_date", "occurred_date")
    def _check_dates(self):
        for ticket in self.filtered(lambda t: t.occurred_date and t.reported_date):
            if ticket.occurred_date > ticket.reported_date:
                raise ValidationError(_(
                    "Ticket %s: the problem cannot have occurred after it was "
                    "reported; correct \"Occurred On\".") % ticket.number)

    @api.constrains("reported_date", "installation_date")
    def _check_facts_not_future(self):
        """F4: no report or installation in the future."""
        self.env["aftersales.facts"]._check_not_future(
            self, ["reported_date", "installation_date"])

    @api.constrains("reported_date")
    def _check_report_before_arrivals(self):
        """F4: a corrected report time stays before every arrival on site
        (searched, not read through ``dispatch_ids``: a new ticket has none
        and reading the field costs its creation a read, benchmark (a))."""
        self.env["aftersales.dispatch"].sudo().search([
            ("ticket_id", "in", self.ids), ("arrival_time", "!=", False),
        ])._check_arrival_after_report()

    @api.constrains("equipment_id", "partner_id", "company_id")
    def _check_equipment_owner(self):
        """F4: the ticket's unit belongs to the ticket's customer and company
        (the unit read as superuser: the unit decides, not who may read it).
        Read through the cache: at a creation the unit was read for the
        intake and the ticket's row for the other constraints, each once
        (benchmark figures (a), (b))."""
        for ticket in self:
            unit = ticket.equipment_id.sudo()
            if not unit:
                continue
            customer = ticket.partner_id.sudo()
            # the unit's own customer (the usual case) needs no more reading
            if customer and customer != unit.partner_id and \
                    unit.partner_id.commercial_partner_id \
                    != customer.commercial_partner_id:
                customer = customer.commercial_partner_id
                raise FactError(_(
                    "%(ticket)s: service file %(unit)s belongs to %(owner)s, "
                    "not to %(customer)s; choose a unit of the ticket's "
                    "customer or correct the \"Customer\".") % {
                        "ticket": describe(ticket), "unit": unit.name,
                        "owner": unit.partner_id.display_name,
                        "customer": customer.display_name})
            if ticket.company_id and unit.company_id != ticket.company_id:
                raise FactError(_(
                    "%(ticket)s: service file %(unit)s belongs to company "
                    "%(owner)s, not to %(company)s; choose a unit of the "
                    "ticket's company.") % {
                        "ticket": describe(ticket), "unit": unit.name,
                        "owner": unit.company_id.name,
                        "company": ticket.company_id.name})

    @api.constrains("aftersales_kind", "sample_due_date")
    def _check_sample_due_date(self):
        """T10: a sample request says by when the samples are due."""
        for ticket in self.filtered(
                lambda t: t.aftersales_kind == "sample" and not t.sample_due_date):
            raise ValidationError(_(
                "Ticket %s is a sample request: enter the date the samples are "
                "due in \"Samples Due\".") % (ticket.number or ticket.name))

    @api.constrains("name")
    def _check_name_length(self):
        """The subject is one line; the problem itself goes in the description."""
        self.env["res.company"]._aftersales_check_length(self, {"name": 256})

    # ------------------------------------------------------------------
    # Onchanges
    # ------------------------------------------------------------------
    @api.onchange("equipment_id")
    def _onchange_equipment_id(self):
        """T1: picking a serial fills the customer; C6: and the service file's
        product grade and purchase date."""
        if self.equipment_id:
            self.partner_id = self.equipment_id.partner_id
            self.warranty_state = self.equipment_id.warranty_state_at(company_date(
                self, self.reported_date or fields.Datetime.now(), self.company_id))
            self.update(self._aftersales_intake_values(self.equipment_id))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        self.env["aftersales.facts"]._check_selection_values(self, vals)
        self._guard_check_create(vals)
        vals = dict(vals)
        defaults = self.default_get(
            ["aftersales_kind", "reported_date", "equipment_id", "problem_type_id",
             "team_id", "urgency"])
        # a unit or problem type given as a default (the context's) is given
        # too: the intake, the warranty and the repeat check below read them
        for name in ("equipment_id", "problem_type_id"):
            if defaults.get(name):
                vals.setdefault(name, defaults[name])
        if vals.get("equipment_id"):
            equipment = self.env["aftersales.equipment"].browse(vals["equipment_id"])
            for name, value in self._aftersales_intake_values(equipment).items():
                vals.setdefault(name, value)
            if not vals.get("partner_id"):
                vals["partner_id"] = equipment.partner_id.id
        # W2, frozen in the creating INSERT: a write after it would track and
        # recompute the charge a second time (benchmark figure (b))
        vals["warranty_state"] = self._warranty_state_at_report(
            self.env["aftersales.equipment"].browse(vals.get("equipment_id")),
            vals.get("aftersales_kind") or defaults.get("aftersales_kind"),
            vals.get("reported_date") or defaults.get("reported_date")
            or fields.Datetime.now())
        # W7: and whether free on-site service was still given that day
        vals["onsite_window_open"] = self._onsite_window_at_report(
            self.env["aftersales.equipment"].browse(vals.get("equipment_id")),
            vals.get("aftersales_kind") or defaults.get("aftersales_kind"),
            vals.get("reported_date") or defaults.get("reported_date")
            or fields.Datetime.now())
        # T1: the after-sales team owns it (before the clocks read its calendars)
        vals.update(self._aftersales_team_values(vals, defaults))
        # T18: the time the customer is told, in the same INSERT
        if not vals.get("promised_date"):
            vals["promised_date"] = self._aftersales_default_promise(
                vals, defaults)
        # T26: an urgent call outside working hours goes to the one on call
        on_call = self.env["res.users"]
        if vals.get("urgency") == "urgent" and not vals.get("user_id"):
            on_call = self._aftersales_on_call(vals, defaults)
            if on_call:
                vals["user_id"] = on_call.id
        given = list(vals)
        # the defaults read above go in as they are, not computed a second
        # time by the ORM's own default_get (benchmark figure (a))
        for name, value in defaults.items():
            vals.setdefault(name, value)
        # T1: its engineer when the team assigns (a default: not tracked)
        owner = self._aftersales_assignee_values(vals)
        vals.update(owner)
        # C1: the customer follows its ticket (staff replies reach it, the
        # portal lists it), subscribed in the creation's own INSERTs as
        # mail.thread subscribes the creator (benchmark figure (b))
        creating = self._guard_door().with_context(
            aftersales_track_given=given,
            aftersales_self_assigned=owner.get("user_id") == self.env.uid)
        customer = vals.get("partner_id")
        if customer:
            followers = {customer: None}
            if not self.env.context.get("mail_create_nosubscribe"):
                followers[self.env.user.partner_id.id] = None
            vals["message_follower_ids"] = list(
                vals.get("message_follower_ids") or []) + self.env[
                    "mail.followers"]._add_follower_command(
                        self._name, [], followers, {}, force=True)[0]
            creating = creating.with_context(mail_create_nosubscribe=True)
        ticket = super(HelpdeskTicket, creating).create(vals)
        ticket = self.browse(ticket.id)
        if vals.get("equipment_id") and vals.get("problem_type_id"):
            ticket._check_repeat_repair()
        if on_call:
            ticket._aftersales_activity_schedule(
                self.env.ref("mail.mail_activity_data_todo"), on_call,
                company_today(ticket, ticket.company_id),
                _("Urgent call outside working hours: you are on call, answer "
                  "the customer now"), decision="first_response")
        # F3: created straight into a closed stage (an import, a kanban
        # quick-create in the Done column) is a close like any other
        if self._aftersales_closing_stage(
                vals.get("stage_id") or self.env.context.get("default_stage_id")):
            ticket._aftersales_check_close()
            ticket._aftersales_on_closed()
        return ticket

    @api.model
    def _get_tracked_fields(self, updated_fields):
        """At creation mail.thread tracks every tracked field from nothing, so
        the first message listed a dozen values nobody entered (defaults, the
        computed clocks) at a dozen inserts per call: there, track only what
        the call gave."""
        given = self.env.context.get("aftersales_track_given")
        if given is None:
            return super()._get_tracked_fields(updated_fields)
        # described only for what was given (a description per tracked field
        # costs a translation lookup each: benchmark figure (a))
        names = [name for name in given
                 if getattr(self._fields.get(name), "track_visibility", False)]
        # fields_get([]) would describe every field
        return self.fields_get(names) if names else {}

    @api.multi
    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, **kwargs):
        """The ticket's name on its message, read through the poster's cache
        (who posts can read the ticket): mail read the whole ticket again as
        superuser for it, twice per new ticket (benchmark figure (a))."""
        if len(self) == 1 and "record_name" not in kwargs:
            kwargs["record_name"] = self.display_name
        return super().message_post(**kwargs)

    @api.model
    def _aftersales_intake_values(self, equipment):
        """C6: what the service file knows of the unit; an empty value keeps
        what the desk typed."""
        equipment = equipment.sudo()
        return {name: equipment[name] for name in ("product_grade", "purchase_date")
                if equipment[name]}

    @api.multi
    def write(self, vals):
        self.env["aftersales.facts"]._check_selection_values(self, vals)
        self._guard_check_write(vals)
        if vals.get("equipment_id"):
            equipment = self.env["aftersales.equipment"].browse(vals["equipment_id"])
            vals = dict(self._aftersales_intake_values(equipment), **vals)
        if "waiver_reason" in vals:
            self._check_waiver_reason_kept(vals["waiver_reason"])
        if "customer_appointment" in vals and not self._guard_is_open() \
                and not self.env.user.has_group(GROUP_SUPERVISOR):
            raise AccessError(_(
                "Only a service supervisor sets the appointment with the "
                "customer: it decides when the arrival clock starts."))
        # F3: the tickets this write closes (status bar, kanban drag, RPC,
        # import, portal: every path writes the stage here)
        closing = self.browse()
        if self._aftersales_closing_stage(vals.get("stage_id")):
            closing = self - self._aftersales_done()
            # C1, Q7: the closing e-mail's links carry the ticket's token
            closing._portal_ensure_token()
        res = super().write(vals)
        if vals.get("partner_id"):
            self.message_subscribe(partner_ids=[vals["partner_id"]])
        if closing:
            # after the write, so that what the same save fills in counts
            closing._aftersales_check_close()
        self._aftersales_update_documents(vals)
        if HOLD_TRIGGERS & set(vals):
            self._aftersales_sync_hold()
        if vals.get("user_id"):
            # C1: a customer's new ticket is taken
            self._aftersales_activity_done("customer_intake")
        if {"user_id", "customer_appointment"} & set(vals):
            # T11: the installation is appointed once it has both
            self.filtered(lambda t: t.aftersales_kind == "installation"
                          and t.user_id and t.customer_appointment) \
                ._aftersales_activity_done("installation")
        if not set(vals) - DERIVED_FIELDS:
            return res  # a value derived below: nothing more to derive from it
        if {"equipment_id", "reported_date", "aftersales_kind"} & set(vals):
            self._freeze_warranty()
        if {"equipment_id", "problem_type_id", "reported_date"} & set(vals):
            self._check_repeat_repair()
        if vals.get("installation_date"):
            self._aftersales_start_warranty()
        if closing:
            closing._aftersales_on_closed()
        return res

    @api.multi
    def _guard_final(self):
        """F3: a closed ticket, done or cancelled, is final."""
        return self.filtered(lambda t: t.stage_id.closed)

    @api.multi
    def _guard_final_message(self, names):
        return _("Ticket %s is closed: only its follow-up can change. A service "
                 "supervisor reopens it with a reason (\"Reason to Reopen\", "
                 "then \"Reopen\").") % self.number

    @api.model
    def _aftersales_document_models(self):
        """The models whose records copy fields of their ticket (see
        aftersales.ticket.document)."""
        return ["aftersales.dispatch", "aftersales.collection",
                "aftersales.remote.session", "aftersales.ticket.part"]

    @api.multi
    def _aftersales_update_documents(self, vals):
        """The tickets' documents follow a change of a field they copy (only
        that field: a penalty keeps the deadline it was proposed against): one
        search per model concerned, as superuser since the copies are not the
        writer's to refuse."""
        for model in self._aftersales_document_models():
            documents = self.env[model].sudo()
            changed = {name: source for name, source
                       in documents._ticket_copies.items() if source in vals}
            if not changed:
                continue
            documents = documents.search([("ticket_id", "in", self.ids)]) \
                ._guard_door()
            for ticket in documents.mapped("ticket_id"):
                values = documents._ticket_copy_values(ticket)
                documents.filtered(lambda d: d.ticket_id == ticket).write(
                    {name: values[name] for name in changed})

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_reopen(self):
        """F3: a service supervisor reopens a closed ticket with a reason,
        which stays in the chatter."""
        if not self.env.user.has_group(GROUP_SUPERVISOR):
            raise AccessError(_("Only a service supervisor reopens a closed "
                                "ticket."))
        for ticket in self:
            if not ticket.stage_id.closed:
                raise UserError(_("Ticket %s is not closed: there is nothing to "
                                  "reopen.") % ticket.number)
            reason = (ticket.reopen_reason or "").strip()
            if not reason:
                raise UserError(_(
                    "Ticket %s: write why it must be reopened in \"Reason to "
                    "Reopen\" first.") % ticket.number)
            stage = self.env.ref(
                "helpdesk_mgmt.helpdesk_ticket_stage_in_progress",
                raise_if_not_found=False) or self.env["helpdesk.ticket.stage"] \
                .search([("closed", "=", False)], order="sequence, id", limit=1)
            ticket.message_post(body=_(
                "Ticket reopened (it was %(stage)s). Reason: %(reason)s") % {
                    "stage": html_escape(ticket.stage_id.name),
                    "reason": html_escape(reason)})
            ticket._guard_write({"stage_id": stage.id, "reopen_reason": False,
                                 "closed_date": False})
        return True

    @api.multi
    def action_first_response(self):
        """T3: record that the customer got a first answer now."""
        self._aftersales_set_first_response(fields.Datetime.now())
        return True

    @api.multi
    def _aftersales_set_first_response(self, date):
        """T3: the first answer, by this button or the first remote session."""
        self.filtered(lambda t: not t.first_response_date)._guard_door() \
            .write({"first_response_date": date})
        # T26: the on-call engineer's to-do is answered
        self._aftersales_activity_done("first_response")

    @api.multi
    def action_request_onsite(self):
        """T5, W4: ask the supervisor for on-site service; in warranty a remote
        attempt must be on record first."""
        for ticket in self:
            if ticket.onsite_state in ("requested", "approved"):
                raise UserError(_("Ticket %s already has an on-site request.")
                                % ticket.number)
            if ticket.severe_problem and not (ticket.severe_reason or "").strip():
                raise UserError(_(
                    "Ticket %s is marked as a severe problem: describe the "
                    "structural damage or the danger to production safety in "
                    "\"Why Severe\".") % ticket.number)
            if ticket.warranty_state in ("in_warranty", "not_started") \
                    and not ticket.severe_problem \
                    and not ticket.remote_session_ids:
                raise UserError(_(
                    "Ticket %s is in warranty: record a remote support session "
                    "(phone, video or remote desktop) before asking for on-site "
                    "service.") % ticket.number)
            if not (ticket.onsite_reason or "").strip():
                raise UserError(_(
                    "Ticket %s: explain in \"Why On-site\" why the fault cannot be "
                    "solved remotely.") % ticket.number)
        self._guard_door().write(
            {"onsite_state": "requested", "onsite_reject_reason": False})
        self._aftersales_on_job_planned("onsite")
        severe = self.filtered("severe_problem")
        severe._notify_supervisors(_(
            "Severe problem, no remote attempt: approve or reject on-site "
            "service"), decision="onsite")
        (self - severe)._notify_supervisors(
            _("Approve or reject on-site service"), decision="onsite")
        return True

    @api.multi
    def _notify_supervisors(self, summary, decision=False):
        """The team's supervisors (else every supervisor) get a to-do;
        ``decision`` names the decision it waits for, whose making closes it
        (``_aftersales_activity_done``)."""
        supervisors = group_users(self.env, GROUP_SUPERVISOR)
        todo = self.env.ref("mail.mail_activity_data_todo")
        today = fields.Date.context_today(self)
        for ticket in self:
            for user in (supervisors & ticket.team_id.user_ids) or supervisors:
                ticket._aftersales_activity_schedule(todo, user, today, summary,
                                                     decision=decision)

    @api.multi
    def _check_supervisor(self):
        if not self.env.user.has_group(GROUP_SUPERVISOR):
            raise AccessError(_(
                "Only a service supervisor approves or rejects on-site service."))

    @api.multi
    def action_approve_onsite(self):
        """T5: the supervisor approves; the planned dispatch opens."""
        dispatches = self._approve_onsite()
        action = self.env.ref("aftersales_service.aftersales_dispatch_action").read()[0]
        action.update(view_mode="form", views=[(False, "form")],
                      res_id=dispatches[:1].id)
        return action

    @api.multi
    def _approve_onsite(self, leader=None, appointment=None):
        """T5: approve on-site service and create each ticket's planned dispatch."""
        self._check_supervisor()
        self._lock_for_onsite_decision()
        dispatches = self.env["aftersales.dispatch"]
        for ticket in self:
            if ticket.onsite_state != "requested":
                raise UserError(_(
                    "Ticket %s has no on-site request waiting for approval.")
                    % ticket.number)
            ticket._check_onsite_gate()
            dispatches |= dispatches.create({
                "ticket_id": ticket.id,
                "leader_id": (leader or ticket._aftersales_lead_engineer()).id,
                "appointment": appointment or ticket.arrival_deadline
                or fields.Datetime.now(),
                "part_line_ids": [(0, 0, {"product_id": part.product_id.id,
                                          "quantity": part.quantity})
                                  for part in ticket.part_ids],
            })
        self._guard_door().write({
            "onsite_state": "approved", "onsite_approved_by": self.env.user.id,
            "onsite_approved_on": fields.Datetime.now()})
        # the supervisors' to-dos of the request and of the accepted quotation
        self._aftersales_activity_done("onsite", "quotation")
        return dispatches

    @api.multi
    def _lock_for_onsite_decision(self):
        """T5: two supervisors deciding at once: the second one is told, and
        no second dispatch is made (concurrent clicks)."""
        lock_rows(self, _(
            "Another supervisor is deciding on-site service of %s at this "
            "moment: open the ticket again in a few seconds.")
            % ", ".join(self.mapped("number")))

    @api.multi
    def _check_onsite_gate(self):
        """S2: nobody goes on site for a chargeable job before the customer has
        accepted its quotation; free jobs pass."""
        for ticket in self.filtered(lambda t: t.charge_type == "chargeable"):
            order = ticket.quotation_id
            if order.state in ("sale", "done"):
                continue
            if order:
                state = dict(order._fields["state"]._description_selection(
                    self.env))[order.state]
                raise UserError(_(
                    "Ticket %(ticket)s is chargeable (%(reason)s): the customer has "
                    "not accepted quotation %(order)s yet (status: %(state)s). "
                    "Dispatch on-site once it is confirmed.") % {
                        "ticket": ticket.number, "reason": ticket.charge_reason,
                        "order": order.name, "state": state})
            raise UserError(_(
                "Ticket %(ticket)s is chargeable (%(reason)s): create its quotation "
                "with \"Create Quotation\" and have the customer accept it before "
                "dispatching on-site.") % {
                    "ticket": ticket.number, "reason": ticket.charge_reason})
        # Q1 (rev. 2): what else must be done before anyone goes on site
        return self._aftersales_check_job_start("onsite")

    @api.multi
    def _aftersales_check_job_start(self, job):
        """Hook: refuse to start ``job`` ("onsite": approval, dispatch,
        check-in; "parts": parts mailed) while something is missing.
        aftersales_quality adds the registered feedback form (Q1 rev. 2)."""
        return True

    @api.multi
    def _aftersales_on_job_planned(self, job):
        """Hook: ``job`` ("onsite" requested, "parts" planned) is coming;
        aftersales_quality opens the feedback form Quality registers first."""
        return True

    @api.multi
    def action_reject_onsite(self):
        """T5: a rejection needs its reason."""
        self._check_supervisor()
        self._lock_for_onsite_decision()
        for ticket in self:
            if ticket.onsite_state != "requested":
                raise UserError(_(
                    "Ticket %s has no on-site request waiting for approval.")
                    % ticket.number)
            if not (ticket.onsite_reject_reason or "").strip():
                raise UserError(_(
                    "Ticket %s: write the reason for rejecting on-site service in "
                    "\"Rejection Reason\".") % ticket.number)
        self._guard_door().write({"onsite_state": "rejected"})
        self._aftersales_activity_done("onsite", "quotation")
        return True

    @api.multi
    def action_create_quotation(self):
        """S1: the quotation of a chargeable job, made for the customer's
        salesperson; a second click, even a simultaneous one, opens the
        quotation already made instead of making another."""
        self.ensure_one()
        self._lock_for_quotation()
        order = self.quotation_id
        if not order or order.state == "cancel":
            order = self._create_quotation()
        if not self.env.user.has_group("sales_team.group_sale_salesman"):
            return True  # service staff stay on the ticket, which shows the quote
        return self._action_open_orders(order)

    @api.multi
    def _lock_for_quotation(self):
        """Hold the ticket's row until the transaction ends; a concurrent click
        gets a clear message instead of a second quotation."""
        self.ensure_one()
        lock_rows(self, _(
            "Someone is making the quotation of ticket %s at this moment: "
            "open the ticket again in a few seconds.") % self.number)

    @api.multi
    def _create_quotation(self):
        """S1: spare parts planned on the ticket, the visit fee and the travel
        and staff cost, priced by the customer's pricelist."""
        self.ensure_one()
        if self.charge_type != "chargeable":
            raise UserError(_(
                "Ticket %(ticket)s is free of charge (%(reason)s): there is nothing "
                "to quote.") % {"ticket": self.number, "reason": self.charge_reason})
        if not self.partner_id:
            raise UserError(_("Ticket %s has no customer: choose the customer or "
                              "the service file first.") % self.number)
        company = self.company_id or self.env.user.company_id
        visit = company.aftersales_visit_fee_product_id
        travel = company.aftersales_travel_product_id
        if not visit or not travel:
            raise UserError(_(
                "Choose the visit fee and the travel and staff cost products in "
                "Settings > After-Sales before quoting a paid job."))
        partner = self.partner_id
        customer = partner.commercial_partner_id
        salesperson = (partner.user_id or customer.user_id
                       or self._quotation_owner(company))
        team = (partner.team_id or customer.team_id
                or salesperson.sale_team_id)
        serial = self.lot_id.name
        origin = " / ".join(filter(None, [self.number, serial]))
        order = self.env["sale.order"].sudo().create({
            "partner_id": partner.id,
            "company_id": company.id,
            "user_id": salesperson.id,
            "team_id": team.id,
            "payment_term_id": customer.property_payment_term_id.id,
            "origin": origin,
            "client_order_ref": origin,
            "note": _("Service ticket %(ticket)s: %(name)s\nUnit: %(unit)s, "
                      "serial %(serial)s\nCharged because: %(reason)s") % {
                          "ticket": self.number, "name": self.name,
                          "unit": self.product_id.display_name or "-",
                          "serial": serial or "-", "reason": self.charge_reason},
            "aftersales_ticket_id": self.id,
        })
        lines = [(part.product_id, part.quantity) for part in self.part_ids]
        lines += [(visit, 1.0), (travel, 1.0)]
        order_lines = self.env["sale.order.line"].sudo()
        for product, quantity in lines:
            line = order_lines.new({
                "order_id": order.id, "product_id": product.id,
                "product_uom": product.uom_id.id, "product_uom_qty": quantity})
            line.product_id_change()
            line._onchange_discount()
            values = line._convert_to_write(line._cache)
            values["aftersales_quoted_qty"] = quantity  # S3: kept unless approved
            order_lines.create(values)
        self.write({"quotation_id": order.id})
        if salesperson:
            order._aftersales_activity_schedule(
                self.env.ref("mail.mail_activity_data_todo"), salesperson,
                fields.Date.context_today(self),
                _("Send the service quotation of ticket %s to the customer")
                % self.number, decision="quotation")
        self.message_post(body=_("Quotation %s created for the customer.")
                          % order.name)
        return order

    @api.multi
    def action_view_quotations(self):
        self.ensure_one()
        return self._action_open_orders(self.sale_order_ids)

    @api.multi
    def _action_open_orders(self, orders):
        action = self.env.ref("sale.action_quotations").read()[0]
        action["context"] = {"default_aftersales_ticket_id": self.id}
        if len(orders) == 1:
            action.update(views=[(False, "form")], view_mode="form",
                          res_id=orders.id)
        else:
            action["domain"] = [("id", "in", orders.ids)]
        return action

    @api.multi
    def action_request_waiver(self):
        """S3: ask the supervisor to do a chargeable job free of charge."""
        for ticket in self:
            if ticket.charge_type != "chargeable":
                raise UserError(_("Ticket %s is already free of charge.")
                                % ticket.number)
            if ticket.waiver_state == "requested":
                raise UserError(_("Ticket %s already waits for a free-of-charge "
                                  "decision.") % ticket.number)
            if not (ticket.waiver_reason or "").strip():
                raise UserError(_(
                    "Ticket %s: explain in \"Why Free of Charge\" why the customer "
                    "should not pay.") % ticket.number)
        self._guard_write({"waiver_state": "requested"})
        self._notify_supervisors(_("Decide whether the job is free of charge"),
                                 decision="waiver")
        return True

    @api.multi
    def action_approve_waiver(self):
        """S3: the supervisor's free-of-charge decision, recorded with its reason."""
        self._check_supervisor_waiver()
        self._guard_write({"waiver_state": "approved",
                           "waiver_approved_by": self.env.user.id,
                           "waiver_approved_on": fields.Datetime.now()})
        self._aftersales_activity_done("waiver")
        self._waive_quotations()
        return True

    @api.multi
    def action_reject_waiver(self):
        self._check_supervisor_waiver()
        self._guard_write({"waiver_state": "rejected",
                           "waiver_approved_by": self.env.user.id,
                           "waiver_approved_on": fields.Datetime.now()})
        self._aftersales_activity_done("waiver")
        return True

    @api.multi
    def _check_supervisor_waiver(self):
        if not self.env.user.has_group(GROUP_SUPERVISOR):
            raise AccessError(_(
                "Only a service supervisor decides that a chargeable job is free "
                "of charge."))
        for ticket in self:
            if ticket.waiver_state != "requested":
                raise UserError(_("Ticket %s has no free-of-charge request waiting "
                                  "for a decision.") % ticket.number)

    @api.multi
    def action_view_dispatches(self):
        self.ensure_one()
        action = self.env.ref("aftersales_service.aftersales_dispatch_action").read()[0]
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

    @api.multi
    def action_aftersales_close(self):
        """T6, T11, Q1, F3: the Close button. Without blockers the ticket moves
        to the done stage. With blockers it stays open without an error (an
        error would roll back what ``_aftersales_on_close_refused`` records,
        e.g. the incomplete-report proposal) and a dialog lists every blocker."""
        self.ensure_one()
        if self.stage_id.closed:
            raise UserError(_("Ticket %s is already closed.") % self.number)
        blockers = self._aftersales_close_blockers()[self.id]
        if not blockers:
            self.write({"stage_id": self._aftersales_done_stage().id})
            return True
        self._aftersales_on_close_refused(blockers)
        warning = self.env["aftersales.ticket.close.warning"].create({
            "ticket_id": self.id,
            "message": self._aftersales_close_refusal({self.id: blockers}),
        })
        return {
            "type": "ir.actions.act_window",
            "name": _("Ticket Not Closed"),
            "res_model": warning._name,
            "res_id": warning.id,
            "view_mode": "form",
            "target": "new",
        }

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _aftersales_done(self):
        """F3: the tickets whose job is finished: closed in a stage that does
        not cancel them. A cancelled ticket raises no repeat repair, follow-up,
        survey, receipt, completed-job figure or penalty."""
        return self.filtered(
            lambda t: t.stage_id.closed and not t.stage_id.is_cancellation)

    # ------------------------------------------------------------------
    # Close (T6, T11, Q1, F3): one list of blockers, one check on every path,
    # hooks for what follows a close and a refused close
    # ------------------------------------------------------------------
    @api.model
    def _aftersales_closing_stage(self, stage_id):
        """F3: the stage, when moving into it closes the job (a closed stage
        that does not cancel the ticket); else an empty recordset. Cancelling
        needs no blocker cleared."""
        stage = self.env["helpdesk.ticket.stage"].browse(stage_id or [])
        if stage.closed and not stage.is_cancellation:
            return stage
        return stage.browse()

    @api.model
    def _aftersales_done_stage(self):
        """F3: where the Close button moves a ticket: helpdesk_mgmt's Done, else
        the first closed stage that does not cancel."""
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done",
                            raise_if_not_found=False)
        stage = self._aftersales_closing_stage(done.id if done else False)
        stage = stage or self.env["helpdesk.ticket.stage"].search(
            [("closed", "=", True), ("is_cancellation", "=", False)], limit=1)
        if not stage:
            raise UserError(_(
                "No closed stage means a finished job: ask a manager to add one "
                "(a closed stage without \"Cancels the Ticket\")."))
        return stage

    @api.multi
    def _aftersales_close_blockers(self):
        """T6, T11: what still stops each ticket's job from being closed, as
        {ticket id: [sentences in the user's language, each saying what to
        fill in]}; an empty list closes. Other addons add theirs by super()
        (quality: Q1's unregistered feedback form). Read as superuser: the
        facts decide, not who may read them."""
        blockers = {ticket.id: [] for ticket in self}
        for ticket in self.sudo():
            lines = blockers[ticket.id]
            if ticket.aftersales_kind == "installation":
                missing = ticket._aftersales_installation_missing()
                if missing:
                    lines.append(_("Installation report: %s.")
                                 % ", ".join(missing))
            for dispatch in ticket.dispatch_ids.filtered(
                    lambda d: d.state != "cancelled"):
                missing = dispatch._report_missing()
                if missing:
                    lines.append(_(
                        "On-site report %(dispatch)s is incomplete: fill in "
                        "%(missing)s.") % {"dispatch": dispatch.name,
                                           "missing": ", ".join(missing)})
                if dispatch._report_unconfirmed():
                    lines.append(_(
                        "On-site report %s is not signed: send it to the "
                        "customer for signature (\"Send for Signature\"), or a "
                        "service supervisor accepts it without signature, "
                        "with the reason.") % dispatch.name)
        return blockers

    @api.multi
    def _aftersales_installation_missing(self):
        """T11 (rev. 2): what an installation ticket lacks before it closes:
        the date, the customer's signature and the kept scan of the signed and
        stamped report."""
        self.ensure_one()
        labels = self.fields_get(["installation_date", "installation_report_signed",
                                  "installation_report"])
        missing = []
        if not self.installation_date:
            missing.append(_("fill in \"%s\"") % labels["installation_date"]["string"])
        if not self.installation_report_signed:
            missing.append(_("tick \"%s\"")
                           % labels["installation_report_signed"]["string"])
        if not self.installation_report:
            missing.append(_("attach the scan of the signed and stamped report "
                             "in \"%s\"") % labels["installation_report"]["string"])
        return missing

    @api.multi
    def _aftersales_close_refusal(self, blockers):
        """The text that lists every blocker of every ticket in ``blockers``."""
        lines = []
        for ticket in self.filtered(lambda t: blockers.get(t.id)):
            lines.append(_("Ticket %s cannot be closed yet:") % ticket.number)
            lines.extend("- %s" % line for line in blockers[ticket.id])
        return "\n".join(lines)

    @api.multi
    def _aftersales_check_close(self):
        """T6, T11, Q1, F3: the one check of every close, refused with a user
        error that lists every blocker of each ticket (so that an RPC client
        reads it, and the whole write is rolled back)."""
        blockers = self._aftersales_close_blockers()
        if any(blockers.values()):
            raise UserError(self._aftersales_close_refusal(blockers))

    @api.multi
    def _aftersales_on_closed(self):
        """Hook: what follows the close of these tickets' jobs, by any path.
        T11 → W1: an installation starts the unit's warranty; T9: the
        follow-up call is scheduled."""
        self._aftersales_start_warranty()
        self._schedule_followup()
        # C1: the customer's "solved" has its answer
        self._aftersales_activity_done("customer_solved")
        return True

    @api.multi
    def _aftersales_rating_links(self):
        """Hook: the one-click rating links the closing e-mail gives the
        customer, as dicts ``score``, ``label``, ``stars``, ``url``; none
        here: the quality addon, which keeps the ratings with its surveys
        (Q7), gives them."""
        self.ensure_one()
        return []

    @api.multi
    def _aftersales_on_close_refused(self, blockers):
        """Hook: what follows a refused Close button on this ticket, whose
        ``blockers`` (sentences) keep it open; nothing here. The penalties
        addon proposes the incomplete report to HR."""
        self.ensure_one()
        return True

    @api.multi
    def _freeze_warranty(self):
        """W2, W7: the warranty state and the on-site window on the report
        date, stored on the ticket."""
        for ticket in self:
            state = self._warranty_state_at_report(
                ticket.equipment_id, ticket.aftersales_kind, ticket.reported_date)
            window = self._onsite_window_at_report(
                ticket.equipment_id, ticket.aftersales_kind, ticket.reported_date)
            if ticket.warranty_state != state \
                    or ticket.onsite_window_open != window:
                ticket._guard_write(
                    {"warranty_state": state, "onsite_window_open": window})

    @api.model
    def _onsite_window_at_report(self, equipment, kind, reported_date):
        """W7: free on-site service still given on the report day."""
        equipment = equipment.sudo()
        if not equipment or kind == "material":
            return True
        return equipment.onsite_window_open_at(
            company_date(self, reported_date, equipment.company_id))

    @api.model
    def _warranty_state_at_report(self, equipment, kind, reported_date):
        if kind == "material" or not equipment:
            return "no_warranty"
        # the unit's own warranty dates, whoever reports on it (no record rules)
        # F1: the day of the report in the company's time zone
        return equipment.sudo().warranty_state_at(
            company_date(self, reported_date, equipment.sudo().company_id))

    @api.multi
    def _check_repeat_repair(self):
        """T8: same unit, same problem type, within the window after a closed
        ticket: flag the new ticket and link it to the earlier one."""
        for ticket in self.filtered(lambda t: t.equipment_id and t.problem_type_id):
            company = ticket.company_id or self.env.user.company_id
            reported = fields.Datetime.from_string(ticket.reported_date)
            window_start = fields.Datetime.to_string(
                reported - timedelta(days=company.aftersales_repeat_repair_days))
            earlier = self.sudo().search([
                ("id", "!=", ticket.id),
                ("equipment_id", "=", ticket.equipment_id.id),
                ("problem_type_id", "=", ticket.problem_type_id.id),
                ("stage_id.closed", "=", True),
                ("stage_id.is_cancellation", "=", False),
                ("closed_date", ">=", window_start),
                ("closed_date", "<=", ticket.reported_date),
            ], order="closed_date desc", limit=1)
            vals = {"is_repeat_repair": bool(earlier), "repeat_of_id": earlier.id}
            if (ticket.is_repeat_repair, ticket.repeat_of_id.id) != (
                    vals["is_repeat_repair"], vals["repeat_of_id"] or False):
                ticket._guard_write(vals)

    @api.multi
    def _schedule_followup(self):
        """T9: closing a ticket schedules one follow-up activity."""
        activity_type = self.env.ref("aftersales_service.mail_activity_followup")
        for ticket in self.filtered(lambda t: not t.followup_scheduled):
            company = ticket.company_id or self.env.user.company_id
            closed = fields.Datetime.from_string(
                ticket.closed_date or fields.Datetime.now())
            due = fields.Date.to_string(
                closed + timedelta(days=company.aftersales_followup_days))
            ticket._aftersales_activity_schedule(
                activity_type, ticket.user_id or self.env.user, due,
                _("Follow-up: ask the customer how the unit runs"))
            ticket._guard_write(
                {"followup_scheduled": True})

    @api.multi
    def _aftersales_start_warranty(self):
        """T11 → W1: a closed installation sets the unit's installation date."""
        for ticket in self._aftersales_done().filtered(
                lambda t: t.aftersales_kind == "installation"
                and t.equipment_id and t.installation_date):
            if ticket.equipment_id.installation_date != ticket.installation_date:
                ticket.equipment_id.sudo().write(
                    {"installation_date": ticket.installation_date})

    # ------------------------------------------------------------------
    # T16: what the ticket's dispatches cost
    # ------------------------------------------------------------------

    @api.multi
    def _compute_aftersales_expense_total(self):
        data = self.env["hr.expense"].sudo().read_group(
            [("aftersales_ticket_id", "in", self.ids)],
            ["aftersales_ticket_id", "total_amount"], ["aftersales_ticket_id"])
        totals = {row["aftersales_ticket_id"][0]: row["total_amount"]
                  for row in data}
        for ticket in self:
            ticket.aftersales_expense_total = totals.get(ticket.id, 0.0)

    @api.multi
    def action_view_aftersales_expenses(self):
        self.ensure_one()
        action = self.env.ref("hr_expense.hr_expense_actions_all").read()[0]
        action["domain"] = [("aftersales_ticket_id", "=", self.id)]
        action["context"] = {}
        return action

    # ------------------------------------------------------------------
    # T15, W5: trainings
    # ------------------------------------------------------------------

    @api.multi
    def action_view_aftersales_trainings(self):
        self.ensure_one()
        action = self.env.ref(
            "aftersales_service.aftersales_training_action").read()[0]
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {}
        if len(self.aftersales_training_ids) == 1:
            action.update(views=[(False, "form")], view_mode="form",
                          res_id=self.aftersales_training_ids.id)
        return action

    # ------------------------------------------------------------------
    # T16: money collected on site, reconciled with the order's invoices
    # ------------------------------------------------------------------

    @api.depends("aftersales_collection_ids.amount", "quotation_id")
    def _compute_aftersales_collected(self):
        """T16: every ticket's collections from one grouped query (all of
        them, whoever looks), against the quotation's invoices."""
        data = self.env["aftersales.collection"].sudo().read_group(
            [("ticket_id", "in", self.ids)], ["ticket_id", "amount"],
            ["ticket_id"])
        totals = {row["ticket_id"][0]: (row["amount"], row["ticket_id_count"])
                  for row in data}
        for ticket in self:
            collected, count = totals.get(ticket.id, (0.0, 0))
            invoices = ticket.quotation_id.sudo().invoice_ids.filtered(
                lambda i: i.state in ("open", "paid"))
            invoiced = sum(invoices.mapped("amount_total_signed"))
            unpaid = sum(invoices.mapped("residual_signed"))
            ticket.aftersales_collection_count = count
            ticket.aftersales_collected_total = collected
            ticket.aftersales_invoiced_amount = invoiced
            ticket.aftersales_paid_amount = invoiced - unpaid
            ticket.aftersales_over_collected = collected > invoiced + 0.005

    @api.multi
    def action_view_aftersales_collections(self):
        self.ensure_one()
        action = self.env.ref(
            "aftersales_service.aftersales_collection_action").read()[0]
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

    # ------------------------------------------------------------------
    # C1, T3: the customer's side: an e-mailed link that opens only this
    # ticket, and the deadlines as the portal shows them
    # ------------------------------------------------------------------

    @api.multi
    def _compute_portal_access_url(self):
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        for ticket in self.filtered("access_token"):
            ticket.portal_access_url = "%s/my/ticket/%s?access_token=%s" % (
                base, ticket.id, ticket.access_token)

    @api.multi
    def _compute_aftersales_rating_html(self):
        """Q7: the closing e-mail's rating block, in the reader's language
        (the e-mail's); empty when no addon gives links."""
        for ticket in self:
            links = ticket._aftersales_rating_links()
            ticket.aftersales_rating_html = self.env["ir.qweb"].render(
                "aftersales_service.mail_ticket_rating_links",
                {"links": links}).decode() if links else False

    @api.multi
    def action_send_portal_link(self):
        """C1: e-mail the customer a link that opens this ticket only."""
        template = self.env.ref("aftersales_service.mail_template_ticket_portal")
        self._portal_ensure_token()
        for ticket in self:
            ticket.message_post_with_template(template.id)
        return True

    @api.multi
    def _portal_sla(self, which):
        """T3, T4: (css class, label) of the response or arrival clock as the
        customer reads it: met, at risk, missed or open."""
        self.ensure_one()
        state = self["%s_state" % which]
        if state == "met":
            return "success", _("Met")
        if state == "missed":
            return "danger", _("Missed")
        if state == "pending":
            if self.sla_at_risk:
                return "warning", _("At Risk")
            return "info", _("On Time So Far")
        return "default", _("Not Applicable")

    @api.multi
    def _portal_receipt_issued(self):
        """T7: the service receipt is issued once the job is done (closed,
        not cancelled)."""
        self.ensure_one()
        return bool(self._aftersales_done())

    @api.multi
    def _portal_attachments(self):
        """The files of this ticket the customer may see (photos, documents):
        neither binary fields nor the files of internal notes."""
        self.ensure_one()
        internal = self.env["mail.message"].sudo().search([
            ("model", "=", self._name), ("res_id", "=", self.id),
            ("subtype_id.internal", "=", True)]).mapped("attachment_ids")
        return self.env["ir.attachment"].sudo().search([
            ("res_model", "=", self._name), ("res_id", "=", self.id),
            ("res_field", "=", False), ("id", "not in", internal.ids)],
            order="id")

    @api.model
    def message_new(self, msg, custom_values=None):
        """T1: a ticket e-mailed in lands in the team whose address it was
        sent to, on the unit whose serial it names; its supervisors are told
        (C1). The after-sales team's address is the general one: its tickets,
        as those of an address with no team, go where the company routes
        them (``_aftersales_team_values``). The gateway has already made the
        sender's contact the author (the ticket's customer)."""
        values = dict(custom_values or {})
        general = self.env["res.company"]._aftersales_routing(
            self.env.user.company_id.id)[1]
        if values.get("team_id") == general:
            del values["team_id"]
        if not values.get("channel_id"):
            values["channel_id"] = self.env.ref(
                "helpdesk_mgmt.helpdesk_ticket_channel_email").id
        unit = self._aftersales_unit_from_mail(msg)
        if unit:
            values.setdefault("equipment_id", unit.id)
        ticket = super().message_new(msg, custom_values=values)
        ticket._aftersales_customer_intake()
        return ticket

    @api.model
    def _aftersales_unit_from_mail(self, msg):
        """T1: the unit of the sender's company whose serial the subject or
        the body names, when exactly one is named; a serial of another
        customer's unit, or from an unknown sender, links nothing."""
        units = self.env["aftersales.equipment"].sudo()
        author = self.env["res.partner"].sudo().browse(
            msg.get("author_id") or []).exists()
        if not author:
            return units
        text = "%s\n%s" % (msg.get("subject") or "",
                           html2plaintext(msg.get("body") or ""))
        words = set(re.findall(r"[A-Za-z0-9][A-Za-z0-9_./-]*[A-Za-z0-9]", text))
        words = sorted(words | {word.upper() for word in words})[:1000]
        if not words:
            return units
        units = units.search([
            ("lot_id.name", "in", words),
            ("partner_id", "child_of", author.commercial_partner_id.id)])
        return units if len(units) == 1 else units.browse()

    @api.multi
    def _aftersales_customer_intake(self):
        """T1, C1: a ticket the customer opened (portal, e-mail) waits for
        someone to take it: the after-sales team's supervisors get a to-do,
        done once the ticket is assigned."""
        for ticket in self.filtered(lambda t: not t.user_id):
            ticket._notify_supervisors(
                _("New ticket from the customer %s: assign it") % (
                    ticket.partner_id.display_name or ticket.partner_email or ""),
                decision="customer_intake")
        return True

    @api.multi
    def send_user_mail(self):
        """C1: helpdesk_mgmt's assignment e-mail went to the customer; ours
        goes to the engineer it is assigned to."""
        template = self.env.ref("aftersales_service.mail_template_ticket_assigned")
        for ticket in self.filtered("user_id"):
            template.send_mail(ticket.id)

    @api.multi
    def _aftersales_portal_solved(self, partner):
        """F3, C1: the customer ``partner`` says on the portal that the
        problem is solved: the ticket stays open (closing is the service
        desk's, behind its checks); the message is in the chatter and the
        engineer (else the supervisors) gets a to-do to close it."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        for ticket in self:
            ticket.message_post(
                body=_("The customer says the problem is solved and asks to "
                       "close the ticket."),
                author_id=partner.id, message_type="comment",
                subtype="mail.mt_comment")
            summary = _("The customer says the problem is solved: close the "
                        "ticket")
            if ticket.user_id:
                ticket._aftersales_activity_schedule(
                    todo, ticket.user_id, company_today(ticket, ticket.company_id),
                    summary, decision="customer_solved")
            else:
                ticket._notify_supervisors(summary, decision="customer_solved")
        return True

    # ------------------------------------------------------------------
    # T13: a complaint can end in a return or an exchange
    # ------------------------------------------------------------------
    @api.multi
    def action_create_aftersales_return(self):
        """Open a new return request filled from the complaint."""
        self.ensure_one()
        action = self.env.ref("aftersales_service.aftersales_return_action").read()[0]
        action.update(views=[(False, "form")], view_mode="form", target="current")
        action["context"] = {"default_ticket_id": self.id}
        return action

    # ------------------------------------------------------------------
    # S1-S4: the ticket's side of its quotation: the quoted lines as the
    # service supervisor sees them, the supervisor's discount approval, and
    # what a free-of-charge decision does to the quotation
    # ------------------------------------------------------------------

    @api.multi
    def _check_waiver_reason_kept(self, reason):
        """S3: the reason of an approved free-of-charge decision is the record
        of that decision: it is not rewritten afterwards."""
        for ticket in self.filtered(lambda t: t.waiver_state == "approved"):
            if (ticket.waiver_reason or "") != (reason or ""):
                raise UserError(_(
                    "Ticket %s: the service supervisor approved the job free "
                    "of charge for the reason recorded; \"Why Free of "
                    "Charge\" cannot be changed any more.")
                    % ticket.number)

    @api.multi
    def action_approve_discount(self):
        """S3: the service supervisor approves a discount on the ticket's
        quotation from the ticket, without needing rights in Sales."""
        self.ensure_one()
        if not self.env.user.has_group(GROUP_SUPERVISOR):
            raise AccessError(_("Only a service supervisor approves a discount on "
                                "a service quotation."))
        order = self.sudo().quotation_id
        if order.state not in ("draft", "sent"):
            raise UserError(_(
                "Ticket %s has no quotation waiting for the customer: a discount "
                "is approved before the customer accepts it.") % self.number)
        action = self.env.ref(
            "aftersales_service.aftersales_discount_approval_action").read()[0]
        action["context"] = {"default_order_id": order.id}
        return action

    @api.multi
    def _quotation_owner(self, company):
        """S1: a customer without a salesperson: the company's sales director
        owns the quotation, else the user who made it."""
        return company.sudo().aftersales_sales_director_id or self.env.user

    @api.multi
    def _waive_quotations(self):
        """S3: a job approved free of charge cancels its open quotation and the
        salesperson is told, so the customer is not invoiced for it."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        today = fields.Date.context_today(self)
        for ticket in self:
            orders = ticket.sudo().sale_order_ids
            open_orders = orders.filtered(lambda o: o.state in ("draft", "sent"))
            open_orders.with_context(aftersales_waived=True).action_cancel()
            for order in open_orders:
                order.message_post(body=_(
                    "Ticket %s was approved free of charge by the service "
                    "supervisor: this quotation is cancelled.")
                    % ticket.number)
                order._aftersales_activity_schedule(
                    todo, order.user_id or self.env.user, today,
                    _("Ticket %(ticket)s is free of charge: quotation %(order)s "
                      "was cancelled, tell the customer") % {
                          "ticket": ticket.number, "order": order.name})
            for order in orders.filtered(lambda o: o.state in ("sale", "done")):
                order._aftersales_activity_schedule(
                    todo, order.user_id or self.env.user, today,
                    _("Ticket %(ticket)s is free of charge, but order %(order)s "
                      "was accepted: refund or credit the customer") % {
                          "ticket": ticket.number, "order": order.name})

    # ------------------------------------------------------------------
    # Cron entry points
    # ------------------------------------------------------------------
    @api.model
    def cron_promise_review(self):
        """T18, at the end of each working day: every ticket received today
        (the company's day) and not solved gets a to-do to record the new time
        told to the customer, and the sales director one list of them. Safe
        to run twice: a ticket that has the to-do is not listed again."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        for company in self.env["res.company"].search([]):
            start, stop = company_day_bounds(self, company)
            tickets = self.search([
                ("company_id", "=", company.id), ("stage_id.closed", "=", False),
                ("reported_date", ">=", start), ("reported_date", "<", stop)])
            asked = self.env["mail.activity"].sudo().search([
                ("res_model", "=", self._name), ("res_id", "in", tickets.ids),
                ("aftersales_decision", "=", "promise")]).mapped("res_id")
            tickets = lock_rows(tickets.filtered(lambda t: t.id not in asked))
            if not tickets:
                continue
            today = company_today(self, company)
            for ticket in tickets:
                users = ticket.user_id or (group_users(self.env, GROUP_SUPERVISOR)
                                           & ticket.team_id.user_ids) \
                    or group_users(self.env, GROUP_SUPERVISOR)
                for user in users:
                    ticket._aftersales_activity_schedule(
                        todo, user, today,
                        _("Not solved today: record the new time told to the "
                          "customer"), decision="promise")
            tickets._aftersales_send_promise_list(company)
        return True

    @api.multi
    @in_company_lang
    def _aftersales_send_promise_list(self, company):
        """T18: the sales director's one message with the day's unsolved
        tickets and the time each customer was promised."""
        director = company.sudo().aftersales_sales_director_id
        if not director.partner_id.email:
            return
        rows = "".join(
            "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>" % (
                html_escape(ticket.number), html_escape(ticket.partner_id.name or ""),
                html_escape(ticket.name or ""),
                ticket.promised_date and company_time(
                    ticket, ticket.promised_date, company) or "-")
            for ticket in self)
        body = "<p>%s</p><table border=\"1\" cellpadding=\"4\"><tr><th>%s</th><th>%s" \
            "</th><th>%s</th><th>%s</th></tr>%s</table>" % (
                html_escape(_("Tickets received today and not solved:")),
                html_escape(_("Ticket")), html_escape(_("Customer")),
                html_escape(_("Problem")), html_escape(_("Promised Solution")), rows)
        self.env["mail.mail"].sudo().create({
            "subject": _("Unsolved service tickets of %(day)s (%(count)d)") % {
                "day": company_today(self, company), "count": len(self)},
            "body_html": body,
            "email_from": company.email or self.env.user.email,
            "recipient_ids": [(4, director.partner_id.id)],
        })

    @api.model
    @api.returns("self")  # the ids through RPC (a recordset cannot be sent)
    def cron_sla_check(self):
        """Every 15 minutes: recompute the stored SLA states of open tickets whose
        clock is near or past its deadline; idempotent."""
        now = fields.Datetime.from_string(fields.Datetime.now())
        horizon = fields.Datetime.to_string(now + timedelta(hours=max(
            self.env["res.company"].search([]).mapped("aftersales_sla_risk_hours")
            or [0])))
        tickets = self.search([
            ("stage_id.closed", "=", False), ("hold_since", "=", False), "|", "|",
            "&", ("response_state", "=", "pending"),
            ("response_deadline", "<=", horizon),
            "&", ("arrival_state", "=", "pending"),
            ("arrival_deadline", "<=", horizon),
            "&", ("resolution_state", "=", "pending"),
            ("promised_date", "<=", horizon),
        ])
        # a run started at the same moment keeps the tickets it holds
        tickets = lock_rows(tickets)
        if tickets:
            self.env.add_todo(self._fields["response_state"], tickets)
            self.recompute()
        return tickets
