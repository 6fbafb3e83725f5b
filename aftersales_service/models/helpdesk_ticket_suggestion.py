# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

from ..tools import GROUP_SUPERVISOR, company_today


class HelpdeskTicket(models.Model):
    """C8: a customer's suggestion or enquiry (《顾客服务登记表》), its own
    ticket kind: passed to the department concerned, its decision recorded,
    the customer answered by e-mail."""

    _inherit = ["helpdesk.ticket"]
    # F2: stamped by the buttons of C8's steps
    _guarded_fields = ("suggestion_passed_on", "suggestion_decided_by_id",
                       "suggestion_decided_on", "suggestion_answered_on")

    department_id = fields.Many2one(
        "hr.department", string="Department Concerned", index=True,
        track_visibility="onchange",
        help="The department a suggestion or enquiry is passed to for its "
             "decision.")
    suggestion_passed_on = fields.Date(string="Passed On", readonly=True,
                                       copy=False)
    suggestion_decision = fields.Text(string="Decision", copy=False)
    suggestion_decided_by_id = fields.Many2one(
        "res.users", string="Decided By", readonly=True, copy=False)
    suggestion_decided_on = fields.Date(string="Decided On", readonly=True,
                                        copy=False)
    suggestion_answer = fields.Text(
        string="Answer to the Customer", copy=False,
        help="Sent to the customer by e-mail with the button \"Answer the "
             "Customer\".")
    suggestion_answered_on = fields.Datetime(string="Answered On", readonly=True,
                                             copy=False)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.multi
    def write(self, vals):
        """C8: a recorded decision and a sent answer stay as they were."""
        if "suggestion_decision" in vals or "suggestion_answer" in vals:
            for ticket in self:
                if ticket.suggestion_decided_on and not ticket._guard_same(
                        vals.get("suggestion_decision",
                                 ticket.suggestion_decision),
                        ticket.suggestion_decision):
                    raise UserError(_(
                        "Ticket %s: the department's decision is recorded and "
                        "can no longer change.") % ticket.number)
                if ticket.suggestion_answered_on and not ticket._guard_same(
                        vals.get("suggestion_answer", ticket.suggestion_answer),
                        ticket.suggestion_answer):
                    raise UserError(_(
                        "Ticket %s: the answer was sent to the customer and can "
                        "no longer change.") % ticket.number)
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_suggestion_pass(self):
        """C8: pass the suggestion to its department: its manager gets a
        to-do to decide."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        today = company_today(self)
        for ticket in self:
            ticket._suggestion_check_kind()
            if not ticket.department_id:
                raise UserError(_(
                    "Ticket %s: choose the \"Department Concerned\" first.")
                    % ticket.number)
            if ticket.suggestion_decided_on:
                raise UserError(_("Ticket %s: the decision is already recorded.")
                                % ticket.number)
            deciders = ticket._suggestion_deciders()
            if not deciders:
                raise UserError(_(
                    "Department %s has no manager with a user: give the "
                    "department a manager who can log in.")
                    % ticket.department_id.display_name)
            ticket._guard_write({"suggestion_passed_on": today})
            for user in deciders:
                ticket._aftersales_activity_schedule(
                    todo, user, today,
                    _("Decide on the customer's suggestion or enquiry %s")
                    % ticket.number, decision="suggestion_decision")
            ticket.message_post(body=html_escape(_(
                "Passed to %(department)s for a decision.") % {
                    "department": ticket.department_id.display_name}))
        return True

    @api.multi
    def action_suggestion_decide(self):
        """C8: the department's manager (or a service supervisor) records the
        decision; the ticket's engineer then answers the customer."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        today = company_today(self)
        for ticket in self:
            ticket._suggestion_check_kind()
            if not ticket.suggestion_passed_on:
                raise UserError(_(
                    "Ticket %s: pass it to the department concerned first.")
                    % ticket.number)
            if ticket.suggestion_decided_on:
                raise UserError(_("Ticket %s: the decision is already recorded.")
                                % ticket.number)
            if self.env.user not in ticket._suggestion_deciders() \
                    and not self.env.user.has_group(GROUP_SUPERVISOR):
                raise UserError(_(
                    "Ticket %(ticket)s: the manager of %(department)s records "
                    "the decision.") % {
                        "ticket": ticket.number,
                        "department": ticket.department_id.display_name})
            if not (ticket.suggestion_decision or "").strip():
                raise UserError(_("Ticket %s: write the decision first.")
                                % ticket.number)
        self.sudo()._guard_write({"suggestion_decided_by_id": self.env.user.id,
                                  "suggestion_decided_on": today})
        self._aftersales_activity_done("suggestion_decision")
        for ticket in self:
            ticket._aftersales_activity_schedule(
                todo, ticket.user_id or self.env.user, today,
                _("Answer the customer on %s") % ticket.number,
                decision="suggestion_answer")
        return True

    @api.multi
    def action_suggestion_answer(self):
        """C8: the answer goes to the customer by e-mail (kept in the
        chatter), with the date stamped."""
        template = self.env.ref(
            "aftersales_service.mail_template_suggestion_answer")
        for ticket in self:
            ticket._suggestion_check_kind()
            if not ticket.suggestion_decided_on:
                raise UserError(_(
                    "Ticket %s: the department's decision comes before the "
                    "answer.") % ticket.number)
            if ticket.suggestion_answered_on:
                raise UserError(_("Ticket %s: the customer was already answered.")
                                % ticket.number)
            if not (ticket.suggestion_answer or "").strip():
                raise UserError(_("Ticket %s: write the answer to the customer "
                                  "first.") % ticket.number)
            if not ticket.partner_id.email:
                raise UserError(_(
                    "Ticket %(ticket)s: %(customer)s has no e-mail address: add "
                    "it to the customer's contact.") % {
                        "ticket": ticket.number,
                        "customer": ticket.partner_id.display_name})
            ticket.message_post_with_template(
                template.id, composition_mode="comment")
            ticket._guard_write({"suggestion_answered_on": fields.Datetime.now()})
        self._aftersales_activity_done("suggestion_answer")
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _suggestion_check_kind(self):
        self.ensure_one()
        if self.aftersales_kind != "suggestion":
            raise UserError(_("Ticket %s is not a suggestion or enquiry.")
                            % self.number)

    @api.multi
    def _suggestion_deciders(self):
        """The users who decide for the department concerned: its manager's."""
        self.ensure_one()
        return self.department_id.sudo().manager_id.user_id

    @api.multi
    def _aftersales_close_blockers(self):
        """C8: a suggestion or enquiry closes once decided and answered."""
        blockers = super()._aftersales_close_blockers()
        for ticket in self.sudo().filtered(
                lambda t: t.aftersales_kind == "suggestion"):
            if not ticket.suggestion_decided_on:
                blockers[ticket.id].append(_(
                    "Suggestion or enquiry: the department's decision."))
            if not ticket.suggestion_answered_on:
                blockers[ticket.id].append(_(
                    "Suggestion or enquiry: the answer to the customer."))
        return blockers
