# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import (
    company_day_bounds, company_lang, company_today, company_tz, describe)

#: the decision the team leader's to-do waits for: the day's log
LOG_MISSING = "work_log_missing"
#: how far back the job looks for the last working day
LOOK_BACK_DAYS = 14


class AftersalesWorkDay(models.Model):
    """T20: an engineer's work log of one day, one line per ticket or on-site
    dispatch worked on, written before leaving. A small model of its own, not
    ``hr_timesheet``: timesheets need a project on every line (and bring the
    project app's menus and its analytic lines into the engineer's screens),
    while a service day is logged against tickets and dispatches."""

    _name = "aftersales.work.day"
    _description = "Daily Work Log"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, user_id"
    _sql_constraints = [
        ("user_date_unique", "unique(user_id, date)",
         "An engineer has one work log per day: open it and add a line."),
    ]

    user_id = fields.Many2one(
        "res.users", string="Engineer", required=True, index=True,
        default=lambda self: self.env.user, ondelete="cascade")
    date = fields.Date(required=True, index=True,
                       default=lambda self: company_today(self))
    company_id = fields.Many2one(
        "res.company", required=True, index=True,
        default=lambda self: self.env.user.company_id)
    line_ids = fields.One2many("aftersales.work.log", "day_id",
                               string="Work Done")
    total_hours = fields.Float(compute="_compute_total_hours", store=True)
    is_logged = fields.Boolean(
        string="Logged", compute="_compute_total_hours", store=True,
        help="At least one line of work is logged for the day.")

    @api.depends("line_ids.hours")
    def _compute_total_hours(self):
        for day in self:
            day.total_hours = sum(day.line_ids.mapped("hours"))
            day.is_logged = bool(day.line_ids)

    @api.multi
    def name_get(self):
        return [(day.id, "%s %s" % (day.user_id.name, day.date)) for day in self]

    @api.constrains("date")
    def _check_date(self):
        """F4: no work is logged for a day to come."""
        self.env["aftersales.facts"]._check_not_future(self, ["date"])

    # ------------------------------------------------------------------
    # Cron entry point
    # ------------------------------------------------------------------
    @api.model
    def cron_flag_missing(self):
        """T20, daily: each engineer of a service team without a log for the
        last working day (the company's calendar and time zone) gets an empty
        log of that day, and the team leader a to-do on it, done when the
        engineer logs the day. Safe to run twice: one log per engineer and
        day, one to-do per log."""
        for company in self.env["res.company"].search([]):
            day = self._last_working_day(company)
            if day:
                for engineer, leaders in self._engineers(company).items():
                    self._flag_missing(company, engineer, leaders, day)
        return True

    @api.model
    def _last_working_day(self, company):
        """The last working day before the company's today, by its working
        calendar (public holidays and make-up days included); Monday to
        Friday without a calendar."""
        today = fields.Date.from_string(company_today(self, company))
        calendar = company.sudo().aftersales_working_calendar_id
        data = calendar and calendar._aftersales_calendar_data(
            calendar.id, company_tz(self, company))
        for back in range(1, LOOK_BACK_DAYS):
            day = today - timedelta(days=back)
            if calendar:
                if calendar._aftersales_day_intervals(data, day):
                    return fields.Date.to_string(day)
            elif day.weekday() < 5:
                return fields.Date.to_string(day)
        return False

    @api.model
    def _engineers(self, company):
        """{engineer: their team leaders} over the company's service teams
        (a leader is not flagged for their own team)."""
        teams = self.env["helpdesk.ticket.team"].sudo().search(
            [("company_id", "in", [company.id, False]),
             ("team_leader_id", "!=", False)])
        engineers = {}
        for team in teams:
            for user in team.user_ids.filtered(
                    lambda u: u.active and not u.share
                    and u != team.team_leader_id and company in u.company_ids):
                engineers[user] = engineers.get(user, self.env["res.users"]) \
                    | team.team_leader_id
        return engineers

    @api.model
    def _flag_missing(self, company, engineer, leaders, day):
        days = self.sudo()
        log = days.search([("user_id", "=", engineer.id), ("date", "=", day)])
        if log.is_logged or (not log and self._on_leave(engineer, day, company)):
            return log
        if not log:
            log = days.with_context(mail_create_nolog=True).create({
                "user_id": engineer.id, "date": day, "company_id": company.id})
        if self.env["mail.activity"].sudo().search_count([
                ("res_model", "=", self._name), ("res_id", "=", log.id),
                ("aftersales_decision", "=", LOG_MISSING)]):
            return log
        todo = self.env.ref("mail.mail_activity_data_todo")
        summary = self.with_context(
            lang=company_lang(self.env, company))._missing_summary(engineer, day)
        for leader in leaders:
            log._aftersales_activity_schedule(
                todo, leader, company_today(self, company), summary,
                decision=LOG_MISSING)
        return log

    @api.model
    def _on_leave(self, engineer, day, company):
        """An engineer on approved leave during the company's ``day`` logs
        nothing that day."""
        start, stop = company_day_bounds(self, company, day)
        return bool(self.env["hr.holidays"].sudo().search_count([
            ("employee_id.user_id", "=", engineer.id), ("type", "=", "remove"),
            ("state", "=", "validate"),
            ("date_from", "<", stop), ("date_to", ">", start)]))

    @api.model
    def _missing_summary(self, engineer, day):
        return _("%(engineer)s logged no work on %(day)s") % {
            "engineer": engineer.name, "day": day}


