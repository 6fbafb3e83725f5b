# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models, tools
from odoo.exceptions import ValidationError

from .aftersales_return import APPROVAL_LEVELS

AFTERSALES_NUMBERS = (
    "aftersales_warranty_months_domestic", "aftersales_warranty_months_export",
    "aftersales_key_customer_revenue", "aftersales_entitlement_order_units",
    "aftersales_entitlement_held_units", "aftersales_entitlement_held_units_high",
    "aftersales_entitlement_visits", "aftersales_entitlement_visits_high",
    "aftersales_visit_months_key", "aftersales_visit_months_long_term",
    "aftersales_renewal_reminder_months", "aftersales_response_hours",
    "aftersales_response_minutes_urgent", "aftersales_arrival_hours_zone1",
    "aftersales_arrival_hours_zone2", "aftersales_arrival_hours_zone3",
    "aftersales_arrival_hours_nearby", "aftersales_sla_risk_hours",
    "aftersales_repeat_repair_days", "aftersales_followup_days",
    "aftersales_qualification_warning_days",
    "aftersales_return_band1_amount", "aftersales_return_band2_amount",
    "aftersales_future_tolerance_minutes", "aftersales_promise_hours_urgent",
    "aftersales_promise_hours_normal", "aftersales_promise_hours_minor",
    "aftersales_sla_risk_percent", "aftersales_installation_days",
    "aftersales_onsite_window_months_domestic",
    "aftersales_onsite_window_months_export",
    "aftersales_part_return_days", "aftersales_unreturned_parts_limit",
)

# what every new ticket's clocks read of the settings (_aftersales_clock_settings)
CLOCK_SETTINGS = (
    "aftersales_response_hours", "aftersales_response_minutes_urgent",
    "aftersales_promise_hours_urgent", "aftersales_promise_hours_normal",
    "aftersales_promise_hours_minor", "aftersales_sla_risk_hours",
    "aftersales_sla_risk_percent", "aftersales_future_tolerance_minutes",
    "aftersales_response_calendar_id", "aftersales_working_calendar_id",
)


