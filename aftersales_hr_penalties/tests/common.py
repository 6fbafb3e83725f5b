# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.aftersales_service.tests.common import AftersalesCase, recorded


class PenaltyCase(AftersalesCase):
    """A service team with its leader, two engineers (one in the team, one
    not), an HR officer and a supervisor, each an employee with a user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        staff_group = "aftersales_service.group_aftersales_user"
        user = cls._user
        cls.hr_officer = user("p_hr", "hr.group_hr_user")
        cls.leader = user("p_leader", staff_group)
        cls.engineer = user("p_engineer", staff_group)
        cls.other_engineer = user("p_other", staff_group)
        cls.portal_user = user("p_portal", "base.group_portal")
        employees = cls.env["hr.employee"]
        cls.emp_supervisor = employees.create({
            "name": "P Supervisor", "user_id": cls.supervisor.id})
        cls.emp_leader = employees.create({
            "name": "P Leader", "user_id": cls.leader.id,
            "parent_id": cls.emp_supervisor.id})
        cls.emp_engineer = employees.create({
            "name": "P Engineer", "user_id": cls.engineer.id,
            "parent_id": cls.emp_leader.id})
        cls.emp_other = employees.create({
            "name": "P Other", "user_id": cls.other_engineer.id,
            "parent_id": cls.emp_supervisor.id})
        cls.emp_hr = employees.create({"name": "P HR", "user_id": cls.hr_officer.id})
        cls.team = cls.env["helpdesk.ticket.team"].create({
            "name": "P Team", "team_leader_id": cls.leader.id,
            "user_ids": [(6, 0, [cls.leader.id, cls.engineer.id])]})

        cls.offences = cls.env["aftersales.penalty.offence"]
        cls.late = cls.env.ref("aftersales_hr_penalties.offence_fine_late_arrival")
        cls.incomplete = cls.env.ref(
            "aftersales_hr_penalties.offence_fine_incomplete_report")
        cls.complaint = cls.env.ref("aftersales_hr_penalties.offence_fine_complaint")
        cls.repeat = cls.env.ref(
            "aftersales_hr_penalties.offence_demerit_repeat_repair")
        cls.phone = cls.env.ref("aftersales_hr_penalties.offence_fine_phone_off")
        cls.reward = cls.env.ref(
            "aftersales_hr_penalties.offence_reward_improvement")

        cls.done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.fault = cls.env.ref("aftersales_service.problem_type_functional")
        cls.precision = cls.env.ref("aftersales_service.problem_type_precision")
        cls.domestic.aftersales_distance_zone = "zone1"  # 2 hours to arrive (T4)
        # the arrival clock round the clock (working calendars: the service
        # addon's test_clocks)
        cls.company.aftersales_working_calendar_id = False
        cls.unit = cls._equipment(cls.furnace, "PEN-1", cls.domestic,
                                  delivery_date="2025-01-10")
        cls.Penalty = cls.env["aftersales.penalty"]

    def _ticket(self, **vals):
        values = {"name": "Heater fault", "description": "No heat",
                  "equipment_id": self.unit.id, "team_id": self.team.id,
                  "user_id": self.engineer.id,
                  "reported_date": "2025-06-02 08:00:00",
                  "problem_type_id": self.fault.id}
        values.update(vals)
        ticket = self.env["helpdesk.ticket"].create(values)
        # T4 rev. 2: on-site approved at the report, as the supervisor's
        # action leaves it, so the arrival clock runs from there
        ticket._guard_write({
            "onsite_state": "approved", "onsite_approved_by": self.supervisor.id,
            "onsite_approved_on": ticket.reported_date,
            "quotation_accepted_on": ticket.reported_date})
        return ticket

    def _dispatch(self, ticket, **vals):
        values = {"ticket_id": ticket.id, "leader_id": self.engineer.id,
                  "appointment": "2025-06-02 09:00:00"}
        values.update(vals)
        return recorded(self.env["aftersales.dispatch"], values)

    def _complete_report(self):
        """T6 (rev. 2): every part of the report's content (not signed)."""
        return {"fault_cause": "Broken element", "solution": "New element",
                "no_parts_used": True, "test_result": "Heats to 1530 °C",
                "outstanding_issues": "None", "usage_advice": "Clean the filter",
                "customer_opinion": "Fine"}

    def _penalty(self, employee=None, offence=None, **vals):
        values = {"employee_id": (employee or self.emp_engineer).id,
                  "offence_type_id": (offence or self.phone).id,
                  "date": "2025-06-10"}
        values.update(vals)
        return self.Penalty.sudo(self.hr_officer).create(values)

    @classmethod
    def _approved_reward(cls, employee=None, **vals):
        """P5 (rev. 2): a reward by the chain: the team leader proposes it,
        the sales director reviews it, management approves it (as the
        superuser, who holds both roles here); then it is HR's proposal."""
        values = {"employee_id": (employee or cls.emp_engineer).id,
                  "offence_type_id": cls.reward.id, "date": "2025-06-10"}
        values.update(vals)
        reward = cls.env["aftersales.penalty"].sudo(cls.leader).create(values)
        reward.sudo().action_reward_review()
        reward.sudo().action_reward_approve()
        return reward.sudo(cls.hr_officer)

    def _proposals(self, source, **domain):
        terms = [("source", "=", source)] + [
            (name, "=", value) for name, value in domain.items()]
        return self.Penalty.search(terms)
