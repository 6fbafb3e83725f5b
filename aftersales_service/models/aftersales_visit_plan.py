# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.tools import html_escape

from ..tools import GROUP_GENERAL_MANAGER, company_today, group_users, lock_rows

PLAN_DAY = 15  # visits are planned mid-month; scheduling sets the real day


def _spread_months(count, offset_half=False):
    """Months (1-12) spreading ``count`` visits over a year: maintenance visits
    at 12/(n+1)·k (6; 4 and 8), interval visits in the middle of each period
    (3 and 9 for every 6 months, 6 for yearly)."""
    if offset_half:
        return [max(1, 12 * (2 * k + 1) // (2 * count)) for k in range(count)]
    return [max(1, 12 * k // (count + 1)) for k in range(1, count + 1)]


def _month_gap(first, second):
    """Months between two months of the year, round the turn of the year."""
    gap = abs(first - second) % 12
    return min(gap, 12 - gap)


def _interval_months(count, taken):
    """Months of ``count`` interval visits (C5), evenly spaced as in
    ``_spread_months(count, offset_half=True)``, but shifted as far as
    possible from the preventive visits already in ``taken``: a long-term
    customer with one maintenance visit in June is visited in December, not
    twice in June."""
    months = _spread_months(count, offset_half=True)
    if not taken:
        return months
    step = 12 // count
    best, best_gap = months, -1
    # shifts tried from the nearest, so a tie keeps the usual months
    for shift in sorted(range(-(step // 2), step - step // 2), key=abs):
        shifted = [(month - 1 + shift) % 12 + 1 for month in months]
        gap = min(_month_gap(a, b) for a in shifted for b in taken)
        if gap > best_gap:
            best, best_gap = shifted, gap
    return sorted(best)


def _visit_label(visit):
    """A visit as the plan's chatter names it: customer and planned date."""
    return "%s (%s)" % (visit.partner_id.name, visit.planned_date)


class AftersalesVisitPlan(models.Model):
    """C4, C5: the yearly plan of preventive maintenance and customer visits,
    approved by the general manager before its visits are scheduled."""

    _name = "aftersales.visit.plan"
    _description = "Yearly Visit Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.guard"]
    # F2, F3 (aftersales.guard): the general manager's approval and the
    # states are written by the buttons (C5); a cancelled plan is final
    _guarded_fields = ("state", "approved_by_id", "approved_date")
    _order = "year desc, id desc"

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(
        required=True, track_visibility="onchange",
        default=lambda self: fields.Date.from_string(
            company_today(self)).year + 1)
    company_id = fields.Many2one(
        "res.company", required=True, index=True,
        default=lambda self: self.env.user.company_id)
    state = fields.Selection(
        [("draft", "Draft"), ("to_approve", "To Approve"), ("approved", "Approved"),
         ("cancelled", "Cancelled")],
        default="draft", required=True, readonly=True, copy=False,
        track_visibility="onchange")
    approved_by_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False)
    approved_date = fields.Date(string="Approved On", readonly=True, copy=False)
    visit_ids = fields.One2many(
        "aftersales.visit", "visit_plan_id", string="Visits")
    visit_count = fields.Integer(compute="_compute_visit_counts")
    visit_done_count = fields.Integer(
        string="Visits Done", compute="_compute_visit_counts")
    note = fields.Text()

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("year", "company_id.name")
    def _compute_name(self):
        for plan in self:
            plan.name = _("Visit Plan %(year)s - %(company)s") % {
                "year": plan.year, "company": plan.company_id.name or ""}

    @api.depends("visit_ids.state")
    def _compute_visit_counts(self):
        """All plans' counters from one grouped query."""
        rows = self.env["aftersales.visit"].read_group(
            [("visit_plan_id", "in", self.ids)], ["visit_plan_id", "state"],
            ["visit_plan_id", "state"], lazy=False)
        total, done = {}, {}
        for row in rows:
            plan_id = row["visit_plan_id"][0]
            total[plan_id] = total.get(plan_id, 0) + row["__count"]
            if row["state"] == "done":
                done[plan_id] = done.get(plan_id, 0) + row["__count"]
        for plan in self:
            plan.visit_count = total.get(plan.id, 0)
            plan.visit_done_count = done.get(plan.id, 0)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("year", "company_id", "state")
    def _check_one_plan_per_year(self):
        for plan in self.filtered(lambda p: p.state != "cancelled"):
            if not 2000 <= plan.year <= 2999:
                raise ValidationError(_(
                    "Visit plan: enter the year as four digits, e.g. 2027."))
            if self.search_count([
                    ("id", "!=", plan.id), ("year", "=", plan.year),
                    ("company_id", "=", plan.company_id.id),
                    ("state", "!=", "cancelled")]):
                raise ValidationError(_(
                    "%(company)s already has a visit plan for %(year)s: regenerate "
                    "that plan or cancel it first.") % {
                        "company": plan.company_id.name, "year": plan.year})

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        """C5: a plan is born approved only by the general manager."""
        self.env["aftersales.facts"]._check_selection_values(self, vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self.env["aftersales.facts"]._check_selection_values(self, vals)
        return super().write(vals)

    @api.multi
    def _guard_final(self):
        return self.filtered(lambda p: p.state == "cancelled")

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_generate(self):
        """C4, C5: create the year's visits from each customer's entitlement
        and visit interval. Safe to run again: visits already there (matched on
        customer, type and planned month) stay, whatever their state. A plan
        not yet approved also drops the planned visits nobody is entitled to
        any more; an approved plan only gets what is missing and stays
        approved (what the general manager approved is not taken away: the
        visits no longer due are listed for the supervisor to cancel)."""
        lock_rows(self, _(
            "Someone is generating or approving %s at this moment: open the plan "
            "again in a few seconds.") % ", ".join(self.mapped("name")))
        for plan in self:
            if plan.state == "cancelled":
                raise UserError(_("%s is cancelled: create a new plan instead.")
                                % plan.name)
            approved = plan.state == "approved"
            added, removed, stale = plan._generate_visits(keep=approved)
            if added or removed or stale:
                plan.message_post(body=plan._generation_note(added, removed, stale))
        return True

    @api.multi
    def _generation_note(self, added, removed, stale):
        """The chatter line of a generation, naming the visits it changed
        (``removed``: their labels, the visits are gone)."""
        def names(visits):
            return ", ".join(visits if isinstance(visits, list) else [
                _visit_label(visit) for visit in visits]) or "-"
        note = _("Generated: %(added)s visits added: %(names)s.") % {
            "added": len(added), "names": names(added)}
        if removed:
            note += " " + _("%(removed)s planned visits removed: %(names)s.") % {
                "removed": len(removed), "names": names(removed)}
        if stale:
            note += " " + _(
                "%(count)s planned visits are no longer due; cancel them if they "
                "should not take place: %(names)s.") % {
                    "count": len(stale), "names": names(stale)}
        return html_escape(note)

    @api.multi
    def action_request_approval(self):
        """C5: the plan waits for the general manager's approval, and the
        general managers get one to-do each; asked once (the button goes)."""
        lock_rows(self, _(
            "Someone is generating or approving %s at this moment: open the plan "
            "again in a few seconds.") % ", ".join(self.mapped("name")))
        managers = group_users(self.env, GROUP_GENERAL_MANAGER)
        todo = self.env.ref("mail.mail_activity_data_todo")
        today = company_today(self)
        for plan in self:
            if plan.state != "draft":
                raise UserError(_(
                    "%s is not a draft plan: its approval was already asked for "
                    "or given.") % plan.name)
            if not plan.visit_ids:
                raise UserError(_(
                    "%s has no visits: generate the visits before asking for "
                    "approval.") % plan.name)
        self._guard_write({"state": "to_approve"})
        for plan in self:
            for user in managers:
                plan._aftersales_activity_schedule(
                    todo, user, today, _("Approve the yearly visit plan"),
                    decision="approval")
        return True

    @api.multi
    def action_approve(self):
        """C5: only a general manager approves a plan with visits (asked for,
        or still a draft when the general manager approves it directly)."""
        self._check_approver()
        for plan in self:
            if plan.state not in ("draft", "to_approve"):
                labels = dict(plan._fields["state"]._description_selection(
                    self.env))
                raise UserError(_(
                    "%(plan)s is %(state)s: only a plan in %(draft)s or "
                    "%(waiting)s is approved.") % {
                        "plan": plan.name, "state": labels[plan.state],
                        "draft": labels["draft"],
                        "waiting": labels["to_approve"]})
            if not plan.visit_ids:
                raise UserError(_(
                    "%s has no visits: generate the visits before approving.")
                    % plan.name)
        self._guard_write({"state": "approved", "approved_by_id": self.env.user.id,
                           "approved_date": company_today(self)})
        self._aftersales_activity_done("approval")
        return True

    @api.multi
    def action_cancel(self):
        """A cancelled plan's open visits are cancelled too; done ones stay."""
        self.mapped("visit_ids").filtered(
            lambda v: v.state in ("planned", "scheduled")).write(
                {"state": "cancelled"})
        self._guard_write({"state": "cancelled"})
        self._aftersales_activity_done("approval")
        return True

    @api.multi
    def action_view_visits(self):
        """The plan's visits, the calendar opening on the plan's first visit
        still to do (else its first visit, else January of its year), not on
        today's month of another year. Odoo 11's calendar takes its first date
        from the view's ``initialDate`` flag, not from the context."""
        self.ensure_one()
        action = self.env.ref("aftersales_service.aftersales_visit_action").read()[0]
        action["domain"] = [("visit_plan_id", "=", self.id)]
        action["context"] = {"default_visit_plan_id": self.id,
                             "default_company_id": self.company_id.id}
        visits = self.env["aftersales.visit"].search(
            [("visit_plan_id", "=", self.id)])
        first = visits.filtered(lambda v: v.state in ("planned", "scheduled"))[:1] \
            or visits[:1]
        initial = first.planned_date or fields.Date.to_string(date(self.year, 1, 1))
        action["context"]["initial_date"] = initial  # the later web clients' key
        action["flags"] = {"initialDate": initial}
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _check_approver(self):
        if not self.env.user.has_group(GROUP_GENERAL_MANAGER):
            raise AccessError(_(
                "Only the general manager approves the yearly visit plan."))

    @api.multi
    def _visit_targets(self):
        """Wanted visits as {(partner id, type, month): unit ids}.

        Customers: companies (or contacts without a company) of the plan's
        company, with a maintenance entitlement (C4) or a visit interval (C5:
        key customers, and customers marked long-term on their form). Their
        installed base comes from the partner's grouped computes, their units
        from one search.
        """
        self.ensure_one()
        company = self.company_id
        partners = self.env["res.partner"].search([
            ("customer", "=", True), ("parent_id", "=", False),
            "|", ("company_id", "=", False), ("company_id", "=", company.id),
            "|", "|", ("aftersales_equipment_ids", "!=", False),
            ("aftersales_customer_class", "=", "key"),
            ("aftersales_long_term", "=", True)])
        units = {}
        for unit in self.env["aftersales.equipment"].search([
                ("partner_id", "in", partners.ids),
                ("state", "in", ("waiting_installation", "in_service"))]):
            units.setdefault(unit.partner_id.id, []).append(unit.id)
        targets = {}
        for partner in partners:
            entitled = partner._aftersales_entitlement(
                partner.aftersales_units_held,
                partner.aftersales_largest_order_units, company)
            preventive = _spread_months(entitled)
            for month in preventive:
                targets[(partner.id, "preventive", month)] = units.get(partner.id, [])
            if partner.aftersales_customer_class == "key":
                interval = company.aftersales_visit_months_key
            elif partner.aftersales_long_term:
                interval = company.aftersales_visit_months_long_term
            else:
                interval = 0
            if interval:
                count = int(math.ceil(12.0 / interval))
                for month in _interval_months(count, preventive):
                    targets[(partner.id, "key_customer", month)] = units.get(
                        partner.id, [])
        return targets

    @api.multi
    def _generate_visits(self, keep=False):
        """Add the missing visits and drop the planned ones no longer wanted,
        or with ``keep`` leave those (returned as stale); return (added,
        removed, stale)."""
        self.ensure_one()
        targets = self._visit_targets()
        # a year's plan creates thousands of visits: the plan's chatter logs the
        # generation, so no "created" message on each visit, and whoever
        # generates it does not follow them all
        visits = self.env["aftersales.visit"].with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True)
        existing = {}
        for visit in self.visit_ids.filtered("plan_month"):
            existing[(visit.partner_id.id, visit.visit_type, visit.plan_month)] = visit
        unwanted = visits.browse([
            visit.id for key, visit in existing.items()
            if key not in targets and visit.state == "planned"])
        removed, stale = (visits.browse(), unwanted) if keep else (
            unwanted, visits.browse())
        added = visits.browse()
        for key in sorted(set(targets) - set(existing)):
            partner_id, visit_type, month = key
            added |= visits.create({
                "visit_plan_id": self.id,
                "company_id": self.company_id.id,
                "partner_id": partner_id,
                "visit_type": visit_type,
                "plan_month": month,
                "planned_date": fields.Date.to_string(
                    date(self.year, month, PLAN_DAY)),
                "equipment_ids": [(6, 0, targets[key])],
                "user_id": self.company_id._aftersales_visit_responsible(
                    self.env["res.partner"].browse(partner_id)).id,
            })
        removed_names = [_visit_label(visit) for visit in removed]
        removed.unlink()
        return added, removed_names, stale
