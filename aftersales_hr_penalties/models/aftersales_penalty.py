# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from psycopg2 import IntegrityError

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html_escape, mute_logger

from odoo.addons.aftersales_service.tools import (
    GROUP_HR, assign_number, company_time, company_today, describe, group_users,
    in_company_lang, lock_rows)

STATES = [
    ("draft", "Proposed"),
    ("confirmed", "Confirmed by HR"),
    ("applied", "Applied in Payroll"),
    ("rejected", "Rejected"),
    ("withdrawn", "Withdrawn"),
]
SOURCES = [
    ("manual", "Entered by HR"),
    ("late_arrival", "Late Arrival"),
    ("incomplete_report", "Incomplete Report"),
    ("repeat_repair", "Repeat Repair"),
    ("complaint", "Verified Complaint"),
    ("return", "Return Caused by Service Staff"),
    ("conduct", "Recorded by the Dispatcher"),
]
# (from, to) pairs HR may move a record along (P6)
TRANSITIONS = {
    ("draft", "confirmed"), ("draft", "rejected"),
    ("confirmed", "applied"), ("confirmed", "rejected"), ("confirmed", "draft"),
    ("rejected", "draft"),
    # F2: the system withdraws a proposal whose fact disappeared and proposes
    # it again when the fact comes back (``_follow_late_arrival``)
    ("draft", "withdrawn"), ("withdrawn", "draft"),
}
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
# the decision HR's to-do waits for when a decided record's fact changed
FACT_CHANGED = "fact_changed"


