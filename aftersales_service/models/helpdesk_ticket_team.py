# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools.safe_eval import safe_eval

from ..tools import GROUP_SUPERVISOR, company_today


class HelpdeskTicketTeam(models.Model):
    """T1: a team has its e-mail address (an alias, as Odoo's sales teams
    do): a new e-mail to it opens a ticket in the team."""
    _name = "helpdesk.ticket.team"
    _inherit = ["mail.alias.mixin", "helpdesk.ticket.team"]

    team_leader_id = fields.Many2one(
        "res.users", string="Team Leader",
        help="Responsible for customers' visits when the company says so; "
             "carries a verified complaint that names no responsible person.")
    # T1: who takes a new ticket of the team
    aftersales_assign = fields.Selection([
        ("supervisor", "The Supervisor Assigns It"),
        ("creator", "The Engineer Who Records the Call"),
        ("leader", "The Team Leader"),
    ], string="New Tickets Go To", default="supervisor", required=True,
        help="The Engineer Who Records the Call: a service engineer (not a "
             "supervisor) takes the tickets he records; the others (portal, "
             "e-mail, a supervisor's) wait for the supervisor. The Team "
             "Leader: every new ticket is his.")
    # T3 rev. 2: the calendar each clock of the team's tickets runs on; empty:
    # the company's (round the clock for the first response, the service
    # working calendar for arrival and resolution)
    aftersales_response_calendar_id = fields.Many2one(
        "resource.calendar", string="First Response Calendar",
        help="Empty: the company's setting (round the clock by default).")
    aftersales_arrival_calendar_id = fields.Many2one(
        "resource.calendar", string="Arrival Calendar",
        help="Empty: the company's service working calendar.")
    aftersales_resolution_calendar_id = fields.Many2one(
        "resource.calendar", string="Resolution Calendar",
        help="Empty: the company's service working calendar.")

    # R3: the team's name reads in the user's language
    name = fields.Char(translate=True)
    # T1: new e-mails to the team's address open tickets in the team
    alias_id = fields.Many2one(
        "mail.alias", string="Alias", ondelete="restrict", required=True,
        help="The team's e-mail address: a new e-mail to it opens a ticket "
             "in the team; replies land on their ticket.")

    todo_ticket_count_sla_risk = fields.Integer(
        string="Tickets with SLA at Risk",
        compute="_compute_todo_ticket_count_sla_risk")

    # Q9, K1, T17: the supervisor's figures on the dashboard (the KPI view's)
    aftersales_first_time_fix = fields.Integer(
        string="First-Time Fix (%)", compute="_compute_aftersales_handbook_kpi",
        groups=GROUP_SUPERVISOR,
        help="This year's closed tickets with on-site service fixed by one "
             "dispatch and no repeat repair.")
    aftersales_solved_remotely = fields.Integer(
        string="Solved Remotely (%)", compute="_compute_aftersales_handbook_kpi",
        groups=GROUP_SUPERVISOR,
        help="This year's closed repair and material tickets solved remotely.")
    aftersales_solved_with_handbook = fields.Integer(
        string="Solved Remotely with the Handbook (%)",
        compute="_compute_aftersales_handbook_kpi", groups=GROUP_SUPERVISOR,
        help="This year's closed repair and material tickets solved remotely "
             "with a handbook entry.")
    aftersales_open_consultations = fields.Integer(
        string="Open Consultations", compute="_compute_aftersales_handbook_kpi",
        groups=GROUP_SUPERVISOR)

    def _compute_todo_ticket_count_sla_risk(self):
        """T3, T4: one grouped count for the whole dashboard."""
        data = self.env["helpdesk.ticket"].read_group(
            [("team_id", "in", self.ids), ("sla_at_risk", "=", True),
             ("stage_id.closed", "=", False)], ["team_id"], ["team_id"])
        counts = {row["team_id"][0]: row["team_id_count"] for row in data}
        for team in self:
            team.todo_ticket_count_sla_risk = counts.get(team.id, 0)

    def _compute_aftersales_handbook_kpi(self):
        """Q9: the rates of this year's tickets (in the company's calendar)
        and the consultations open now, by team: one grouped read each, from
        the KPI view, so that the dashboard and the KPI menu agree."""
        kpi = self.env["aftersales.ticket.kpi"].sudo()
        year = "%s-01-01" % company_today(self)[:4]
        rates = {row["team_id"][0]: row for row in kpi.read_group(
            [("team_id", "in", self.ids), ("reported_date", ">=", year)],
            ["team_id", "first_time_fix", "solved_remotely",
             "solved_with_handbook"], ["team_id"])}
        open_counts = {row["team_id"][0]: row["open_consultation"]
                       for row in kpi.read_group(
                           [("team_id", "in", self.ids),
                            ("open_consultation", "=", 1)],
                           ["team_id", "open_consultation"], ["team_id"])}
        for team in self:
            row = rates.get(team.id, {})
            for name in ("first_time_fix", "solved_remotely",
                         "solved_with_handbook"):
                team["aftersales_%s" % name] = round(row.get(name) or 0.0)
            team.aftersales_open_consultations = int(
                open_counts.get(team.id) or 0)

    @api.multi
    def action_view_aftersales_kpi(self):
        """Q9: the KPI view of first-time fix and the handbook, for this team."""
        self.ensure_one()
        action = self.env.ref(
            "aftersales_service.aftersales_ticket_kpi_handbook_action").read()[0]
        action["context"] = dict(safe_eval(action.get("context") or "{}"),
                                 search_default_team_id=self.id)
        return action

    @api.multi
    def action_view_aftersales_consultations(self):
        """T17: the team's consultations without a conclusion."""
        self.ensure_one()
        action = self.env.ref(
            "aftersales_service.aftersales_consultation_action").read()[0]
        action["domain"] = [("ticket_id.team_id", "=", self.id),
                            ("state", "in", ("draft", "open"))]
        return action

    def get_alias_model_name(self, vals):
        return "helpdesk.ticket"

    def get_alias_values(self):
        """T1: tickets e-mailed to the team are the team's."""
        values = super().get_alias_values()
        defaults = safe_eval(self.alias_defaults or "{}")
        defaults["team_id"] = self.id
        values["alias_defaults"] = repr(defaults)
        return values

    @api.multi
    def _aftersales_calendars(self, company):
        """T3 rev. 2: {clock: calendar} for this team (or no team) in
        ``company``; an empty calendar runs round the clock."""
        calendars = self.env["resource.calendar"].sudo()
        settings = self._aftersales_team_settings(self.id) if self else {}
        company_settings = company._aftersales_clock_settings(company.id)
        working = calendars.browse(
            company_settings["aftersales_working_calendar_id"])
        return {
            "response": (calendars.browse(settings.get("response"))
                         or calendars.browse(company_settings[
                             "aftersales_response_calendar_id"])),
            "arrival": calendars.browse(settings.get("arrival")) or working,
            "resolution": (calendars.browse(settings.get("resolution"))
                           or working),
        }

    @api.model
    @tools.ormcache("team_id")
    def _aftersales_team_settings(self, team_id):
        """T1, T3 rev. 2: what every new ticket reads of its team (who takes
        it, the clocks' calendars), as ids, cached: a ticket's creation reads
        no team row; a change of these settings drops the cache (``write``).
        Read-only: the cache hands the same dict to every caller."""
        team = self.sudo().browse(team_id)
        return {
            "assign": team.aftersales_assign,
            "leader": team.team_leader_id.id,
            "response": team.aftersales_response_calendar_id.id,
            "arrival": team.aftersales_arrival_calendar_id.id,
            "resolution": team.aftersales_resolution_calendar_id.id,
        }

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if set(vals) & {"aftersales_assign", "team_leader_id",
                        "aftersales_response_calendar_id",
                        "aftersales_arrival_calendar_id",
                        "aftersales_resolution_calendar_id"}:
            self.clear_caches()
        return res
