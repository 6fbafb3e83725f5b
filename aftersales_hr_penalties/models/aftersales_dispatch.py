# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

from odoo.addons.aftersales_service.tools import company_date, in_company_lang

DELAY_REASONS = [
    ("personal", "Personal"),
    ("traffic", "Traffic"),
    ("customer", "Customer Not Ready"),
    ("weather", "Weather"),
    ("other", "Other, Not Personal"),
]


class AftersalesDispatch(models.Model):
    """P6: an on-site dispatch that ends late or with an incomplete report
    proposes draft fines for its lead engineer."""

    _inherit = "aftersales.dispatch"

    delay_reason = fields.Selection(
        DELAY_REASONS, track_visibility="onchange",
        help="Why the engineers arrived after the deadline. Only a personal "
             "(or unstated) reason proposes a late-arrival fine; enter it "
             "with the on-site report.")

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        dispatch = super().create(vals)
        dispatch._propose_dispatch_penalties()
        return dispatch

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        # the proposals' copy of the dispatch follows, written as the system
        self.env["aftersales.penalty"]._follow_dispatches(self, vals)
        if {"departure_time", "state"} & set(vals):
            self._propose_dispatch_penalties()
        if vals.get("delay_reason") and vals["delay_reason"] != "personal":
            self._notify_excused_delay()
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_record_offence(self):
        """P2: the dispatcher records what they saw of the lead engineer's
        day on this job (refused, left without reporting, unreachable)."""
        self.ensure_one()
        action = self.env.ref(
            "aftersales_hr_penalties.aftersales_conduct_fact_action").read()[0]
        action.update(
            views=[(False, "form")], view_mode="form", target="new",
            context=self.env["aftersales.conduct.fact"]._default_from_dispatch(
                self))
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _aftersales_on_corrected(self, names, reason):
        """F2, P6: a corrected arrival moves the late-arrival proposal with
        it (``aftersales.penalty._follow_late_arrival``), and proposes one
        when the corrected arrival of an ended dispatch is late."""
        res = super()._aftersales_on_corrected(names, reason)
        if "arrival_time" in names:
            proposals = self.env["aftersales.penalty"].sudo().search([
                ("dispatch_id", "in", self.ids), ("source", "=", "late_arrival")])
            proposals._follow_late_arrival(corrected_by=self.env.user,
                                           reason=reason)
            self._propose_dispatch_penalties()
        return res

    @api.multi
    def _arrived_late(self):
        """T4: arrived after the ticket's arrival deadline."""
        self.ensure_one()
        deadline = self.ticket_id.arrival_deadline
        return bool(self.arrival_time and deadline and self.arrival_time > deadline)

    @api.multi
    def _is_late_for_personal_reasons(self):
        """T4, P2: arrived after the ticket's deadline, for a personal or
        unstated reason."""
        self.ensure_one()
        return self._arrived_late() and self.delay_reason in (False, "personal")

    @api.multi
    def _late_arrival_date(self):
        """P6: the day of a late-arrival fine: the arrival's."""
        self.ensure_one()
        return self.arrival_time and company_date(
            self, self.arrival_time, self.company_id)

    @api.multi
    def _arrival_times(self):
        """P6, F1: the arrival and its deadline as facts quote them, in the
        company's time."""
        self.ensure_one()
        penalties = self.env["aftersales.penalty"]
        return {"arrival": penalties._facts_time(self.arrival_time, self.company_id),
                "deadline": penalties._facts_time(
                    self.ticket_id.arrival_deadline, self.company_id)}

    @api.multi
    def _late_arrival_facts(self):
        """P6: the late arrival as the proposal states it."""
        return _("Arrived on site at %(arrival)s, after the deadline "
                 "%(deadline)s.") % self._arrival_times()

    @api.multi
    def _not_late_sentence(self):
        """F2: why a late-arrival proposal no longer holds."""
        self.ensure_one()
        if not self.arrival_time:
            return _("the dispatch has no arrival time any more")
        if not self.ticket_id.arrival_deadline:
            return _("the ticket has no arrival deadline any more")
        return _("the arrival at %(arrival)s is not after the deadline "
                 "%(deadline)s") % self._arrival_times()

    @api.multi
    @in_company_lang
    def _propose_dispatch_penalties(self):
        """P6: when the dispatch ends (departure recorded, or moved to done), a
        late arrival (T4) and a report still missing parts (T6) propose drafts
        for the lead engineer. The ticket's Close button, refused for the
        incomplete report, is the other fact of T6 (``helpdesk.ticket.
        _aftersales_on_close_refused``).
        The facts are written in the company's language (``in_company_lang``)."""
        ended = self.sudo().filtered(lambda d: d.state != "cancelled" and (
            d.departure_time or d.state == "done"))
        if not ended:
            return self.env["aftersales.penalty"]
        offences = self.env["aftersales.penalty.offence"]
        late = offences._by_code("P2_LATE")
        incomplete = offences._by_code("P2_REPORT")
        employees = self.env["hr.employee"]._aftersales_by_user(
            ended.mapped("leader_id"))
        penalties = self.env["aftersales.penalty"]
        for dispatch in ended:
            employee = employees.get(dispatch.leader_id.id)
            if not employee:
                continue
            if late and dispatch._is_late_for_personal_reasons():
                penalties |= penalties._propose(dispatch._penalty_values(
                    late, employee, "late_arrival",
                    dispatch._late_arrival_date(),
                    dispatch._late_arrival_facts()))
            if incomplete:
                penalties |= dispatch._propose_incomplete_report(
                    incomplete, employee)
        return penalties

    @api.multi
    @in_company_lang
    def _propose_incomplete_report(self, offence=None, employee=None):
        """T6, P2: a draft fine for the lead engineer while the report's
        content misses parts (the customer's signature is not the engineer's
        to give); at a dispatch's end or at a refused Close of its ticket. The
        missing parts' labels and the sentence in one language (P6)."""
        self.ensure_one()
        penalties = self.env["aftersales.penalty"]
        missing = self._report_missing()
        offence = offence or self.env["aftersales.penalty.offence"]._by_code(
            "P2_REPORT")
        employee = employee or self.env["hr.employee"]._aftersales_by_user(
            self.leader_id).get(self.leader_id.id)
        if not (missing and offence and employee):
            return penalties
        return penalties._propose(self._penalty_values(
            offence, employee, "incomplete_report",
            company_date(self, self.departure_time or fields.Datetime.now(),
                         self.company_id),
            _("The on-site report misses %s.") % ", ".join(missing)))

    @api.multi
    def _penalty_values(self, offence, employee, source, date, description):
        self.ensure_one()
        return {
            "employee_id": employee.id,
            "offence_type_id": offence.id,
            "source": source,
            "date": date,
            "ticket_id": self.ticket_id.id,
            "dispatch_id": self.id,
            "description": self._penalty_description(description),
            "source_key": "%s:aftersales.dispatch:%d" % (source, self.id),
        }

    @api.multi
    def _penalty_description(self, description):
        """The facts of a proposal: the dispatch's number, then what
        happened."""
        self.ensure_one()
        return "%s: %s" % (self.name, description)

    @api.multi
    def _notify_excused_delay(self):
        """A delay reason entered after the proposal: tell HR on the draft."""
        drafts = self.env["aftersales.penalty"].sudo().search([
            ("dispatch_id", "in", self.ids), ("source", "=", "late_arrival"),
            ("state", "=", "draft")])
        labels = dict(self.fields_get(["delay_reason"])["delay_reason"]["selection"])
        for draft in drafts:
            draft.message_post(body=_(
                "The delay reason of %(dispatch)s is now \"%(reason)s\": not a "
                "personal delay, consider rejecting this proposal.") % {
                    "dispatch": draft.dispatch_id.name,
                    "reason": labels[draft.dispatch_id.delay_reason]})
