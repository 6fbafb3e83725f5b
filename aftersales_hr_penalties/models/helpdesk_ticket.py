# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import plaintext2html

from odoo.addons.aftersales_service.tools import (
    GROUP_SUPERVISOR, company_date, in_company_lang)


class HelpdeskTicket(models.Model):
    """P3, P6: repeat repairs and verified complaints propose drafts."""

    _inherit = "helpdesk.ticket"
    # F2 (aftersales.guard): the supervisor's verification (P3)
    _guarded_fields = ("complaint_verified", "complaint_verified_date")

    complaint_verified = fields.Boolean(
        readonly=True, copy=False, track_visibility="onchange",
        help="The service supervisor verified the complaint.")
    complaint_verified_date = fields.Datetime(
        string="Complaint Verified On", readonly=True, copy=False)
    penalty_count = fields.Integer(
        string="Penalty Proposals", compute="_compute_penalty_count")

    def _compute_penalty_count(self):
        """P6: the records this ticket proposed that the user may see, in one
        grouped count (portal users have none)."""
        penalties = self.env["aftersales.penalty"]
        counts = {}
        if penalties.check_access_rights("read", raise_exception=False):
            rows = penalties.read_group([("ticket_id", "in", self.ids)],
                                        ["ticket_id"], ["ticket_id"])
            counts = {row["ticket_id"][0]: row["ticket_id_count"] for row in rows}
        for ticket in self:
            ticket.penalty_count = counts.get(ticket.id, 0)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.multi
    def write(self, vals):
        """F2, P6: when the arrival deadline moves (a corrected report time,
        another urgency or customer, any change of the clock's inputs), the
        late-arrival proposals follow it."""
        before = {ticket.id: ticket.arrival_deadline for ticket in self.sudo()}
        res = super().write(vals)
        moved = self.sudo().filtered(
            lambda t: t.arrival_deadline != before[t.id])
        for ticket in moved:
            self.env["aftersales.penalty"].sudo().search([
                ("ticket_id", "=", ticket.id), ("source", "=", "late_arrival"),
            ])._follow_late_arrival(deadline_from=before[ticket.id])
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_verify_complaint(self):
        """C6, P3: the service supervisor verifies a complaint; the responsible
        person's fine is proposed to HR, doubled when the same customer
        complained about the same problem within the company's window."""
        if not self.env.user.has_group(GROUP_SUPERVISOR):
            raise AccessError(_("Only a service supervisor verifies complaints."))
        for ticket in self:
            if ticket.aftersales_kind != "complaint":
                raise UserError(_(
                    "Ticket %s is not a complaint: set \"Ticket Kind\" to "
                    "Complaint first.") % ticket.number)
            if ticket.complaint_verified:
                raise UserError(_("The complaint of ticket %s is already verified.")
                                % ticket.number)
            ticket._complaint_responsible()  # refuse before anything is written
        self._guard_write({"complaint_verified": True,
                           "complaint_verified_date": fields.Datetime.now()})
        self._propose_complaint_penalty()
        return True

    @api.multi
    def action_view_penalties(self):
        self.ensure_one()
        action = self.env.ref(
            "aftersales_hr_penalties.aftersales_penalty_action").read()[0]
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.model
    def _aftersales_document_models(self):
        return super()._aftersales_document_models() + ["aftersales.penalty"]

    @api.multi
    def _aftersales_on_close_refused(self, blockers):
        """T6, P2, P6: a Close refused while an on-site report is incomplete
        proposes each incomplete report to HR (once: the same proposal as at
        the dispatch's end) and notes on the ticket why it stays open."""
        res = super()._aftersales_on_close_refused(blockers)
        dispatches = self.dispatch_ids.filtered(
            lambda d: d.state != "cancelled" and d._report_missing())
        for dispatch in dispatches:
            dispatch._propose_incomplete_report()
        lines = [_("Ticket %s was not closed:") % self.number] + [
            "- %s" % line for line in blockers]
        if dispatches and self.env["aftersales.penalty"].sudo().search_count([
                ("source", "=", "incomplete_report"),
                ("dispatch_id", "in", dispatches.ids)]):
            lines.append(_("The incomplete on-site report was proposed to HR "
                           "as a fine."))
        self.message_post(body=plaintext2html("\n".join(lines)),
                          subtype="mail.mt_note")
        return res

    @api.multi
    def _check_repeat_repair(self):
        """T8 → P6: a repeat repair proposes the personal repeat repair demerit
        for the technician of the earlier job."""
        res = super()._check_repeat_repair()
        repeats = self.filtered(lambda t: t.is_repeat_repair and t.repeat_of_id)
        if repeats:
            repeats._propose_repeat_repair_penalty()
        return res

    @api.multi
    def _aftersales_technician(self):
        """The technician of a job: the lead engineer of its last completed
        on-site dispatch, else the user in charge of the ticket."""
        self.ensure_one()
        dispatches = self.sudo().dispatch_ids.filtered(lambda d: d.state == "done")
        if dispatches:
            return dispatches.sorted(lambda d: (
                d.departure_time or d.appointment, d.id))[-1].leader_id
        return self.user_id

    @api.multi
    @in_company_lang
    def _propose_repeat_repair_penalty(self):
        """T8, P6: facts in the company's language (``in_company_lang``)."""
        offence = self.env["aftersales.penalty.offence"]._by_code("P1_REPEAT")
        penalties = self.env["aftersales.penalty"]
        if not offence:
            return penalties
        # a system proposal: the creator of the new ticket (staff, portal) need
        # not read the earlier one
        for ticket in self.sudo():
            earlier = ticket.repeat_of_id
            technician = earlier._aftersales_technician()
            employee = self.env["hr.employee"]._aftersales_by_user(
                technician).get(technician.id)
            if not employee:
                continue
            penalties |= penalties._propose({
                "employee_id": employee.id,
                "offence_type_id": offence.id,
                "source": "repeat_repair",
                "date": company_date(ticket, ticket.reported_date, ticket.company_id),
                "ticket_id": ticket.id,
                "description": _(
                    "%(ticket)s repeats %(earlier)s on the same unit and problem "
                    "type; HR decides whether the cause was personal.") % {
                        "ticket": ticket.number, "earlier": earlier.number},
                "source_key": "repeat_repair:helpdesk.ticket:%d:%d" % (
                    ticket.id, earlier.id),
            })
        return penalties

    @api.multi
    def _complaint_responsible(self):
        """P3: the employee complained about, or else the team leader: the
        leader of the ticket's service team, else the leader of a service team
        the engineer in charge belongs to, else the engineer's manager (the
        same leaders the record rule shows the team's records to). Returns
        (employee, carried by the team leader)."""
        self.ensure_one()
        employees = self.env["hr.employee"]
        if self.complained_user_id:
            employee = employees._aftersales_by_user(
                self.complained_user_id).get(self.complained_user_id.id)
            if not employee:
                raise UserError(_(
                    "Ticket %(ticket)s: %(user)s is not linked to an employee; "
                    "set the user on the employee form first.") % {
                        "ticket": self.number, "user": self.complained_user_id.name})
            return employee, False
        leader = self.team_id.team_leader_id
        if leader:
            employee = employees._aftersales_by_user(leader).get(leader.id)
            if employee:
                return employee, True
        leaders = self.user_id.sudo().aftersales_helpdesk_team_ids.mapped(
            "team_leader_id") - self.user_id
        if leaders:
            by_user = employees._aftersales_by_user(leaders)
            for leader in leaders.sorted("id"):
                if leader.id in by_user:
                    return by_user[leader.id], True
        engineer = self.user_id and employees._aftersales_by_user(
            self.user_id).get(self.user_id.id)
        if engineer and engineer.parent_id:
            return engineer.parent_id, True
        raise UserError(_(
            "Ticket %s names no employee complained about, and no team leader is "
            "known: fill in \"Employee Complained About\", or set the service "
            "team's leader, or the manager of the engineer in charge.")
            % self.number)

    @api.multi
    def _earlier_verified_complaint(self):
        """P3: a verified complaint of the same customer about the same problem
        type within the company's window before this one."""
        self.ensure_one()
        if not self.problem_type_id or not self.partner_id:
            return self.browse()
        company = self.company_id or self.env.user.company_id
        reported = fields.Datetime.from_string(self.reported_date)
        start = fields.Datetime.to_string(reported - timedelta(
            days=company.aftersales_penalty_complaint_days))
        return self.sudo().search([
            ("id", "!=", self.id),
            ("aftersales_kind", "=", "complaint"),
            ("complaint_verified", "=", True),
            ("partner_id", "child_of", self.partner_id.commercial_partner_id.id),
            ("problem_type_id", "=", self.problem_type_id.id),
            ("reported_date", ">=", start),
            ("reported_date", "<=", self.reported_date),
        ], order="reported_date desc", limit=1)

    @api.multi
    @in_company_lang
    def _propose_complaint_penalty(self):
        """C6, P3, P6: facts in the company's language (``in_company_lang``)."""
        offence = self.env["aftersales.penalty.offence"]._by_code("P3_COMPLAINT")
        penalties = self.env["aftersales.penalty"]
        if not offence:
            raise UserError(_(
                "The catalogue has no active \"Verified customer complaint\" "
                "entry: ask an HR manager to restore it."))
        rule = self.env["aftersales.penalty.offence"]._by_code("P3_REPEAT")
        for ticket in self:
            employee, by_leader = ticket._complaint_responsible()
            facts = [_("Verified complaint %s.") % ticket.number]
            if by_leader:
                facts.append(_("No direct responsible person: the team leader "
                               "carries it."))
            vals = {
                "employee_id": employee.id,
                "offence_type_id": offence.id,
                "source": "complaint",
                "date": company_date(ticket, ticket.reported_date, ticket.company_id),
                "ticket_id": ticket.id,
                "source_key": "complaint:helpdesk.ticket:%d" % ticket.id,
            }
            earlier = ticket._earlier_verified_complaint()
            if earlier and rule:
                vals.update(multiplier=rule.multiplier, multiplier_reason=_(
                    "Same customer, same problem complained about again: "
                    "%s") % earlier.number)
            vals["description"] = " ".join(facts)
            penalties |= penalties._propose(vals)
        return penalties
