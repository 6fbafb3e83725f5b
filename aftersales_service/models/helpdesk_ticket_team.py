# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools.safe_eval import safe_eval


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

    def _compute_todo_ticket_count_sla_risk(self):
        """T3, T4: one grouped count for the whole dashboard."""
        data = self.env["helpdesk.ticket"].read_group(
            [("team_id", "in", self.ids), ("sla_at_risk", "=", True),
             ("stage_id.closed", "=", False)], ["team_id"], ["team_id"])
        counts = {row["team_id"][0]: row["team_id_count"] for row in data}
        for team in self:
            team.todo_ticket_count_sla_risk = counts.get(team.id, 0)

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
        company = company.sudo()
        calendars = self.env["resource.calendar"].sudo()
        settings = self._aftersales_team_settings(self.id) if self else {}
        working = company.aftersales_working_calendar_id
        return {
            "response": (calendars.browse(settings.get("response"))
                         or company.aftersales_response_calendar_id),
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
