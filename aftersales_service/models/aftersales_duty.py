# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import company_day_bounds


class AftersalesDuty(models.Model):
    """T26: who is on call for a night or a holiday; an urgent ticket that
    arrives outside working hours goes to the engineer on call."""

    _name = "aftersales.duty"
    _description = "On-call Duty"
    _order = "date_from desc"

    user_id = fields.Many2one(
        "res.users", string="Engineer on Call", required=True, index=True,
        domain=[("share", "=", False)])
    team_id = fields.Many2one(
        "helpdesk.ticket.team", string="Team", index=True,
        help="Empty: on call for every team.")
    date_from = fields.Datetime(string="From", required=True, index=True)
    date_to = fields.Datetime(string="To", required=True, index=True)
    note = fields.Char(help="E.g. the holiday, or a phone number to use.")
    company_id = fields.Many2one(
        "res.company", string="Company", required=True,
        default=lambda self: self.env.user.company_id)
    on_call_today = fields.Boolean(
        compute="_compute_on_call_today",
        search="_search_on_call_today",
        help="The duty covers part of today (the company's day).")

    @api.depends("date_from", "date_to")
    def _compute_on_call_today(self):
        start, stop = company_day_bounds(self)
        for duty in self:
            duty.on_call_today = duty.date_from < stop and duty.date_to > start

    @api.model
    def _search_on_call_today(self, operator, value):
        """T26, T20: who is on call today and tonight, for the morning
        board; not stored, since the day moves."""
        start, stop = company_day_bounds(self)
        today = ["&", ("date_from", "<", stop), ("date_to", ">", start)]
        wanted = bool(value) if operator in ("=", "==") else not value
        return today if wanted else ["!"] + today

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for duty in self:
            if duty.date_to <= duty.date_from:
                raise ValidationError(_(
                    "An on-call duty ends after it starts: check \"From\" and "
                    "\"To\"."))

    @api.multi
    def name_get(self):
        return [(duty.id, "%s (%s)" % (duty.user_id.name, duty.date_from))
                for duty in self]

    @api.model
    def _on_call(self, moment, team, company):
        """The engineer on call at UTC ``moment`` for ``team`` (a duty of the
        team before one for every team), or an empty recordset."""
        duty = self.sudo().search([
            ("company_id", "=", company.id), ("date_from", "<=", moment),
            ("date_to", ">", moment), ("team_id", "in", [False, team.id]),
        ], order="team_id, date_from desc", limit=1)
        return duty.user_id
