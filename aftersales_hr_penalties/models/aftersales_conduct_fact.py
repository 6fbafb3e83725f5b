# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import format_date

from odoo.addons.aftersales_service.tools import (
    GROUP_SUPERVISOR, company_date, company_today, in_company_lang)

# P2: what the dispatcher sees, and the catalogue entry each one proposes
CONDUCT_KINDS = [
    ("phone_unreachable", "Unreachable by Phone Between 08:00 and 22:00"),
    ("left_unreported", "Left Without Reporting to Headquarters"),
    ("refused_dispatch", "Refused a Dispatch"),
]
OFFENCE_CODES = {
    "phone_unreachable": "P2_PHONE",
    "left_unreported": "P2_LEAVE",
    "refused_dispatch": "P2_DISOBEY",
}


class AftersalesConductFact(models.Model):
    """P2, P6: an offence the dispatcher (a service supervisor, or the
    engineer's team leader) saw on an engineer's day. Recorded once, it
    proposes its catalogue fine to HR as the ticket facts do; HR decides."""

    _name = "aftersales.conduct.fact"
    _description = "Offence Seen by the Dispatcher"
    _inherit = ["mail.thread", "aftersales.guard"]
    _order = "date desc, id desc"
    # F3 (aftersales.guard): a recorded fact is final; a wrong one is
    # rejected by HR on its proposal, with the reason
    _guarded_fields = ("recorded_by_id", "penalty_id")
    _open_when_final = ("note",)

    # ------------------------------------------------------------------
    # The fact
    # ------------------------------------------------------------------
    employee_id = fields.Many2one(
        "hr.employee", string="Engineer", required=True, index=True,
        help="The engineer whose day this is.")
    user_id = fields.Many2one(
        related="employee_id.user_id", store=True, readonly=True,
        string="Engineer's User")
    company_id = fields.Many2one(
        "res.company", required=True, index=True,
        default=lambda self: self.env.user.company_id)
    date = fields.Date(
        string="Day", required=True, index=True,
        default=lambda self: company_today(self),
        help="The engineer's day on which it happened (the company's day).")
    kind = fields.Selection(CONDUCT_KINDS, string="What Happened", required=True)
    dispatch_id = fields.Many2one(
        "aftersales.dispatch", string="On-site Dispatch", index=True,
        ondelete="set null",
        help="The dispatch refused, or left without reporting, if any.")
    note = fields.Text(
        string="Details",
        help="When it happened and how it was found, e.g. the times called.")
    # ------------------------------------------------------------------
    # Who recorded it, and what it proposed (P6)
    # ------------------------------------------------------------------
    recorded_by_id = fields.Many2one(
        "res.users", string="Recorded By", readonly=True,
        default=lambda self: self.env.user)
    penalty_id = fields.Many2one(
        "aftersales.penalty", string="Proposed Fine", readonly=True,
        ondelete="set null")

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        fact = super().create(vals)
        fact._check_dispatcher()
        fact._propose_fine()
        return fact

    @api.multi
    def _guard_final(self):
        """F3: what the dispatcher recorded stays as recorded."""
        return self

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _check_dispatcher(self):
        """P2: the dispatcher records: a service supervisor, or the leader of
        a service team the engineer belongs to; never about oneself."""
        if self.env.uid == SUPERUSER_ID:
            return
        user = self.env.user
        supervisor = user.has_group(GROUP_SUPERVISOR)
        for fact in self:
            engineer = fact.employee_id.sudo().user_id
            if engineer == user:
                raise AccessError(_(
                    "You cannot record an offence of your own day; the "
                    "dispatcher or your team leader records it."))
            leads = user in engineer.aftersales_helpdesk_team_ids.mapped(
                "team_leader_id")
            if not (supervisor or leads):
                raise AccessError(_(
                    "Only a service supervisor or the team leader of %s "
                    "records an offence of their day.") % fact.employee_id.name)

    @api.multi
    @in_company_lang
    def _propose_fine(self):
        """P2, P6: the catalogue fine of the fact, proposed to HR as a draft
        (``aftersales.penalty._propose``); none when HR archived the entry."""
        penalties = self.env["aftersales.penalty"]
        offences = self.env["aftersales.penalty.offence"]
        labels = dict(self.fields_get(["kind"])["kind"]["selection"])
        for fact in self:
            offence = offences._by_code(OFFENCE_CODES[fact.kind])
            if not offence:
                continue
            description = _("%(what)s on %(day)s, recorded by %(who)s.") % {
                "what": labels[fact.kind],
                "day": format_date(self.env, fact.date),
                "who": fact.recorded_by_id.name}
            if fact.dispatch_id:
                description = "%s: %s" % (fact.dispatch_id.name, description)
            if fact.note:
                description = "%s\n%s" % (description, fact.note)
            penalty = penalties._propose({
                "employee_id": fact.employee_id.id,
                "offence_type_id": offence.id,
                "source": "conduct",
                "date": fact.date,
                "company_id": fact.company_id.id,
                "ticket_id": fact.dispatch_id.ticket_id.id,
                "dispatch_id": fact.dispatch_id.id,
                "description": description,
                "source_key": "conduct:%s:%d" % (self._name, fact.id),
            })
            # the proposal is the system's link, written whoever recorded
            fact.sudo()._guard_door().write({"penalty_id": penalty.id})
        return True

    @api.model
    def _default_from_dispatch(self, dispatch):
        """The form opened from a dispatch: its lead engineer and day."""
        employee = self.env["hr.employee"]._aftersales_by_user(
            dispatch.leader_id).get(dispatch.leader_id.id)
        if not employee:
            raise UserError(_(
                "Dispatch %s: its lead engineer has no employee record; ask HR "
                "to link one before recording an offence.") % dispatch.name)
        return {
            "default_dispatch_id": dispatch.id,
            "default_employee_id": employee.id,
            "default_date": company_date(
                dispatch, dispatch.appointment, dispatch.company_id)
            if dispatch.appointment else company_today(dispatch),
        }
