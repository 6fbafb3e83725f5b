# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T20: engineers log the day's work per ticket or dispatch; a missing log
of a working day is flagged to the team leader; the morning board shows each
engineer's unfinished and postponed jobs."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError

from ..tools import company_today
from .common import AftersalesCase


class TestWorkLog(AftersalesCase):
    """Wang Lei logs his day; Zhao Gang (team leader) is told of a gap."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wanglei = cls.env.ref("aftersales_service.user_service_wang")
        cls.zhaogang = cls.env.ref("aftersales_service.user_service_leader")
        cls.team = cls.env["helpdesk.ticket.team"].create({
            "name": "T20 Team", "team_leader_id": cls.zhaogang.id,
            "user_ids": [(6, 0, [cls.zhaogang.id, cls.wanglei.id])]})
        cls.unit = cls._equipment(cls.furnace, "WL-1", cls.domestic,
                                  delivery_date="2025-01-10")
        cls.ticket = cls.env["helpdesk.ticket"].create({
            "name": "Heater fault", "description": "No heat",
            "equipment_id": cls.unit.id, "user_id": cls.wanglei.id,
            "team_id": cls.team.id})
        cls.Day = cls.env["aftersales.work.day"]
        # no calendar: Monday to Friday; a known Monday as "today"
        cls.company.aftersales_working_calendar_id = False

    def _missing_todos(self, user):
        return self.env["mail.activity"].search([
            ("res_model", "=", "aftersales.work.day"),
            ("aftersales_decision", "=", "work_log_missing"),
            ("user_id", "=", user.id)])

    def test_engineer_logs_his_day(self):
        """T20: one log per day, lines per ticket or dispatch; others' logs
        are not his to write."""
        day = self.Day.sudo(self.wanglei).create({"line_ids": [(0, 0, {
            "ticket_id": self.ticket.id, "hours": 3.5,
            "description": "Replaced the heating element"})]})
        self.assertEqual((day.user_id, day.total_hours, day.is_logged),
                         (self.wanglei, 3.5, True))
        self.assertEqual(day.date, company_today(day))
        with self.assertRaises(ValidationError):
            self.env["aftersales.work.log"].sudo(self.wanglei).create({
                "day_id": day.id, "hours": 1.0, "description": "No job named"})
        # the leader reads it, cannot change it
        self.assertTrue(self.Day.sudo(self.zhaogang).search([("id", "=", day.id)]))
        with self.assertRaises(AccessError):
            day.sudo(self.zhaogang).write({"date": "2025-01-02"})

    def test_missing_log_flagged_to_leader(self):
        """T20: the job finds the last working day without a log and tells
        the team leader; run twice, one to-do; the log clears it."""
        today = fields.Date.from_string(company_today(self.Day))
        expected = today - timedelta(days=1)
        while expected.weekday() >= 5:
            expected -= timedelta(days=1)
        self.Day.cron_flag_missing()
        self.Day.cron_flag_missing()
        todos = self._missing_todos(self.zhaogang).filtered(
            lambda a: self.Day.browse(a.res_id).user_id == self.wanglei)
        self.assertEqual(len(todos), 1)
        day = self.Day.browse(todos.res_id)
        self.assertEqual(day.date, fields.Date.to_string(expected))
        self.assertFalse(self._missing_todos(self.wanglei))
        # Wang Lei logs the day afterwards: the to-do is done
        day.sudo(self.wanglei).write({"line_ids": [(0, 0, {
            "ticket_id": self.ticket.id, "hours": 8.0,
            "description": "Installation at the customer"})]})
        self.assertFalse(todos.exists())
        self.Day.cron_flag_missing()
        self.assertFalse(self._missing_todos(self.zhaogang).filtered(
            lambda a: a.res_id == day.id))

    def test_engineer_on_leave_not_flagged(self):
        """T20: an engineer on approved leave that day is not flagged."""
        day = self.Day._last_working_day(self.company)
        employee = self.env["hr.employee"].search(
            [("user_id", "=", self.wanglei.id)], limit=1) or \
            self.env["hr.employee"].create({"name": "Wang Lei",
                                            "user_id": self.wanglei.id})
        start = fields.Datetime.from_string(day) - timedelta(hours=8)
        leave = self.env["hr.holidays"].create({
            "name": "Family matter", "employee_id": employee.id,
            "holiday_status_id": self.env.ref(
                "hr_holidays.holiday_status_unpaid").id,
            "date_from": fields.Datetime.to_string(start),
            "date_to": fields.Datetime.to_string(start + timedelta(days=1)),
            "number_of_days_temp": 1.0})
        leave.action_approve()
        self.assertEqual(leave.state, "validate")
        self.Day.cron_flag_missing()
        self.assertFalse(self.Day.search([("user_id", "=", self.wanglei.id),
                                          ("date", "=", day)]))

    def test_holiday_is_not_a_working_day(self):
        """T20: with the company calendar, a public holiday is skipped."""
        calendar = self.env.ref("resource.resource_calendar_std")
        self.company.aftersales_working_calendar_id = calendar
        today = fields.Date.from_string(company_today(self.Day))
        last = today - timedelta(days=1)
        while last.weekday() >= 5:
            last -= timedelta(days=1)
        self.env["resource.calendar.leaves"].create({
            "name": "Holiday", "calendar_id": calendar.id,
            "date_from": fields.Datetime.to_string(
                fields.Datetime.from_string(str(last)) - timedelta(hours=8)),
            "date_to": fields.Datetime.to_string(
                fields.Datetime.from_string(str(last)) + timedelta(hours=16))})
        found = self.Day._last_working_day(self.company)
        self.assertLess(found, fields.Date.to_string(last))
