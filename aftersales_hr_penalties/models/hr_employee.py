# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.aftersales_service.tools import GROUP_HR, company_today


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    penalty_fine_total = fields.Float(
        string="Fines This Year", compute="_compute_penalty_totals",
        help="Confirmed and applied fines dated this calendar year.")
    penalty_demerit_count = fields.Integer(
        string="Major Demerits This Year", compute="_compute_penalty_totals")
    penalty_reward_count = fields.Integer(
        string="Rewards This Year", compute="_compute_penalty_totals")

    penalty_totals_visible = fields.Boolean(
        compute="_compute_penalty_totals_visible",
        help="The current user may see this employee's records: HR, the "
             "employee, the manager or the service team's leader.")

    def _compute_penalty_totals_visible(self):
        """P6: colleagues would only see zeros: the buttons show to the people
        who may read the records."""
        user = self.env.user
        is_hr = user.has_group(GROUP_HR)
        for employee in self:
            own = employee.sudo()
            employee.penalty_totals_visible = is_hr or user in (
                own.user_id | own.parent_id.user_id
                | own.user_id.aftersales_helpdesk_team_ids.mapped(
                    "team_leader_id"))

    def _compute_penalty_totals(self):
        """P1, P2, P5: this year's decided records, one grouped read for all."""
        year_start = company_today(self)[:4] + "-01-01"
        rows = self.env["aftersales.penalty"].read_group(
            [("employee_id", "in", self.ids), ("date", ">=", year_start),
             ("state", "in", ("confirmed", "applied"))],
            ["employee_id", "kind", "demerit", "amount"],
            ["employee_id", "kind", "demerit"], lazy=False)
        totals = {}
        for row in rows:
            fines, demerits, rewards = totals.get(row["employee_id"][0], (0.0, 0, 0))
            if row["kind"] == "fine":
                fines += row["amount"]
            if row["kind"] == "reward":
                rewards += row["__count"]
            if row["demerit"]:
                demerits += row["__count"]
            totals[row["employee_id"][0]] = (fines, demerits, rewards)
        for employee in self:
            (employee.penalty_fine_total, employee.penalty_demerit_count,
             employee.penalty_reward_count) = totals.get(employee.id, (0.0, 0, 0))

    @api.multi
    def action_view_penalties(self):
        self.ensure_one()
        action = self.env.ref(
            "aftersales_hr_penalties.aftersales_penalty_action").read()[0]
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id,
                             "search_default_this_year": 1}
        return action

    @api.model
    def _aftersales_by_user(self, users):
        """The employee of each user (first one of the user's company), as a
        dict user id -> employee; one search for all users."""
        employees = self.sudo().search([("user_id", "in", users.ids)],
                                       order="id")
        result = {}
        for employee in employees:
            current = result.get(employee.user_id.id)
            if not current or (employee.company_id == employee.user_id.company_id
                               and current.company_id != current.user_id.company_id):
                result[employee.user_id.id] = employee
        return result