class AftersalesWorkLog(models.Model):
    """T20: one line of an engineer's day: the ticket or the on-site dispatch,
    the hours and what was done."""

    _name = "aftersales.work.log"
    _description = "Work Log Line"
    _order = "day_id, id"

    day_id = fields.Many2one("aftersales.work.day", string="Work Log",
                             required=True, ondelete="cascade", index=True)
    user_id = fields.Many2one(related="day_id.user_id", store=True,
                              readonly=True, string="Engineer")
    date = fields.Date(related="day_id.date", store=True, readonly=True)
    ticket_id = fields.Many2one("helpdesk.ticket", string="Ticket", index=True,
                                ondelete="restrict")
    dispatch_id = fields.Many2one(
        "aftersales.dispatch", string="On-site Dispatch", index=True,
        ondelete="restrict")
    hours = fields.Float(required=True)
    description = fields.Text(string="Work Done", required=True)
    is_finished = fields.Boolean(
        string="Job Finished",
        help="Unticked: the job goes on another day (the dispatcher sees it).")

    @api.constrains("ticket_id", "dispatch_id", "hours")
    def _check_line(self):
        for line in self:
            if not (line.ticket_id or line.dispatch_id):
                raise ValidationError(_(
                    "%s: choose the ticket or the on-site dispatch the work was "
                    "done for.") % describe(line.day_id))
            if line.dispatch_id and line.ticket_id \
                    and line.dispatch_id.ticket_id != line.ticket_id:
                raise ValidationError(_(
                    "%(log)s: dispatch %(dispatch)s belongs to another ticket "
                    "than %(ticket)s.") % {
                        "log": describe(line.day_id),
                        "dispatch": line.dispatch_id.name,
                        "ticket": line.ticket_id.number})
            if not 0 < line.hours <= 24:
                raise ValidationError(_(
                    "%s: enter the hours worked, more than 0 and at most 24.")
                    % describe(line.day_id))

    @api.onchange("dispatch_id")
    def _onchange_dispatch_id(self):
        if self.dispatch_id:
            self.ticket_id = self.dispatch_id.ticket_id

    @api.model
    def create(self, vals):
        """T20: the day is logged: the team leader's to-do is done."""
        if vals.get("dispatch_id") and not vals.get("ticket_id"):
            vals = dict(vals, ticket_id=self.env["aftersales.dispatch"].browse(
                vals["dispatch_id"]).ticket_id.id)
        line = super().create(vals)
        line.day_id.sudo()._aftersales_activity_done(
            LOG_MISSING, feedback=_("Logged by %s.") % self.env.user.name)
        return line
