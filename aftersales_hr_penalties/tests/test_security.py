# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import PenaltyCase


class TestPenaltyPrivacy(PenaltyCase):
    """P6: employees see their own records, team leaders their team's, HR all."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        hr = cls.Penalty.sudo(cls.hr_officer)
        base = {"offence_type_id": cls.env.ref(
            "aftersales_hr_penalties.offence_fine_phone_off").id,
            "date": "2025-06-10"}
        cls.own = hr.create(dict(base, employee_id=cls.emp_engineer.id))
        cls.others = hr.create(dict(base, employee_id=cls.emp_other.id))
        cls.leaders = hr.create(dict(base, employee_id=cls.emp_leader.id))
        ticket = cls.env["helpdesk.ticket"].create({
            "name": "Late", "partner_id": cls.domestic.id,
            "reported_date": "2025-06-02 08:00:00"})
        cls.from_ticket = hr.create(dict(
            base, employee_id=cls.emp_hr.id, ticket_id=ticket.id))
        cls.hr_own = hr.create(dict(base, employee_id=cls.emp_hr.id))
        # a service team led by an engineer who is not its members' manager,
        # with the supervisor as a member (P3, P6)
        cls.member = cls._user("p_member", "aftersales_service.group_aftersales_user")
        cls.emp_member = cls.env["hr.employee"].create({
            "name": "P Member", "user_id": cls.member.id})
        cls.env["helpdesk.ticket.team"].create({
            "name": "P Team 2", "team_leader_id": cls.other_engineer.id,
            "user_ids": [(6, 0, [cls.supervisor.id, cls.member.id])]})
        cls.member_draft = hr.create(dict(
            base, employee_id=cls.emp_member.id, ticket_id=ticket.id))
        cls.member_manual = hr.create(dict(base, employee_id=cls.emp_member.id))
        cls.all = (cls.own | cls.others | cls.leaders | cls.from_ticket
                   | cls.hr_own | cls.member_draft | cls.member_manual)

    def _visible(self, user):
        return self.Penalty.sudo(user).search([("id", "in", self.all.ids)])

    def test_employee_sees_own_only(self):
        """P6: an employee sees only their own records."""
        self.assertEqual(self._visible(self.engineer), self.own)
        with self.assertRaises(AccessError):
            self.others.sudo(self.engineer).read(["amount"])

    def test_team_leader_reads_team(self):
        """P6: a team leader reads the records of the team, not others'."""
        self.assertEqual(self._visible(self.leader), self.own | self.leaders)
        with self.assertRaises(AccessError):
            self.own.sudo(self.leader).write({"statement": "On behalf"})

    def test_hr_officer_sees_all(self):
        """P6: HR officers see everybody's records."""
        self.assertEqual(self._visible(self.hr_officer), self.all)

    def test_service_team_leader_reads_team(self):
        """P3, P6: the leader of a service team reads its members' records
        without being their manager, and cannot write them."""
        self.assertFalse(self.emp_member.parent_id)
        self.assertEqual(self._visible(self.other_engineer),
                         self.others | self.member_draft | self.member_manual)
        with self.assertRaises(AccessError):
            self.member_draft.sudo(self.other_engineer).write({"statement": "x"})

    def test_supervisor_reads_team_ticket_proposals(self):
        """P6: a service supervisor reads the ticket proposals of their service
        teams' members (besides their own reports'), not everybody's, and
        cannot decide them; once decided they leave the supervisor's view."""
        visible = self._visible(self.supervisor)
        self.assertEqual(visible, self.others | self.leaders | self.member_draft)
        self.assertNotIn(self.from_ticket, visible)  # HR's own, outside the team
        with self.assertRaises(AccessError):
            self.member_draft.sudo(self.supervisor).action_confirm()
        self.member_draft.sudo(self.hr_officer).action_confirm()
        self.assertNotIn(self.member_draft, self._visible(self.supervisor))

    def test_employee_cannot_create(self):
        """P6: employees do not record penalties."""
        with self.assertRaises(AccessError):
            self.Penalty.sudo(self.engineer).create({
                "employee_id": self.emp_other.id, "offence_type_id": self.phone.id})

    def test_portal_sees_nothing(self):
        """P6: nothing of this shows to portal users."""
        with self.assertRaises(AccessError):
            self.Penalty.sudo(self.portal_user).search([])
        with self.assertRaises(AccessError):
            self.own.sudo(self.portal_user).read(["amount"])


class TestPenaltyMenus(PenaltyCase):
    """P6: where each role finds the records."""

    def _menus(self, user, *xmlids):
        ids = [self.env.ref("aftersales_hr_penalties." + x).id for x in xmlids]
        return self.env["ir.ui.menu"].sudo(user).search([("id", "in", ids)])

    def test_employee_finds_own_records(self):
        """P6: any employee finds their records; only HR the review queue."""
        salesperson = self.salesman
        self.assertEqual(len(self._menus(salesperson, "aftersales_penalty_menu_hr_mine",
                                         "aftersales_penalty_menu_hr")), 1)
        self.assertEqual(len(self._menus(self.hr_officer, "aftersales_penalty_menu",
                                         "aftersales_penalty_menu_hr")), 2)

    def test_team_leader_finds_team_menu(self):
        """P6: a "My Team's Penalties" menu lists the team's records."""
        self.assertEqual(len(self._menus(self.leader, "aftersales_penalty_menu_team",
                                         "aftersales_penalty_menu_hr_team")), 2)
        action = self.env.ref("aftersales_hr_penalties.aftersales_penalty_action_team")
        self.assertIn("search_default_my_team", action.context)

    def test_form_opens_for_each_role(self):
        """P6: the record form loads for an employee, with review fields
        read-only for them and editable for HR."""
        for user, reviews in ((self.engineer, False), (self.hr_officer, True)):
            penalty = self._penalty().sudo(user)
            penalty.fields_view_get(view_type="form")
            self.assertEqual(penalty.is_hr_user, reviews)
