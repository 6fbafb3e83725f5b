# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import GROUP_SUPERVISOR, company_today

CARE_KINDS = [
    ("visit", "Visit"),
    ("training", "Training"),
    ("upgrade", "Upgrade"),
    ("greeting", "Greeting"),
    ("other", "Other"),
]


class AftersalesCarePlan(models.Model):
    """C7: a key customer's care plan for a year (重点客户关怀计划): who owns
    it, the needs learned, the activities planned with their dates, and the
    review at year end."""

    _name = "aftersales.care.plan"
    _description = "Key-Customer Care Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.guard"]
    _order = "year desc, partner_id"
    # F2, F3: the review is the button's; a reviewed plan is final
    _guarded_fields = ("state", "reviewed_by_id", "reviewed_on")

    # ------------------------------------------------------------------
    # Fields: the plan, its activities, the year-end review
    # ------------------------------------------------------------------
    name = fields.Char(compute="_compute_name", store=True)
    partner_id = fields.Many2one(
        "res.partner", string="Key Customer", required=True, index=True,
        track_visibility="onchange",
        domain=[("customer", "=", True), ("parent_id", "=", False),
                ("aftersales_customer_class", "=", "key")])
    year = fields.Integer(
        required=True, index=True, track_visibility="onchange",
        default=lambda self: fields.Date.from_string(company_today(self)).year)
    company_id = fields.Many2one(
        "res.company", required=True, index=True,
        default=lambda self: self.env.user.company_id)
    user_id = fields.Many2one(
        "res.users", string="Owner", required=True, index=True,
        track_visibility="onchange", default=lambda self: self.env.user)
    needs = fields.Text(string="Needs Learned")
    activity_line_ids = fields.One2many(
        "aftersales.care.activity", "plan_id", string="Planned Activities")
    planned_count = fields.Integer(string="To Do",
                                   compute="_compute_activity_counts")
    done_count = fields.Integer(string="Done", compute="_compute_activity_counts")
    late_count = fields.Integer(string="Late", compute="_compute_activity_counts")
    review = fields.Text(string="Year-End Review")
    state = fields.Selection(
        [("open", "In Progress"), ("reviewed", "Reviewed")], default="open",
        required=True, readonly=True, copy=False, track_visibility="onchange")
    reviewed_by_id = fields.Many2one("res.users", string="Reviewed By",
                                     readonly=True, copy=False)
    reviewed_on = fields.Date(readonly=True, copy=False)

    _sql_constraints = [
        ("partner_year_uniq", "unique(partner_id, year, company_id)",
         "A key customer has one care plan a year: open that plan."),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("partner_id.name", "year")
    def _compute_name(self):
        for plan in self:
            plan.name = _("Care Plan %(year)s - %(customer)s") % {
                "year": plan.year, "customer": plan.partner_id.name or ""}

    @api.depends("activity_line_ids.state", "activity_line_ids.date_due")
    def _compute_activity_counts(self):
        """All plans' counters from two grouped queries (late: planned and
        due before today, in the company's time zone)."""
        activities = self.env["aftersales.care.activity"]
        counts = {}
        for row in activities.read_group(
                [("plan_id", "in", self.ids)], ["plan_id", "state"],
                ["plan_id", "state"], lazy=False):
            counts[(row["plan_id"][0], row["state"])] = row["__count"]
        late = {row["plan_id"][0]: row["plan_id_count"]
                for row in activities.read_group(
                    [("plan_id", "in", self.ids), ("state", "=", "planned"),
                     ("date_due", "<", company_today(self))],
                    ["plan_id"], ["plan_id"])}
        for plan in self:
            plan.planned_count = counts.get((plan.id, "planned"), 0)
            plan.done_count = counts.get((plan.id, "done"), 0)
            plan.late_count = late.get(plan.id, 0)

    # ------------------------------------------------------------------
    # Constraints and CRUD
    # ------------------------------------------------------------------
    @api.constrains("year")
    def _check_year(self):
        if self.filtered(lambda p: not 2000 <= p.year <= 2999):
            raise ValidationError(_(
                "Care plan: enter the year as four digits, e.g. 2027."))

    @api.model
    def create(self, vals):
        """C7: a plan for a key customer; its owner gets the year-end review
        as a to-do due on the last day of the year."""
        partner = self.env["res.partner"].browse(vals.get("partner_id"))
        if partner and partner.commercial_partner_id.aftersales_customer_class \
                != "key":
            raise ValidationError(_(
                "%s is not a key customer: care plans are for key customers "
                "(the general manager confirms the key-customer list).")
                % partner.display_name)
        plan = super().create(vals)
        plan._aftersales_activity_schedule(
            self.env.ref("mail.mail_activity_data_todo"), plan.user_id,
            fields.Date.to_string(date(plan.year, 12, 31)),
            _("Review the care plan at year end"), decision="care_review")
        return plan

    @api.multi
    def _guard_final(self):
        return self.filtered(lambda p: p.state == "reviewed")

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_review(self):
        """C7: the owner (or a supervisor) closes the year with the review;
        the plan is final afterwards."""
        for plan in self:
            if plan.state != "open":
                raise UserError(_("%s is already reviewed.") % plan.name)
            if self.env.user != plan.user_id \
                    and not self.env.user.has_group(GROUP_SUPERVISOR):
                raise UserError(_(
                    "%(plan)s: its owner %(owner)s or a service supervisor "
                    "reviews it.") % {"plan": plan.name,
                                      "owner": plan.user_id.name})
            if not (plan.review or "").strip():
                raise UserError(_(
                    "%s: write the year-end review (what was done, what the "
                    "customer said, what to change next year) first.")
                    % plan.name)
        self._guard_write({"state": "reviewed", "reviewed_by_id": self.env.user.id,
                           "reviewed_on": company_today(self)})
        self._aftersales_activity_done("care_review")
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.model
    def _ensure_for(self, partners, year, company):
        """C7: a care plan of ``year`` for each key customer of ``partners``
        without one (after the key-customer list is confirmed); the owner is
        whoever the company makes responsible for the customer's visits."""
        existing = self.search([("partner_id", "in", partners.ids),
                                ("year", "=", year),
                                ("company_id", "=", company.id)])
        plans = self.browse()
        for partner in partners - existing.mapped("partner_id"):
            plans |= self.create({
                "partner_id": partner.id, "year": year, "company_id": company.id,
                "user_id": company._aftersales_visit_responsible(partner).id
                or self.env.user.id})
        return plans


class AftersalesCareActivity(models.Model):
    """C7: one planned activity of a care plan (a visit, a training, an
    upgrade, a greeting) with its due date and status."""

    _name = "aftersales.care.activity"
    _description = "Care Plan Activity"
    _inherit = ["aftersales.guard"]
    _order = "date_due, id"
    _guarded_fields = ("state", "done_on")

    plan_id = fields.Many2one("aftersales.care.plan", required=True, index=True,
                              ondelete="cascade")
    company_id = fields.Many2one(related="plan_id.company_id", store=True,
                                 readonly=True)
    kind = fields.Selection(CARE_KINDS, required=True, default="visit")
    name = fields.Char(string="Activity", required=True)
    date_due = fields.Date(string="Due On", required=True)
    user_id = fields.Many2one("res.users", string="Responsible")
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned", required=True, readonly=True, copy=False)
    done_on = fields.Date(readonly=True, copy=False)
    outcome = fields.Char()

    @api.multi
    def _guard_final(self):
        return self.filtered(lambda a: a.plan_id.state == "reviewed")

    @api.multi
    def action_done(self):
        if self.filtered(lambda a: a.state != "planned"):
            raise UserError(_("Only a planned activity is marked done."))
        self._guard_write({"state": "done", "done_on": company_today(self)})
        return True

    @api.multi
    def action_cancel(self):
        if self.filtered(lambda a: a.state != "planned"):
            raise UserError(_("Only a planned activity is cancelled."))
        self._guard_write({"state": "cancelled"})
        return True