class AftersalesPenalty(models.Model):
    """P1-P7: one fine, major demerit or reward of an employee; proposed as a
    draft (by HR or from a ticket fact), decided by HR, applied in a payroll
    month."""

    _name = "aftersales.penalty"
    _description = "Penalty or Reward Record"
    _inherit = ["mail.thread", "mail.activity.mixin",
                "aftersales.ticket.document"]
    _order = "date desc, id desc"
    _ticket_copies = {"ticket_number": "number", "ticket_subject": "name",
                      "ticket_partner_id": "partner_id",
                      "arrival_deadline": "arrival_deadline"}
    #: field -> the field of the on-site dispatch it copies (``_follow_dispatches``)
    _dispatch_copies = {"dispatch_name": "name",
                        "dispatch_appointment": "appointment",
                        "arrival_time": "arrival_time"}
    # F2, F3 (aftersales.guard): HR's review steps write the state and who
    # decided when (P6, P7); a decided record is final but for its payroll
    # month, which HR sets until the fine is applied
    _guarded_fields = ("name", "state", "decided_by", "decided_date",
                       "review_day_id")
    _open_when_final = ("payroll_month",)
    _sql_constraints = [
        ("source_key_unique", "unique(source_key)",
         "This ticket fact has already proposed a record."),
    ]

    # ------------------------------------------------------------------
    # Who and what
    # ------------------------------------------------------------------
    name = fields.Char(string="Reference", required=True, copy=False,
                       readonly=True, default="/")
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, track_visibility="onchange",
        states={"applied": [("readonly", True)]})
    user_id = fields.Many2one(
        related="employee_id.user_id", store=True, readonly=True, string="User")
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True,
        default=lambda self: self.env.user.company_id)
    offence_type_id = fields.Many2one(
        "aftersales.penalty.offence", string="Offence or Reward", required=True,
        domain=[("kind", "!=", "doubling")], track_visibility="onchange",
        states={"applied": [("readonly", True)]})
    kind = fields.Selection(related="offence_type_id.kind", store=True, readonly=True)
    date = fields.Date(required=True, default=lambda self: company_today(self),
                       index=True, track_visibility="onchange",
                       help="When the fact happened.")
    description = fields.Text(string="Facts")
    # ------------------------------------------------------------------
    # Where it comes from (P6)
    # ------------------------------------------------------------------
    source = fields.Selection(SOURCES, default="manual", required=True,
                              readonly=True)
    ticket_id = fields.Many2one("helpdesk.ticket", string="Ticket / Complaint",
                                index=True, ondelete="set null")
    dispatch_id = fields.Many2one("aftersales.dispatch", string="On-site Dispatch",
                                  index=True, ondelete="set null")
    # T13: a return whose cause is a service employee
    return_id = fields.Many2one(
        "aftersales.return", string="Return / Exchange", index=True,
        ondelete="set null")
    # what HR reads of the source without rights on tickets and dispatches (P6)
    # copied from the ticket (see aftersales.ticket.document); the arrival
    # deadline is the one the record was proposed against, moved on a
    # proposal only with its facts (F2, _follow_late_arrival)
    ticket_number = fields.Char(readonly=True, index=True)
    ticket_subject = fields.Char(readonly=True)
    ticket_partner_id = fields.Many2one(
        "res.partner", readonly=True, string="Customer")
    arrival_deadline = fields.Datetime(readonly=True)
    # copied from the dispatch (see _follow_dispatches), not related: a
    # related field would be rewritten as whoever changes the dispatch
    dispatch_name = fields.Char(readonly=True, string="On-site Dispatch Number")
    dispatch_appointment = fields.Datetime(
        readonly=True, string="On-site Dispatch Date")
    arrival_time = fields.Datetime(readonly=True, string="Arrived On Site")
    can_pick_source = fields.Boolean(
        compute="_compute_can_pick_source",
        help="The current user may read tickets and on-site dispatches, so may "
             "choose them.")
    source_key = fields.Char(
        readonly=True, copy=False,
        help="Identifies the ticket fact that proposed this record, so the same "
             "fact never proposes twice.")
    # ------------------------------------------------------------------
    # Amount (P2, P3, P4)
    # ------------------------------------------------------------------
    currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)
    base_amount = fields.Monetary(
        string="Catalogue Amount", currency_field="currency_id",
        track_visibility="onchange", states={"applied": [("readonly", True)]})
    multiplier = fields.Float(default=1.0, required=True,
                              track_visibility="onchange",
                              states={"applied": [("readonly", True)]})
    multiplier_reason = fields.Char(
        string="Why Multiplied", states={"applied": [("readonly", True)]})
    is_fake_record = fields.Boolean(
        string="Fake Records Found", readonly=True, copy=False,
        help="Fake inspection or report records were found on review.")
    amount = fields.Monetary(compute="_compute_amount", store=True,
                             currency_field="currency_id")
    fine_amount = fields.Monetary(
        string="Fines", compute="_compute_amount", store=True,
        currency_field="currency_id",
        help="The amount when the record is a fine, so totals never add "
             "rewards to fines.")
    reward_amount = fields.Monetary(
        string="Rewards", compute="_compute_amount", store=True,
        currency_field="currency_id",
        help="The amount when the record is a reward.")
    demerit = fields.Boolean(string="Major Demerit", track_visibility="onchange",
                             states={"applied": [("readonly", True)]})
    attachment_ids = fields.Many2many(
        "ir.attachment", "aftersales_penalty_attachment_rel", "penalty_id",
        "attachment_id", string="Evidence")
    # ------------------------------------------------------------------
    # Review by HR (P6) and payroll (P7)
    # ------------------------------------------------------------------
    state = fields.Selection(STATES, default="draft", required=True,
                             readonly=True, copy=False, index=True,
                             track_visibility="onchange")
    statement = fields.Text(
        string="Employee Statement",
        help="The employee's explanation or appeal, written before HR decides.")
    reject_reason = fields.Text(string="Rejection Reason", readonly=True,
                                copy=False)
    withdrawn_reason = fields.Text(
        string="Why Withdrawn", readonly=True, copy=False,
        help="The fact this proposal came from no longer holds (e.g. the "
             "arrival was corrected to a time before the deadline).")
    decided_by = fields.Many2one("res.users", readonly=True, copy=False)
    decided_date = fields.Datetime(readonly=True, copy=False, string="Decided On")
    review_day_id = fields.Many2one(
        "aftersales.penalty.review", string="Proposals of the Day", readonly=True,
        copy=False, index=True, ondelete="set null",
        help="The daily list of new proposals that told HR of this one.")
    payroll_month = fields.Char(
        copy=False, index=True, track_visibility="onchange",
        states={"applied": [("readonly", True)]},
        help="Payroll month (YYYY-MM) the fine is deducted in.")
    # ------------------------------------------------------------------
    # What the current user may do on the form (P6)
    # ------------------------------------------------------------------
    is_own_record = fields.Boolean(
        compute="_compute_is_own_record",
        help="The record is the current user's: they may write the statement.")
    is_hr_user = fields.Boolean(
        string="Current User Reviews", compute="_compute_is_hr_user",
        help="The current user reviews records; others only write a statement.")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("base_amount", "multiplier", "offence_type_id.kind")
    def _compute_amount(self):
        for penalty in self:
            amount = penalty.base_amount * penalty.multiplier
            penalty.amount = amount
            penalty.fine_amount = amount if penalty.kind == "fine" else 0.0
            penalty.reward_amount = amount if penalty.kind == "reward" else 0.0

    @api.depends("employee_id.user_id")
    def _compute_is_own_record(self):
        for penalty in self:
            penalty.is_own_record = penalty.employee_id.user_id == self.env.user

    def _compute_can_pick_source(self):
        can = all(self.env[model].check_access_rights("read", raise_exception=False)
                  for model in ("helpdesk.ticket", "aftersales.dispatch"))
        for penalty in self:
            penalty.can_pick_source = can

    def _compute_is_hr_user(self):
        is_hr = self._is_hr()
        for penalty in self:
            penalty.is_hr_user = is_hr

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("multiplier", "multiplier_reason", "base_amount")
    def _check_multiplier(self):
        """P3, P4: a multiplied amount says why."""
        labels = self.fields_get(["multiplier", "base_amount"])
        for penalty in self:
            if penalty.base_amount < 0:
                raise ValidationError(_(
                    "%(record)s: \"%(field)s\" cannot be negative.") % {
                        "record": describe(penalty),
                        "field": labels["base_amount"]["string"]})
            if penalty.multiplier <= 0:
                raise ValidationError(_(
                    "%(record)s: \"%(field)s\" must be positive.") % {
                        "record": describe(penalty),
                        "field": labels["multiplier"]["string"]})
            if penalty.multiplier != 1 and not (
                    penalty.multiplier_reason or "").strip():
                raise ValidationError(_(
                    "%s: explain in \"Why Multiplied\" why the amount is "
                    "multiplied.") % describe(penalty))

    @api.constrains("state", "reject_reason", "withdrawn_reason",
                    "payroll_month")
    def _check_decision(self):
        """P6, P7, F2: a rejection and a withdrawal keep their reason; an
        applied fine its month."""
        for penalty in self:
            if penalty.state == "rejected" and not (
                    penalty.reject_reason or "").strip():
                raise ValidationError(_(
                    "%s: give the reason for rejecting it.") % describe(penalty))
            if penalty.state == "withdrawn" and not (
                    penalty.withdrawn_reason or "").strip():
                raise ValidationError(_(
                    "%s: give the reason for withdrawing it.") % describe(penalty))
            if penalty.payroll_month and not MONTH_RE.match(penalty.payroll_month):
                raise ValidationError(_(
                    "%s: write the payroll month as YYYY-MM, e.g. 2026-03.")
                    % describe(penalty))
            if penalty.state == "applied" and not penalty.payroll_month:
                raise ValidationError(_(
                    "%s: set the payroll month it is applied in.")
                    % describe(penalty))

    @api.constrains("offence_type_id")
    def _check_offence(self):
        if self.filtered(lambda p: p.offence_type_id.kind == "doubling"):
            raise ValidationError(_(
                "A doubling rule is not an offence: choose the fine, demerit or "
                "reward, and set the multiplier instead."))

    # ------------------------------------------------------------------
    # Onchanges
    # ------------------------------------------------------------------
    @api.onchange("offence_type_id")
    def _onchange_offence_type_id(self):
        if self.offence_type_id:
            self.base_amount = self.offence_type_id.amount
            self.demerit = self.offence_type_id.kind == "demerit"

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        vals = dict(vals)
        if vals.get("offence_type_id"):
            offence = self.env["aftersales.penalty.offence"].browse(
                vals["offence_type_id"])
            vals.setdefault("base_amount", offence.amount)
            vals.setdefault("demerit", offence.kind == "demerit")
        if vals.get("employee_id") and not vals.get("company_id"):
            employee = self.env["hr.employee"].browse(vals["employee_id"]).sudo()
            if employee.company_id:
                vals["company_id"] = employee.company_id.id
            if self.env.uid != SUPERUSER_ID and employee.company_id \
                    and employee.company_id not in self.env.user.company_ids:
                raise ValidationError(_(
                    "\"%(field)s\": %(employee)s works for %(company)s, not for "
                    "your company; choose one of your company's employees.") % {
                        "field": self.fields_get(["employee_id"])[
                            "employee_id"]["string"],
                        "employee": employee.name,
                        "company": employee.company_id.name})
        if vals.get("state", "draft") != "draft":
            raise UserError(_("A record starts as a proposal: HR confirms it "
                              "afterwards."))
        if vals.get("dispatch_id"):
            vals.update(self._dispatch_copy_values(vals["dispatch_id"]))
        penalty = super().create(vals)
        if penalty.name == "/":
            # a fine is a money document: its number once it is accepted (no gap)
            assign_number(penalty, "aftersales.penalty")
        penalty._link_evidence()
        return penalty

    @api.multi
    def _link_evidence(self):
        """P6: evidence uploaded before the record was saved belongs to no
        record, so any internal user could read it: it is linked to its record,
        whose access rules then protect it."""
        for penalty in self:
            penalty.attachment_ids.sudo().filtered(
                lambda a: not a.res_id or not a.res_model).write({
                    "res_model": self._name, "res_id": penalty.id})

    @api.multi
    def write(self, vals):
        """P6: employees write only their statement, and only before HR
        decides; state changes follow the review steps, by HR."""
        if not self._is_hr():
            others = [name for name in vals if name != "statement"
                      and not name.startswith(("message_", "activity_"))]
            if others:
                raise AccessError(_(
                    "Only HR officers change penalty and reward records; you can "
                    "write your statement while the record is proposed."))
            if "statement" in vals and self.filtered(lambda p: p.state != "draft"):
                raise UserError(_(
                    "HR has already decided: the statement can no longer be "
                    "changed."))
        if "state" in vals:
            # the states' labels in the user's language
            states = dict(self._fields["state"]._description_selection(self.env))
            for penalty in self:
                step = (penalty.state, vals["state"])
                if step[0] != step[1] and step not in TRANSITIONS:
                    raise UserError(_(
                        "%(name)s cannot go from \"%(from)s\" to \"%(to)s\".") % {
                            "name": penalty.name,
                            "from": states[step[0]], "to": states[step[1]]})
        if "dispatch_id" in vals:
            vals = dict(vals, **self._dispatch_copy_values(vals["dispatch_id"]))
        res = super().write(vals)
        if "attachment_ids" in vals:
            self._link_evidence()
        if "state" in vals:
            # P6: HR's daily to-do is done once the day's list is decided
            self.sudo().mapped("review_day_id")._check_reviewed()
        return res

    @api.multi
    def _guard_final(self):
        """F3, P6: HR's decision is final until HR itself resets it; a
        withdrawn proposal changes only when its fact comes back (F2)."""
        return self.filtered(
            lambda p: p.state in ("confirmed", "applied", "rejected", "withdrawn"))

    @api.multi
    def _guard_final_message(self, names):
        if self.state == "withdrawn":
            return _("%s was withdrawn because its fact no longer holds: it "
                     "cannot be changed.") % self.name
        return _("%s is decided by HR: reset it to proposed to change it.") \
            % self.name

    @api.multi
    def unlink(self):
        if self.filtered(lambda p: p.state in ("confirmed", "applied")):
            raise UserError(_("A confirmed or applied record cannot be deleted: "
                              "reset or reject it."))
        return super().unlink()

    # ------------------------------------------------------------------
    # Actions (HR review, P6, P7)
    # ------------------------------------------------------------------
    @api.multi
    def _is_hr(self):
        return self.env.uid == SUPERUSER_ID or self.env.user.has_group(GROUP_HR)

    @api.multi
    def _check_hr(self):
        if not self._is_hr():
            raise AccessError(_(
                "Only HR officers confirm, reject or apply penalty and reward "
                "records."))

    @api.multi
    def _lock_for_decision(self):
        """P6: two HR officers deciding the same record at once: the second
        one is told instead of deciding it twice (concurrent clicks)."""
        lock_rows(self, _(
            "Another HR officer is deciding %s at this moment: open the record "
            "again in a few seconds.") % ", ".join(self.mapped("name")))

    @api.multi
    def action_confirm(self):
        """P6: HR confirms proposals; the payroll month defaults to the month
        of the fact."""
        self._check_hr()
        self._lock_for_decision()
        wrong = self.filtered(lambda p: p.state != "draft")
        if wrong:
            raise UserError(_("Only proposed records can be confirmed: %s.")
                            % ", ".join(wrong.mapped("name")))
        for penalty in self:
            penalty._guard_write({
                "state": "confirmed",
                "decided_by": self.env.uid,
                "decided_date": fields.Datetime.now(),
                "payroll_month": penalty.payroll_month or penalty.date[:7],
            })
        return True

    @api.multi
    def action_reject(self, reason):
        """P6: HR rejects proposals or confirmed records, with the reason."""
        self._check_hr()
        self._lock_for_decision()
        if not (reason or "").strip():
            raise UserError(_("Give the reason for rejecting."))
        wrong = self.filtered(lambda p: p.state not in ("draft", "confirmed"))
        if wrong:
            raise UserError(_("Applied or rejected records cannot be rejected: "
                              "%s.") % ", ".join(wrong.mapped("name")))
        self._guard_write({"state": "rejected", "reject_reason": reason,
                           "decided_by": self.env.uid,
                           "decided_date": fields.Datetime.now()})
        self._aftersales_activity_done(FACT_CHANGED)
        return True

    @api.multi
    def action_open_reject(self):
        """P6: the form's Reject button opens the reject wizard's own window
        action (the one in the list's Action menu) on these records: by a
        method, since the wizards' views load after this model's form."""
        action = self.env.ref(
            "aftersales_hr_penalties.aftersales_penalty_reject_action").read()[0]
        action["context"] = dict(self.env.context, active_model=self._name,
                                 active_id=self[:1].id, active_ids=self.ids)
        return action

    @api.multi
    def action_apply(self, payroll_month=None):
        """P7: confirmed fines are applied in a payroll month."""
        self._check_hr()
        self._lock_for_decision()
        wrong = self.filtered(lambda p: p.state != "confirmed")
        if wrong:
            raise UserError(_("Only confirmed records can be applied in payroll; "
                              "confirm these first: %s.")
                            % ", ".join(wrong.mapped("name")))
        vals = {"state": "applied"}
        if payroll_month:
            vals["payroll_month"] = payroll_month
        self._guard_write(vals)
        return True

    @api.multi
    def action_reset_draft(self):
        """HR reopens a confirmed or rejected record for a new decision."""
        self._check_hr()
        self._lock_for_decision()
        wrong = self.filtered(lambda p: p.state not in ("confirmed", "rejected"))
        if wrong:
            raise UserError(_("Only confirmed or rejected records go back to "
                              "proposed: %s.") % ", ".join(wrong.mapped("name")))
        self._guard_write({"state": "draft", "reject_reason": False,
                           "decided_by": False, "decided_date": False})
        # proposed again: on the dispatch's facts of today (_follow_dispatches)
        self._follow_dispatches(self.mapped("dispatch_id"),
                                list(self._dispatch_copies.values()))
        # F2: and on its arrival and deadline of today (withdrawn if no
        # longer late)
        self._aftersales_activity_done(FACT_CHANGED)
        self._follow_late_arrival()
        return True

    @api.multi
    def action_mark_fake(self):
        """P4: fake inspection or report records found on review multiply the
        fine by the catalogue's doubling rule."""
        self._check_hr()
        self._lock_for_decision()
        rule = self.env["aftersales.penalty.offence"]._by_code("P4_FAKE")
        factor = rule.multiplier or 2.0
        for penalty in self:
            if penalty.state not in ("draft", "confirmed") or penalty.is_fake_record:
                raise UserError(_(
                    "%s: only a proposed or confirmed record not yet doubled for "
                    "fake records can be.") % penalty.name)
            reason = _("Fake records found on review")
            if penalty.multiplier_reason:
                reason = "%s; %s" % (penalty.multiplier_reason, reason)
            penalty._guard_write({"multiplier": penalty.multiplier * factor,
                                  "multiplier_reason": reason,
                                  "is_fake_record": True})
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.model
    def _facts_time(self, value, company=None):
        """P6, F1: a UTC datetime of a fact as the company's local time, the
        one time every fact is told in (whatever the employee's own zone), so
        no zone is named."""
        if not value:
            return ""
        return company_time(self, value, company)

    @api.model
    def _dispatch_copy_values(self, dispatch_id):
        """The copied facts of an on-site dispatch, read as superuser (HR
        need not read dispatches)."""
        dispatch = self.env["aftersales.dispatch"].sudo().browse(dispatch_id or [])
        return {name: dispatch._fields[source].convert_to_write(
            dispatch[source], dispatch)
                for name, source in self._dispatch_copies.items()}

    @api.model
    def _follow_dispatches(self, dispatches, fnames):
        """P6, F2, T21: the proposals of ``dispatches`` take the new value of
        the copied dispatch fields among ``fnames`` (a rescheduled
        appointment, a corrected arrival).

        Written as the system, whoever changed the dispatch: a supervisor who
        reschedules or reassigns it has no right on penalty records and gains
        none. Only proposals follow: a record HR has decided (confirmed,
        applied or rejected) keeps the facts it was decided on (F3), and takes
        the dispatch's facts again when HR puts it back to proposed."""
        changed = [name for name, source in self._dispatch_copies.items()
                   if source in fnames]
        if not (changed and dispatches):
            return self.browse()
        drafts = self.sudo().search([("dispatch_id", "in", dispatches.ids),
                                     ("state", "=", "draft")])
        for dispatch in drafts.mapped("dispatch_id"):
            values = self._dispatch_copy_values(dispatch.id)
            drafts.filtered(lambda p: p.dispatch_id == dispatch).write(
                {name: values[name] for name in changed})
        return drafts

    @api.multi
    @in_company_lang
    def _follow_late_arrival(self, corrected_by=None, reason=None,
                             deadline_from=None):
        """F2, P6: late-arrival proposals follow their dispatch's arrival and
        their ticket's arrival deadline as they are now, after a supervisor
        corrected the arrival (``corrected_by``, ``reason``), the deadline
        moved (``deadline_from``: the one before) or HR reset the record:

        - a proposal still late takes the new facts (text, date, times), the
          old text kept in its chatter;
        - a proposal no longer late is withdrawn, the reason shown to HR; it
          is proposed again if the fact comes back;
        - a record HR has decided is not changed (F3): HR gets a to-do (a
          note for a rejected one) saying what changed.

        Written as the system, in the company's language."""
        cause = self._fact_change_cause(corrected_by, reason, deadline_from)
        for penalty in self.sudo().filtered(
                lambda p: p.source == "late_arrival" and p.dispatch_id):
            dispatch = penalty.dispatch_id
            late = dispatch._arrived_late()
            description = dispatch._penalty_description(
                dispatch._late_arrival_facts())
            withdrawn = penalty.state == "withdrawn"
            if (late and not withdrawn and description == penalty.description) \
                    or (not late and withdrawn):
                continue  # nothing the proposal says has changed
            facts = dict(self._dispatch_copy_values(dispatch.id),
                         arrival_deadline=dispatch.ticket_id.arrival_deadline)
            if penalty.state not in ("draft", "withdrawn"):
                penalty._tell_hr_fact_changed(description if late else (
                    dispatch._not_late_sentence()), cause)
            elif late:
                old = penalty.description
                penalty._guard_write(dict(
                    facts, state="draft", withdrawn_reason=False,
                    description=description, date=dispatch._late_arrival_date()))
                values = {"cause": html_escape(cause),
                          "facts": html_escape(description),
                          "old": html_escape(old or "")}
                if withdrawn:
                    body = _("Proposed again (%(cause)s): %(facts)s") % values
                else:
                    body = _("The facts changed (%(cause)s): %(facts)s<br/>"
                             "Before: %(old)s") % values
                penalty.message_post(body=body)
            else:
                why = _("Withdrawn: %(fact)s (%(cause)s).") % {
                    "fact": dispatch._not_late_sentence(),
                    "cause": cause}
                penalty._guard_write(dict(facts, state="withdrawn",
                                          withdrawn_reason=why))
                penalty.message_post(body=html_escape(why))
        return True

    @api.model
    def _fact_change_cause(self, corrected_by, reason, deadline_from):
        """Why a late-arrival proposal's facts changed, in a few words."""
        if corrected_by:
            return _("arrival corrected by %(user)s, reason given: %(reason)s") \
                % {"user": corrected_by.name, "reason": reason}
        if deadline_from is not None:
            return _("the ticket's arrival deadline moved from %s") % (
                self._facts_time(deadline_from) or "-")
        return _("facts read again by %s") % self.env.user.name

    @api.multi
    def _tell_hr_fact_changed(self, fact, cause):
        """F2, F3: a record HR decided is not changed by its fact: a note, and
        for a confirmed or applied fine a to-do for HR (the one who decided,
        else every HR officer; one open to-do per record)."""
        self.ensure_one()
        note = _("The facts of this record changed after HR's decision "
                 "(%(cause)s): %(fact)s") % {"cause": cause, "fact": fact}
        self.message_post(body=html_escape(note))
        if self.state == "rejected" or self.env["mail.activity"].sudo().search_count(
                [("res_model", "=", self._name), ("res_id", "=", self.id),
                 ("aftersales_decision", "=", FACT_CHANGED)]):
            return
        hr = group_users(self.env, GROUP_HR)
        users = (self.decided_by & hr) or hr
        todo = self.env.ref("mail.mail_activity_data_todo")
        summary = _("%s: its facts changed after the decision; review it.") \
            % self.name
        for user in users:
            self._aftersales_activity_schedule(
                todo, user, company_today(self, self.company_id), summary,
                decision=FACT_CHANGED)

    @api.model
    def _propose(self, vals):
        """P6: a draft for one ticket fact, once. The unique source key also
        holds when two transactions propose the same fact at the same time:
        the later insert fails and is skipped."""
        key = vals["source_key"]
        penalties = self.sudo().with_context(mail_create_nosubscribe=True)
        if penalties.search_count([("source_key", "=", key)]):
            return self.browse()
        try:
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                penalty = penalties.create(dict(vals, state="draft"))
        except IntegrityError:
            return self.browse()
        # the employee follows the record, to learn of it and of HR's decision
        if penalty.employee_id.user_id:
            penalty.message_subscribe_users(user_ids=penalty.employee_id.user_id.ids)
        return penalty
