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
        base = {"offence_id": cls.env.ref(
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
        cls.all = cls.own | cls.others | cls.leaders | cls.from_ticket | cls.hr_own

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

    def test_supervisor_reads_ticket_proposals(self):
        """P6: a service supervisor reads proposals from tickets, but cannot
        decide them; once decided they leave the supervisor's view."""
        visible = self._visible(self.supervisor)
        self.assertIn(self.from_ticket, visible)
        self.assertNotIn(self.hr_own, visible)
        with self.assertRaises(AccessError):
            self.from_ticket.sudo(self.supervisor).action_confirm()
        self.from_ticket.sudo(self.hr_officer).action_confirm()
        self.assertNotIn(self.from_ticket, self._visible(self.supervisor))

    def test_employee_cannot_create(self):
        """P6: employees do not record penalties."""
        with self.assertRaises(AccessError):
            self.Penalty.sudo(self.engineer).create({
                "employee_id": self.emp_other.id, "offence_id": self.phone.id})

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

    def test_form_opens_for_each_role(self):
        """P6: the record form loads for an employee, with review fields
        read-only for them and editable for HR."""
        for user, reviews in ((self.engineer, False), (self.hr_officer, True)):
            penalty = self._penalty().sudo(user)
            penalty.fields_view_get(view_type="form")
            self.assertEqual(penalty.is_hr_user, reviews)
