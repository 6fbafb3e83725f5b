# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError

from .common import AftersalesCase


class TestQualification(AftersalesCase):
    """T14: only staff qualified for the unit's product line go on site."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lines = cls.env["product.category"].create({
            "name": "Test Certified Machines",
            "aftersales_requires_qualification": True})
        cls.mills = cls.env["product.category"].create({
            "name": "Test Certified Mills", "parent_id": cls.lines.id})
        cls.furnaces = cls.env["product.category"].create({
            "name": "Test Certified Furnaces", "parent_id": cls.lines.id})
        cls.mill = cls._product("Test Certified Mill", equipment=True,
                                categ_id=cls.mills.id)
        cls.unit = cls._equipment(cls.mill, "QM-1", cls.domestic,
                                  delivery_date="2025-01-10")
        cls.fault = cls.env.ref("aftersales_service.problem_type_functional")
        cls.engineer = cls.env["res.users"].with_context(
            no_reset_password=True).create({
                "name": "Q Engineer", "login": "t_q_engineer",
                "email": "t_q_engineer@example.com",
                "groups_id": [(6, 0, [cls.env.ref(
                    "aftersales_service.group_aftersales_user").id])]})
        employees = cls.env["hr.employee"]
        cls.staff_employee = employees.create(
            {"name": "Staff Employee", "user_id": cls.staff.id})
        cls.engineer_employee = employees.create(
            {"name": "Q Engineer", "user_id": cls.engineer.id})

    def _qualify(self, employee, categ, issue="2024-01-01", expiry="2027-01-01",
                 number="CERT-1"):
        return self.env["aftersales.qualification"].sudo(self.supervisor).create({
            "employee_id": employee.id, "product_categ_id": categ.id,
            "certificate_number": number, "issue_date": issue,
            "expiry_date": expiry, "training": "Mill service course"})

    def _dispatch(self, leader, unit=None):
        ticket = self.env["helpdesk.ticket"].sudo(self.staff).create({
            "name": "Spindle noise", "description": "Noise at 40,000 rpm",
            "equipment_id": (unit or self.unit).id,
            "reported_date": "2025-06-02 08:00:00",
            "problem_type_id": self.fault.id,
            "onsite_reason": "Spindle must be replaced"})
        self.env["aftersales.remote.session"].sudo(self.staff).create({
            "ticket_id": ticket.id, "method": "video",
            "steps": "Checked spindle current on video", "result": "not_solved"})
        ticket.sudo(self.staff).action_request_onsite()
        return ticket.sudo(self.supervisor)._approve_onsite(
            leader=leader, appointment="2025-06-03 02:00:00")

    def test_unqualified_refused(self):
        """T14: an engineer without a qualification for the line is refused,
        the message naming the engineer and the product line."""
        with self.assertRaisesRegex(ValidationError, "Staff.*Test Certified Mills"):
            self._dispatch(self.staff)

    def test_expired_refused(self):
        """T14: an engineer whose certificate expired before the appointment is
        refused, the message naming the certificate."""
        self._qualify(self.staff_employee, self.mills, issue="2023-01-01",
                      expiry="2025-05-31", number="CERT-OLD")
        with self.assertRaisesRegex(ValidationError, "CERT-OLD"):
            self._dispatch(self.staff)

    def test_qualified_accepted(self):
        """T14: a qualified engineer is dispatched."""
        self._qualify(self.staff_employee, self.mills)
        dispatch = self._dispatch(self.staff)
        self.assertEqual(dispatch.leader_id, self.staff)
        self.assertTrue(dispatch.qualification_required)

    def test_parent_category_counts(self):
        """T14: a qualification for the parent product line covers the units
        of its sub-lines."""
        self._qualify(self.staff_employee, self.lines)
        dispatch = self._dispatch(self.staff)
        self.assertEqual(dispatch.state, "planned")

    def test_other_line_does_not_count(self):
        """T14: a qualification for another product line does not cover it."""
        self._qualify(self.staff_employee, self.furnaces)
        with self.assertRaises(ValidationError):
            self._dispatch(self.staff)

    def test_added_engineer_checked(self):
        """T14: every engineer going on site is checked, not only the leader."""
        self._qualify(self.staff_employee, self.mills)
        dispatch = self._dispatch(self.staff)
        with self.assertRaisesRegex(ValidationError, "Q Engineer"):
            dispatch.sudo(self.supervisor).write(
                {"user_ids": [(4, self.engineer.id)]})

    def test_unflagged_line_not_checked(self):
        """T14: product lines that do not require a qualification are open to
        all staff."""
        unit = self._equipment(self.furnace, "QF-1", self.domestic,
                               delivery_date="2025-01-10")
        dispatch = self._dispatch(self.staff, unit=unit)
        self.assertFalse(dispatch.qualification_required)

    def test_onchange_proposes_qualified(self):
        """T14: only engineers with a valid qualification are proposed."""
        self._qualify(self.staff_employee, self.lines)
        self._qualify(self.engineer_employee, self.mills, issue="2023-01-01",
                      expiry="2025-05-31", number="CERT-OLD")
        dispatch = self._dispatch(self.staff)
        result = dispatch._onchange_qualified_users()
        ids = result["domain"]["user_ids"][0][2]
        self.assertIn(self.staff.id, ids)
        self.assertNotIn(self.engineer.id, ids)

    def test_expiry_after_issue(self):
        """T14: a certificate cannot expire before it is issued."""
        with self.assertRaises(ValidationError):
            self._qualify(self.staff_employee, self.mills, issue="2025-01-01",
                          expiry="2024-01-01")

    def test_employee_count(self):
        """T14: the employee form counts the qualifications."""
        self._qualify(self.staff_employee, self.mills)
        self._qualify(self.staff_employee, self.furnaces, number="CERT-2")
        self.assertEqual(self.staff_employee.aftersales_qualification_count, 2)


class TestQualificationExpiry(AftersalesCase):
    """T14: the daily job warns of certificates about to expire, once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Qualification = cls.env["aftersales.qualification"]
        cls.Activity = cls.env["mail.activity"]
        # other qualifications of the database are warned already
        cls.Qualification.search([]).write({"expiry_warned": True})
        cls.employee = cls.env["hr.employee"].create(
            {"name": "Staff Employee", "user_id": cls.staff.id})
        cls.categ.aftersales_requires_qualification = True
        cls.company.aftersales_qualification_warning_days = 30

    def _in_days(self, days):
        today = fields.Date.from_string(fields.Date.context_today(self.Qualification))
        return fields.Date.to_string(today + timedelta(days=days))

    def _qualify(self, expiry):
        return self.Qualification.create({
            "employee_id": self.employee.id, "product_categ_id": self.categ.id,
            "certificate_number": "CERT-EXP", "issue_date": "2020-01-01",
            "expiry_date": expiry})

    def _activities(self, qualification, user):
        return self.Activity.search([
            ("res_model", "=", "aftersales.qualification"),
            ("res_id", "=", qualification.id), ("user_id", "=", user.id)])

    def test_reminder_once(self):
        """T14: holder and supervisor get one activity, and only once."""
        qualification = self._qualify(self._in_days(20))
        self.Qualification.cron_expiry_reminders()
        self.Qualification.cron_expiry_reminders()
        self.assertEqual(len(self._activities(qualification, self.staff)), 1)
        self.assertEqual(len(self._activities(qualification, self.supervisor)), 1)
        self.assertTrue(qualification.expiry_warned)

    def test_reminder_respects_setting(self):
        """T14: a certificate beyond the setting's days is not reminded yet."""
        qualification = self._qualify(self._in_days(20))
        self.company.aftersales_qualification_warning_days = 10
        self.Qualification.cron_expiry_reminders()
        self.assertFalse(self._activities(qualification, self.staff))
        self.assertFalse(qualification.expiry_warned)
        self.company.aftersales_qualification_warning_days = 25
        self.Qualification.cron_expiry_reminders()
        self.assertEqual(len(self._activities(qualification, self.staff)), 1)

    def test_renewal_reminded_again(self):
        """T14: a renewed certificate is reminded again before its new expiry."""
        qualification = self._qualify(self._in_days(20))
        self.Qualification.cron_expiry_reminders()
        qualification.expiry_date = self._in_days(400)
        self.assertFalse(qualification.expiry_warned)