class ResCompany(models.Model):
    """Every number of the after-sales policy, per company, with its default."""

    _inherit = "res.company"

    # W1
    aftersales_warranty_months_domestic = fields.Integer(
        string="Domestic Warranty (months)", default=12)
    aftersales_warranty_months_export = fields.Integer(
        string="Export Warranty (months)", default=12)
    # W7: free on-site service within these months of the installation
    aftersales_onsite_window_months_domestic = fields.Integer(
        string="Domestic On-site Window (months)", default=12,
        help="Free on-site service for machine faults that cannot be solved "
             "remotely, counted from the installation.")
    aftersales_onsite_window_months_export = fields.Integer(
        string="Export On-site Window (months)", default=3,
        help="Free on-site service for export customers (agents), counted "
             "from the installation; later visits are chargeable even in "
             "warranty.")
    # C2
    aftersales_key_customer_revenue = fields.Monetary(
        string="Key Customer Revenue Threshold", default=5000000.0,
        currency_field="currency_id",
        help="A customer whose sales revenue of the last calendar year reaches "
             "this amount (company currency) is a key customer.")
    # C4
    aftersales_entitlement_order_units = fields.Integer(
        string="Units in One Order for 1 Visit", default=5)
    aftersales_entitlement_held_units = fields.Integer(
        string="Units Held for 1 Visit", default=10)
    aftersales_entitlement_held_units_high = fields.Integer(
        string="Units Held for 2 Visits", default=20)
    aftersales_entitlement_visits = fields.Integer(
        string="Maintenance Visits per Year", default=1)
    aftersales_entitlement_visits_high = fields.Integer(
        string="Maintenance Visits per Year (large base)", default=2)
    # C5
    aftersales_visit_months_key = fields.Integer(
        string="Key Customer Visit Interval (months)", default=6)
    aftersales_visit_months_long_term = fields.Integer(
        string="Long-term Customer Visit Interval (months)", default=12)
    aftersales_visit_responsible = fields.Selection(
        [("salesperson", "The Customer's Salesperson"),
         ("team_leader", "The After-Sales Team Leader")],
        string="Responsible for Visits", default="salesperson", required=True,
        help="Who a planned visit is assigned to; the other one when the first "
             "is missing.")
    # W6
    aftersales_renewal_reminder_months = fields.Integer(
        string="Free Maintenance Reminder Lead (months)", default=3)
    aftersales_sales_director_id = fields.Many2one(
        "res.users", string="Sales Director",
        help="Told when a customer's free maintenance period is about to end.")

    # T3
    aftersales_response_hours = fields.Float(
        string="First Response (hours)", default=24.0)
    aftersales_response_minutes_urgent = fields.Integer(
        string="First Response, Urgent (minutes)", default=30,
        help="The \"immediate\" first reply to an urgent ticket, counted from "
             "the report.")
    # T11, T26: the team that takes installations and the night's calls
    aftersales_team_id = fields.Many2one(
        "helpdesk.ticket.team", string="After-Sales Team",
        help="Installation tickets opened by a delivery go to this team.")
    # T1: which team a new ticket goes to; the after-sales team is the fallback
    aftersales_team_routing = fields.Selection([
        ("team", "The After-Sales Team"),
        ("channel", "By Intake Channel"),
        ("customer", "By Customer"),
        ("product_line", "By Product Line"),
    ], string="New Tickets Go To the Team", default="team", required=True,
        help="By intake channel, customer or the unit's product line: the team "
             "set on the channel, on the customer or on the product category "
             "(or its parent); where none is set, the after-sales team.")
    # T11: the contract's installation time, unless the contract says another
    aftersales_installation_days = fields.Integer(
        string="Installation Due Within (days)", default=15,
        help="Days after delivery by which a machine is installed and "
             "commissioned; an installation ticket can take the contract's own "
             "date.")
    # T3 rev. 2: the calendars the clocks run on, unless a team has its own
    aftersales_response_calendar_id = fields.Many2one(
        "resource.calendar", string="First Response Calendar",
        help="Leave empty for round the clock (remote service every day of "
             "the year).")
    aftersales_working_calendar_id = fields.Many2one(
        "resource.calendar", string="Service Working Calendar",
        default=lambda self: self.env.ref(
            "aftersales_service.resource_calendar_service",
            raise_if_not_found=False),
        help="Working hours, public holidays and make-up working days on which "
             "the arrival and resolution clocks run; empty: round the clock.")
    aftersales_pause_on_quotation = fields.Boolean(
        string="Clocks Pause While a Quotation Waits", default=True,
        help="A chargeable job's clocks stop while its quotation waits for the "
             "customer's acceptance.")
    # T18: the time the customer is told at intake, by urgency
    aftersales_promise_hours_urgent = fields.Float(
        string="Promised Solution, Urgent (working hours)", default=8.0)
    aftersales_promise_hours_normal = fields.Float(
        string="Promised Solution, Normal (working hours)", default=24.0)
    aftersales_promise_hours_minor = fields.Float(
        string="Promised Solution, Minor (working hours)", default=40.0)
    # T4
    aftersales_arrival_hours_zone1 = fields.Float(
        string="Arrival, Zone 1 (hours)", default=2.0)
    aftersales_arrival_hours_zone2 = fields.Float(
        string="Arrival, Zone 2 (hours)", default=3.0)
    aftersales_arrival_hours_zone3 = fields.Float(
        string="Arrival, Zone 3 (hours)", default=4.0)
    aftersales_arrival_hours_nearby = fields.Float(
        string="Arrival, Nearby City (hours)", default=6.0)
    aftersales_sla_risk_hours = fields.Float(
        string="SLA at Risk Before Deadline (hours)", default=2.0,
        help="An open deadline this close is shown as at risk.")
    aftersales_sla_risk_percent = fields.Integer(
        string="SLA at Risk in the Last Part of a Clock (%)", default=25,
        help="A short clock (an urgent first reply) is at risk only in this "
             "last share of its length, never from the moment it starts.")
    # Q9: what the monthly figures are read against (percentages)
    aftersales_target_response = fields.Float(
        string="Target: First Response in Time (%)", default=95.0)
    aftersales_target_arrival = fields.Float(
        string="Target: Arrival in Time (%)", default=90.0)
    aftersales_target_resolved = fields.Float(
        string="Target: Resolved (%)", default=90.0)
    aftersales_target_first_time_fix = fields.Float(
        string="Target: First-Time Fix (%)", default=80.0)
    aftersales_target_repeat_repair = fields.Float(
        string="Limit: Repeat Repairs (%)", default=5.0,
        help="The highest share of repeat repairs the company accepts.")
    # C1: the largest file a customer uploads on the portal
    aftersales_upload_max_mb = fields.Integer(
        string="Largest Customer Upload (MB)", default=10,
        help="Photos and documents larger than this are refused on the portal.")
    aftersales_team_restriction = fields.Boolean(
        string="Service Staff See Only Their Teams' Tickets",
        help="Service staff see the tickets of the teams they belong to (and "
             "tickets without a team); supervisors keep seeing every ticket.")
    # T8, T9
    aftersales_repeat_repair_days = fields.Integer(
        string="Repeat Repair Window (days)", default=90)
    aftersales_followup_days = fields.Integer(
        string="Follow-up After (days)", default=7)
    # T24
    aftersales_part_return_days = fields.Integer(
        string="Removed Part Returned Within (days)", default=15,
        help="Days after the signed report by which the engineer returns the "
             "part he removed; later it is flagged and he gets a to-do.")
    aftersales_unreturned_parts_limit = fields.Integer(
        string="Unreturned Parts Allowed per Engineer", default=3,
        help="An engineer holding more removed parts not yet returned gets "
             "new spare parts only from a service supervisor.")
    # S1
    aftersales_visit_fee_product_id = fields.Many2one(
        "product.product", string="Visit Fee Product",
        domain="[('type', '=', 'service'), ('sale_ok', '=', True)]",
        help="Service product quoted as the visit fee of a paid job.")
    aftersales_travel_product_id = fields.Many2one(
        "product.product", string="Travel and Staff Cost Product",
        domain="[('type', '=', 'service'), ('sale_ok', '=', True)]",
        help="Service product quoted for travel and staff time of a paid job.")
    # T14
    aftersales_qualification_warning_days = fields.Integer(
        string="Certificate Expiry Warning (days)", default=30,
        help="Days before a service qualification expires when its holder and "
             "the supervisors are told.")
    # T15
    aftersales_training_pass_mark = fields.Float(
        string="Training Pass Mark", default=60.0,
        help="Lowest assessment score (out of 100) that earns a customer "
             "trainee a certificate.")
    # T13 (rev. 2): returns and exchanges approved by authority level: two
    # amounts make three bands, each decided by the approver set here (the
    # seed: the general manager, or the general manager's office meeting)
    aftersales_return_band1_amount = fields.Monetary(
        string="Returns: First Band up to", default=20000.0,
        currency_field="currency_id",
        help="A return or exchange worth at most this amount is decided by "
             "the first band's approver.")
    aftersales_return_band2_amount = fields.Monetary(
        string="Returns: Second Band up to", default=100000.0,
        currency_field="currency_id",
        help="Above the first band and up to this amount the second band's "
             "approver decides; above it the third band's.")
    aftersales_return_band1_approver = fields.Selection(
        APPROVAL_LEVELS, string="Returns: First Band Approver", required=True,
        default="general_manager",
        help="Who approves a return or exchange of the first band.")
    aftersales_return_band2_approver = fields.Selection(
        APPROVAL_LEVELS, string="Returns: Second Band Approver", required=True,
        default="general_manager",
        help="Who approves a return or exchange of the second band.")
    aftersales_return_band3_approver = fields.Selection(
        APPROVAL_LEVELS, string="Returns: Third Band Approver", required=True,
        default="gm_office_meeting",
        help="Who approves a return or exchange above the second band; the "
             "office meeting's decision is recorded by a general manager with "
             "the meeting's minutes.")
    # F4: a time of a fact may be this far ahead of the server's clock
    aftersales_future_tolerance_minutes = fields.Integer(
        string="Future Time Tolerance (minutes)", default=10,
        help="How far ahead of now a recorded time (report, arrival) may be, "
             "for clocks that run a little fast; dates may not be after today.")

    @api.model
    def create(self, vals):
        company = super().create(vals)
        # the companies users see (record rules) grow with the tree
        self.env["res.users"].invalidate_cache(["aftersales_company_ids"])
        return company

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if "parent_id" in vals:
            self.env["res.users"].invalidate_cache(["aftersales_company_ids"])
        if {"aftersales_team_routing", "aftersales_team_id"} & set(vals) \
                or set(CLOCK_SETTINGS) & set(vals):
            self.clear_caches()  # _aftersales_routing, _aftersales_clock_settings
        if "aftersales_team_restriction" in vals:
            # record rules read the setting; their cached domains must go
            self.env["ir.rule"].clear_caches()
        return res

    @api.constrains(*AFTERSALES_NUMBERS)
    def _check_aftersales_numbers(self):
        """Every policy number is a count, an amount or hours: none is negative."""
        self._aftersales_check_not_negative(AFTERSALES_NUMBERS)
        for company in self:
            if company.aftersales_response_minutes_urgent < 1:
                raise ValidationError(_(
                    "\"First Response, Urgent (minutes)\" must be at least 1 "
                    "minute: the first reply to an urgent ticket is counted "
                    "from the report."))
            if (company.aftersales_entitlement_held_units_high
                    < company.aftersales_entitlement_held_units):
                raise ValidationError(_(
                    "\"Units Held for 2 Visits\" must be at least \"Units Held for "
                    "1 Visit\"."))

    @api.multi
    def _aftersales_check_not_negative(self, names):
        """The one refusal of a negative policy number; the other addons call it
        for the settings they add."""
        for company in self:
            for name in names:
                if company[name] < 0:
                    raise ValidationError(_(
                        "After-sales setting \"%s\" cannot be negative: enter zero "
                        "or a positive number.")
                        % company.fields_get([name])[name]["string"])

    @api.model
    @tools.ormcache("company_id")
    def _aftersales_tz(self, company_id):
        """F1: the company's time zone name (its partner's), cached: every
        ticket's creation and clocks read it; a change of a partner's zone
        drops the cache (``res.partner.write``)."""
        return self.sudo().browse(company_id).partner_id.tz or False

    @api.model
    @tools.ormcache("company_id")
    def _aftersales_routing(self, company_id):
        """T1: (how new tickets find their team, the after-sales team's id),
        cached: a ticket's creation reads no company row; ``write`` of either
        setting drops the cache."""
        company = self.sudo().browse(company_id)
        return company.aftersales_team_routing, company.aftersales_team_id.id

    @api.model
    @tools.ormcache("company_id")
    def _aftersales_clock_settings(self, company_id):
        """T3, T4, T18, F4: {setting: value} of what the clocks of every new
        ticket read (hours, risk window, tolerance; calendars as ids),
        cached: a ticket's creation reads no company row; ``write`` of any
        of them drops the cache. Read-only: the cache hands the same dict to
        every caller."""
        company = self.sudo().browse(company_id)
        return {name: company[name].id if company._fields[name].type == "many2one"
                else company[name] for name in CLOCK_SETTINGS}

    @api.model
    def _aftersales_default_calendars(self):
        """At installation: companies without a service working calendar get
        the one this module ships (the field's default is read before the
        module's data exist)."""
        calendar = self.env.ref("aftersales_service.resource_calendar_service")
        self.search([("aftersales_working_calendar_id", "=", False)]).write(
            {"aftersales_working_calendar_id": calendar.id})
        return True

    @api.multi
    def aftersales_arrival_hours(self, partner, contract=None):
        """T4: hours to arrive on site at ``partner`` from its distance zone;
        beyond the nearby cities, the hours of the unit's warranty contract or
        else the customer's (0 when unknown)."""
        self.ensure_one()
        zone = partner.commercial_partner_id.aftersales_distance_zone
        if zone in ("zone1", "zone2", "zone3", "nearby"):
            return self["aftersales_arrival_hours_%s" % zone]
        return ((contract and contract.arrival_hours)
                or partner.commercial_partner_id.aftersales_arrival_hours)

    @api.constrains("aftersales_sla_risk_percent")
    def _check_aftersales_sla_risk_percent(self):
        for company in self:
            if not 1 <= company.aftersales_sla_risk_percent <= 100:
                raise ValidationError(_(
                    "The share of a clock shown as at risk is a percentage "
                    "from 1 to 100."))

    @api.constrains("aftersales_target_response", "aftersales_target_arrival",
                    "aftersales_target_resolved",
                    "aftersales_target_first_time_fix",
                    "aftersales_target_repeat_repair")
    def _check_aftersales_targets(self):
        """Q9: a target is a percentage."""
        for company in self:
            for name in ("aftersales_target_response", "aftersales_target_arrival",
                         "aftersales_target_resolved",
                         "aftersales_target_first_time_fix",
                         "aftersales_target_repeat_repair"):
                if not 0 <= company[name] <= 100:
                    raise ValidationError(_(
                        "\"%s\" is a percentage: enter a number from 0 to "
                        "100.") % company.fields_get([name])[name]["string"])

    @api.constrains("aftersales_training_pass_mark")
    def _check_aftersales_training_pass_mark(self):
        for company in self:
            if not 0 <= company.aftersales_training_pass_mark <= 100:
                raise ValidationError(_(
                    "\"Training Pass Mark\" is a score between 0 and 100."))

    @api.model
    def _aftersales_check_length(self, records, limits):
        """The one refusal of a pasted text where a short reference is expected
        (concurrent clicks); ``limits`` maps field names of ``records`` to their
        maximum length."""
        for record in records:
            for name, size in limits.items():
                length = len(record[name] or "")
                if length > size:
                    raise ValidationError(_(
                        "\"%(field)s\" is too long: %(length)s characters, at "
                        "most %(max)s are allowed.") % {
                            "field": records.fields_get([name])[name]["string"],
                            "length": length, "max": size})

    @api.constrains("aftersales_return_band1_amount",
                    "aftersales_return_band2_amount",
                    "aftersales_return_band1_approver",
                    "aftersales_return_band2_approver",
                    "aftersales_return_band3_approver")
    def _check_aftersales_return_bands(self):
        """T13: a higher band is never decided by a lower authority."""
        names = ["aftersales_return_band%s_approver" % band for band in (1, 2, 3)]
        strings = self.fields_get(names + [
            "aftersales_return_band1_amount", "aftersales_return_band2_amount"])
        ranks = [level for level, _label in APPROVAL_LEVELS]
        for company in self:
            if (company.aftersales_return_band2_amount
                    < company.aftersales_return_band1_amount):
                raise ValidationError(_(
                    "\"%(second)s\" must be at least \"%(first)s\".") % {
                        "second": strings["aftersales_return_band2_amount"]["string"],
                        "first": strings["aftersales_return_band1_amount"]["string"]})
            for lower, higher in zip(names, names[1:]):
                if ranks.index(company[higher] or ranks[0]) \
                        < ranks.index(company[lower] or ranks[0]):
                    raise ValidationError(_(
                        "\"%(higher)s\" cannot be a lower authority than "
                        "\"%(lower)s\": choose the same approver or a higher "
                        "one.") % {"higher": strings[higher]["string"],
                                   "lower": strings[lower]["string"]})

    @api.multi
    def _aftersales_visit_responsible(self, partner):
        """C5: who is responsible for a customer's visits: the customer's
        salesperson or the after-sales team leader, as the company chose; the
        other one when the first is missing."""
        self.ensure_one()
        company = self.sudo()
        salesperson = partner.sudo().commercial_partner_id.user_id \
            or partner.sudo().user_id
        leader = company.aftersales_team_id.team_leader_id
        if company.aftersales_visit_responsible == "team_leader":
            return leader or salesperson
        return salesperson or leader

    # ------------------------------------------------------------------
    # Demo data
    # ------------------------------------------------------------------
    @api.model
    def _aftersales_demo_currency(self, company_id, currency_id):
        """Demo data only (``demo/res_company_demo.xml``): the demo company
        keeps its books in ``currency``.

        Odoo's generic demo posts invoices before this module is installed,
        after which ``account`` refuses to change the company's currency, as it
        should for a real database whose amounts would change meaning. The demo
        amounts mean nothing, so the company and its entries move together;
        the pricelists follow through the ORM (their orders recompute)."""
        company = self.browse(company_id)
        old = company.currency_id.id
        if old == currency_id:
            return True
        cr = self.env.cr
        params = {"new": currency_id, "old": old, "company": company_id}
        cr.execute("UPDATE res_company SET currency_id = %(new)s "
                   "WHERE id = %(company)s", params)
        cr.execute("UPDATE account_move_line SET company_currency_id = %(new)s "
                   "WHERE company_id = %(company)s", params)
        cr.execute("UPDATE account_move SET currency_id = %(new)s "
                   "WHERE company_id = %(company)s AND currency_id = %(old)s",
                   params)
        cr.execute("UPDATE account_invoice SET currency_id = %(new)s "
                   "WHERE company_id = %(company)s AND currency_id = %(old)s",
                   params)
        cr.execute("UPDATE account_invoice_line l SET currency_id = %(new)s "
                   "FROM account_invoice i WHERE i.id = l.invoice_id "
                   "AND i.company_id = %(company)s AND l.currency_id = %(old)s",
                   params)
        cr.execute("UPDATE account_invoice_tax t SET currency_id = %(new)s "
                   "FROM account_invoice i WHERE i.id = t.invoice_id "
                   "AND i.company_id = %(company)s AND t.currency_id = %(old)s",
                   params)
        cr.execute("UPDATE account_payment p SET currency_id = %(new)s "
                   "FROM account_journal j WHERE j.id = p.journal_id "
                   "AND j.company_id = %(company)s AND p.currency_id = %(old)s",
                   params)
        self.invalidate_cache()
        self.env["product.pricelist"].search([
            ("currency_id", "=", old),
            ("company_id", "in", [False, company_id])]).write(
                {"currency_id": currency_id})
        return True
