# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import plaintext2html

from ..tools import (
    GROUP_GENERAL_MANAGER, GROUP_SERVICE_MANAGER, GROUP_SUPERVISOR, company_today,
    group_users, lock_rows,
)

VISIT_TYPES = [
    ("preventive", "Preventive Maintenance"),
    ("key_customer", "Customer Visit"),
    ("complaint", "Complaint Visit"),
]
# C5 (rev. 2): how the customer was followed up ("回访方式多样化,包括电话、信件、
# 电子邮件"); all count for a long-term customer's yearly frequency
CONTACT_MODES = [
    ("in_person", "In Person"),
    ("phone", "Phone"),
    ("letter", "Letter"),
    ("email", "E-mail"),
]


class AftersalesVisit(models.Model):
    """C4, C5: one visit to a customer, and its visit record (Q8,
    《顾客走访记录表》)."""

    _name = "aftersales.visit"
    _description = "Customer Visit"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.guard",
                "aftersales.numbered"]
    _aftersales_sequence_code = "aftersales.visit"
    _order = "planned_date, id"
    # F2 (aftersales.guard): the signature's time is stamped when it is given
    _guarded_fields = ("signed_on",)
    # staff change only their own visits, but comment on every visit they read
    _mail_post_access = "read"

    # ------------------------------------------------------------------
    # The visit
    # ------------------------------------------------------------------
    name = fields.Char(string="Reference", required=True, copy=False,
                       readonly=True, default="/")
    visit_plan_id = fields.Many2one(
        "aftersales.visit.plan", string="Visit Plan", ondelete="cascade",
        index=True, readonly=True)
    visit_plan_state = fields.Selection(
        related="visit_plan_id.state", readonly=True, string="Plan Status")
    company_id = fields.Many2one(
        "res.company", required=True, index=True,
        default=lambda self: self.env.user.company_id)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True,
        domain=[("customer", "=", True), ("parent_id", "=", False)],
        track_visibility="onchange")
    equipment_ids = fields.Many2many(
        "aftersales.equipment", string="Units Covered",
        domain="[('partner_id', '=', partner_id)]")
    visit_type = fields.Selection(
        VISIT_TYPES, required=True, default="complaint",
        track_visibility="onchange",
        help="Customer visits are the key and long-term customers' regular "
             "visits; preventive maintenance is the installed base's "
             "entitlement.")
    contact_mode = fields.Selection(
        CONTACT_MODES, string="Follow-up By", required=True,
        default="in_person", track_visibility="onchange",
        help="A call, letter or e-mail counts for a long-term customer's "
             "yearly follow-up; key customers' planned visits and preventive "
             "maintenance are in person.")
    plan_month = fields.Integer(
        string="Planned Month", readonly=True,
        help="Month the yearly plan set: regenerating the plan matches visits "
             "on customer, type and this month.")
    planned_date = fields.Date(required=True, index=True,
                               track_visibility="onchange",
                               group_operator="min")
    user_id = fields.Many2one(
        "res.users", string="Responsible Person", track_visibility="onchange",
        help="Set from the customer's salesperson or the after-sales team "
             "leader, as the company chose in the settings.")
    state = fields.Selection(
        [("planned", "Planned"), ("scheduled", "Scheduled"), ("done", "Done"),
         ("cancelled", "Cancelled")],
        default="planned", required=True, readonly=True, copy=False,
        track_visibility="onchange")
    is_overdue = fields.Boolean(
        string="Overdue", readonly=True, copy=False, index=True,
        help="Set by the daily job when the visit is not done by its planned "
             "date; the supervisors are told once.")
    # ------------------------------------------------------------------
    # Visit record (Q8)
    # ------------------------------------------------------------------
    visit_date = fields.Date(string="Visited On", copy=False,
                             group_operator="max")
    people_met = fields.Text()
    product_usage = fields.Text()
    opinion_design = fields.Text(string="Opinion on Design")
    opinion_process = fields.Text(string="Opinion on Process")
    opinion_service = fields.Text(string="Opinion on Service")
    issues_raised = fields.Text()
    action_ids = fields.One2many(
        "aftersales.visit.action", "visit_id", string="Actions Decided",
        copy=False,
        help="One line per action decided with the customer; each can become "
             "its own ticket.")
    actions_decided = fields.Text(
        string="Notes on Actions",
        help="Free notes on the actions; the actions themselves are the lines "
             "above.")
    work_needed = fields.Boolean(
        string="Work Needed on Site",
        help="A maintenance ticket is opened when the visit is done.")
    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Maintenance Ticket", readonly=True, copy=False)
    # ------------------------------------------------------------------
    # Maintenance report (T23): a preventive visit's record per unit, signed
    # ------------------------------------------------------------------
    maintenance_unit_ids = fields.One2many(
        "aftersales.visit.unit", "visit_id", string="Maintenance Records",
        copy=False,
        help="One record per unit maintained: checklist, measurements, worn "
             "parts and advice.")
    customer_signature = fields.Binary(attachment=True, copy=False)
    signed_by = fields.Char(
        copy=False,
        help="Name of the customer's person who signed the maintenance report.")
    signed_on = fields.Datetime(
        readonly=True, copy=False,
        help="Stamped when the customer signs.")

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("state", "visit_plan_id")
    def _check_plan_approved(self):
        """C5: a planned visit is scheduled or done only in an approved plan."""
        for visit in self.filtered(
                lambda v: v.visit_plan_id and v.state in ("scheduled", "done")):
            if visit.visit_plan_id.state != "approved":
                raise ValidationError(_(
                    "Visit %(visit)s belongs to %(plan)s, which is not approved: "
                    "ask the general manager to approve the plan first.") % {
                        "visit": visit.name, "plan": visit.visit_plan_id.name})

    @api.constrains("state", "contact_mode", "visit_type", "visit_plan_id")
    def _check_contact_mode(self):
        """C5 (rev. 2): preventive maintenance, and a key customer's visit of
        the approved plan, are done in person; other follow-ups may be a
        call, a letter or an e-mail."""
        for visit in self.filtered(
                lambda v: v.state == "done" and v.contact_mode != "in_person"):
            if visit.visit_type == "preventive" or (
                    visit.visit_plan_id and visit.visit_type == "key_customer"
                    and visit.partner_id.aftersales_customer_class == "key"):
                raise ValidationError(_(
                    "Visit %s is a key customer's planned visit or a preventive "
                    "maintenance: it is done in person. Set \"Follow-up By\" to "
                    "\"In Person\", or record the call as a separate "
                    "follow-up.") % visit.name)

    @api.constrains("state", "people_met", "visit_date")
    def _check_record(self):
        """Q8: a done visit has its record: date and people met."""
        for visit in self.filtered(lambda v: v.state == "done"):
            if not visit.visit_date or not (visit.people_met or "").strip():
                raise ValidationError(_(
                    "Visit %s: fill in \"Visited On\" and \"People Met\" before "
                    "closing the visit.") % visit.name)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        self.env["aftersales.facts"]._check_selection_values(self, vals)
        if not vals.get("user_id") and vals.get("partner_id"):
            # C5: every visit has a responsible person
            company = self.env["res.company"].browse(
                vals.get("company_id")) or self.env.user.company_id
            vals["user_id"] = company._aftersales_visit_responsible(
                self.env["res.partner"].browse(vals["partner_id"])).id
        return super().create(vals)

    @api.multi
    def write(self, vals):
        """A visit done, cancelled or moved later is no longer overdue; a
        closed visit keeps its date, even when dragged on the calendar. T23:
        a maintenance report is signed once complete, the time stamped, and
        stays as signed."""
        self.env["aftersales.facts"]._check_selection_values(self, vals)
        self._guard_check_write(vals)
        self._check_report_open(vals)
        records = self
        if vals.get("customer_signature"):
            vals = dict(vals, signed_on=fields.Datetime.now())  # F2: stamped
            records = self._guard_door()
        if "planned_date" in vals:
            closed = self.filtered(
                lambda v: v.state in ("done", "cancelled")
                and v.planned_date != vals["planned_date"])
            if closed:
                raise UserError(_(
                    "Visit %s is done or cancelled: its planned date cannot "
                    "change any more.") % ", ".join(closed.mapped("name")))
        if vals.get("state") in ("done", "cancelled"):
            vals = dict(vals, is_overdue=False)
        elif vals.get("planned_date") and \
                vals["planned_date"] >= company_today(self):
            vals = dict(vals, is_overdue=False)
        res = super(AftersalesVisit, records).write(vals)
        if vals.get("customer_signature"):
            # T23: signed on the engineer's screen, with the records in one save
            for visit in self:
                missing = visit._maintenance_missing(signature=False)
                if missing:
                    raise UserError(visit._maintenance_refusal(missing))
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_schedule(self):
        for visit in self:
            if visit.state != "planned":
                raise UserError(_("Visit %s is not planned any more.") % visit.name)
            if not visit.user_id:
                raise UserError(_(
                    "Visit %s: choose who goes (\"Assigned To\") before "
                    "scheduling it.") % visit.name)
        self.write({"state": "scheduled"})
        self.action_load_maintenance_units()
        return True

    @api.multi
    def action_done(self):
        """Q8: close the visit with its record; work needed on site opens a
        maintenance ticket."""
        for visit in self:
            if visit.state not in ("planned", "scheduled"):
                raise UserError(_("Visit %s is already closed.") % visit.name)
            missing = visit._maintenance_missing()
            if missing:
                raise UserError(visit._maintenance_refusal(missing))
        self.filtered(lambda v: not v.visit_date).write(
            {"visit_date": company_today(self)})
        self.write({"state": "done"})
        for visit in self.filtered("work_needed"):
            visit._open_ticket()
        return True

    @api.multi
    def action_cancel(self):
        if self.filtered(lambda v: v.state == "done"):
            raise UserError(_("A done visit cannot be cancelled."))
        self.write({"state": "cancelled"})
        return True

    @api.multi
    def action_reset(self):
        self.filtered(lambda v: v.state == "cancelled").write({"state": "planned"})
        return True

    @api.multi
    def action_load_maintenance_units(self):
        """T23: a preventive visit gets one maintenance record, with its
        product line's checklist, per unit it covers that has none yet."""
        records = self.env["aftersales.visit.unit"]
        for visit in self.filtered(lambda v: v.visit_type == "preventive"
                                   and v.state in ("planned", "scheduled")
                                   and not v.signed_on):
            done = visit.maintenance_unit_ids.mapped("equipment_id")
            commands = [(0, 0, records._new_values(unit))
                        for unit in visit.equipment_ids - done]
            if commands:
                visit.write({"maintenance_unit_ids": commands})
        return True

    @api.multi
    def action_print_maintenance_report(self):
        """T23: the maintenance report for the customer's signature."""
        return self.env.ref(
            "aftersales_service.action_report_maintenance").report_action(
                self)

    @api.multi
    def action_open_ticket(self):
        """Open the visit's maintenance ticket, creating it the first time."""
        self.ensure_one()
        ticket = self._open_ticket()
        action = self.env.ref("helpdesk_mgmt.helpdesk_ticket_action").read()[0]
        action.update({"res_id": ticket.id, "view_mode": "form",
                       "views": [(False, "form")]})
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _open_ticket(self):
        """One maintenance ticket per visit, for the unit when only one is
        covered; the record's issues and actions become its description."""
        self.ensure_one()
        if self.ticket_id:
            return self.ticket_id
        if self.state != "done":
            raise UserError(_(
                "Visit %s: close the visit with its record before opening a "
                "maintenance ticket.") % self.name)
        # what staff typed is text: escaped, so it cannot inject markup
        description = plaintext2html(self.issues_raised or "") + plaintext2html(
            self.actions_decided or "")
        vals = self._maintenance_ticket_vals()
        vals.update({
            "name": _("Maintenance after visit %s") % self.name,
            "description": description,
        })
        ticket = self.env["helpdesk.ticket"].create(vals)
        self.ticket_id = ticket
        return ticket

    @api.multi
    def _maintenance_missing(self, signature=True):
        """T23: what a preventive visit's maintenance report lacks before the
        visit is done: a record per unit covered, each record's checklist,
        and (unless only the content is asked) the customer's signature."""
        self.ensure_one()
        if self.visit_type != "preventive":
            return []
        missing = []
        unrecorded = self.equipment_ids - self.maintenance_unit_ids.mapped(
            "equipment_id")
        if unrecorded:
            missing.append(_("a maintenance record of the units %s (button "
                             "\"Load the Units\")") % _(", ").join(
                                 unrecorded.mapped("display_name")))
        for record in self.maintenance_unit_ids:
            checks = record.line_ids._missing_text()
            if checks:
                missing.append(_("the checks %(checks)s of unit %(unit)s") % {
                    "checks": checks, "unit": record.equipment_id.display_name})
        if signature and not self.signed_on:
            missing.append(_("the customer's signature"))
        return missing

    @api.multi
    def _maintenance_refusal(self, missing):
        self.ensure_one()
        return _("Visit %(visit)s: the maintenance report needs %(missing)s.") % {
            "visit": self.name, "missing": _("; ").join(missing)}

    @api.multi
    def _check_report_open(self, vals):
        """T23, F3: a signed maintenance report keeps its records and its
        signature."""
        names = {"maintenance_unit_ids", "customer_signature", "signed_by"} \
            & set(vals)
        for visit in self.filtered("signed_on"):
            if any(not visit._guard_unchanged(name, vals[name]) for name in names):
                raise UserError(_(
                    "The maintenance report of visit %s is signed: its records "
                    "and signature can no longer change.") % visit.name)

    @api.multi
    def _maintenance_ticket_vals(self):
        """What every ticket opened from the visit carries (Q8): the customer,
        the unit when only one is covered, who visited, and the visit itself."""
        self.ensure_one()
        return {
            "partner_id": self.partner_id.id,
            "aftersales_kind": "maintenance",
            "equipment_id": len(self.equipment_ids) == 1
            and self.equipment_ids.id or False,
            "user_id": (self.user_id or self.env.user).id,
            "company_id": self.company_id.id,
            "aftersales_visit_id": self.id,
        }

    # ------------------------------------------------------------------
    # Cron entry points
    # ------------------------------------------------------------------
    @api.model
    @api.returns("self")  # the ids through RPC (a recordset cannot be sent)
    def cron_flag_overdue(self):
        """Daily: visits not done past their planned date are flagged overdue
        and their supervisor (see ``_overdue_supervisors``) gets one to-do per
        visit; flagged visits are not told twice, and visits no longer late are
        unflagged."""
        today = company_today(self)
        # a run started at the same moment keeps the visits it holds
        flagged = self.search([("is_overdue", "=", True)])
        lock_rows(flagged.filtered(
            lambda v: v.state not in ("planned", "scheduled")
            or v.planned_date >= today)
            | flagged._covered_by_followup(today)).write({"is_overdue": False})
        late = self.search([("is_overdue", "=", False),
                            ("state", "in", ("planned", "scheduled")),
                            ("planned_date", "<", today)])
        late = lock_rows(late - late._covered_by_followup(today))
        if not late:
            return late
        late.write({"is_overdue": True})
        supervisors = self._overdue_supervisor_candidates()
        teams = self.env["helpdesk.ticket.team"].sudo().search(
            [("user_ids", "in", late.mapped("user_id").ids)])
        todo = self.env.ref("mail.mail_activity_data_todo")
        for visit in late:
            summary = _("Visit %(visit)s to %(customer)s is overdue since "
                        "%(date)s") % {"visit": visit.name,
                                       "customer": visit.partner_id.name,
                                       "date": visit.planned_date}
            for user in visit._overdue_supervisors(supervisors, teams):
                visit._aftersales_activity_schedule(todo, user, today, summary)
        return late

    @api.multi
    def _covered_by_followup(self, today):
        """C5 (rev. 2): the long-term (not key) customers' customer visits
        whose customer was followed up, in person or by phone, letter or
        e-mail, within the company's long-term interval: the frequency is
        met, so the visit is not overdue. Key customers' visits follow the
        approved plan and are never covered. One grouped query."""
        candidates = self.filtered(
            lambda v: v.visit_type == "key_customer"
            and v.partner_id.aftersales_customer_class != "key")
        if not candidates:
            return self.browse()
        rows = self.read_group(
            [("partner_id", "in", candidates.mapped("partner_id").ids),
             ("state", "=", "done"), ("visit_date", "!=", False)],
            ["partner_id", "visit_date"], ["partner_id"])
        last = {row["partner_id"][0]: str(row["visit_date"])[:10]
                for row in rows}
        day = fields.Date.from_string(today)

        def covered(visit):
            months = visit.company_id.aftersales_visit_months_long_term
            since = fields.Date.to_string(day - relativedelta(months=months))
            return last.get(visit.partner_id.id, "") > since
        return candidates.filtered(covered)

    @api.model
    def _overdue_supervisor_candidates(self):
        """The service supervisors proper: members of the supervisor group
        who are not there only because the manager or general-manager group
        implies it."""
        above = group_users(self.env, GROUP_SERVICE_MANAGER) \
            | group_users(self.env, GROUP_GENERAL_MANAGER)
        return group_users(self.env, GROUP_SUPERVISOR) - above

    @api.multi
    def _overdue_supervisors(self, supervisors, teams):
        """C5: who is told that the visit is late, among ``supervisors``: the
        supervisor assigned to the visit; else the supervisors of the assigned
        engineer's service team among ``teams`` (its leaders); else, for a
        visit without an engineer or a team, the company's supervisors."""
        self.ensure_one()
        supervisors = supervisors.filtered(
            lambda u: self.company_id in u.company_ids)
        if self.user_id and self.user_id in supervisors:
            return self.user_id
        leaders = supervisors & teams.filtered(
            lambda t: self.user_id in t.user_ids).mapped("user_ids")
        return leaders or supervisors
