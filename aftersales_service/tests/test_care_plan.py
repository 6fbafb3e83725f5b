# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""C7: a key customer's care plan for the year, owned by its salesperson
(zhoumin): needs, planned activities with dates and status, year-end review."""
from datetime import date

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from ..tools import company_today
from .common import AftersalesCase


class TestCarePlan(AftersalesCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.zhoumin = cls.env.ref("aftersales_service.user_salesperson")
        cls.liuyang = cls.env.ref("aftersales_service.user_service_supervisor")
        cls.wanglei = cls.env.ref("aftersales_service.user_service_wang")
        cls.year = fields.Date.from_string(
            company_today(cls.env["res.partner"])).year
        cls.key = cls.env["res.partner"].create({
            "name": "Test Care Lab", "is_company": True, "customer": True,
            "user_id": cls.zhoumin.id, "aftersales_strategic": True})
        cls.plans = cls.env["aftersales.care.plan"]

    def test_plan_activities_and_review(self):
        """C7: zhoumin plans a key customer's year (needs, a visit, a training,
        a greeting), marks an activity done, and closes the year with the
        review; the review is her to-do due on 31 December and the plan is
        final afterwards."""
        plan = self.plans.sudo(self.zhoumin).create({
            "partner_id": self.key.id, "year": self.year,
            "user_id": self.zhoumin.id,
            "needs": "Second production line in autumn; operators need training",
            "activity_line_ids": [
                (0, 0, {"kind": "visit", "name": "Spring visit",
                        "date_due": "%s-01-02" % self.year}),
                (0, 0, {"kind": "training", "name": "Operator training",
                        "date_due": "%s-12-30" % self.year}),
                (0, 0, {"kind": "greeting", "name": "Spring Festival greeting",
                        "date_due": "%s-12-31" % self.year})]})
        todo = plan.activity_ids
        self.assertEqual((todo.user_id, todo.date_deadline),
                         (self.zhoumin, fields.Date.to_string(
                             date(self.year, 12, 31))))
        visit = plan.activity_line_ids.filtered(lambda a: a.kind == "visit")
        with self.assertRaises(UserError):  # status by the buttons only
            visit.sudo(self.zhoumin).write({"state": "done"})
        visit.sudo(self.zhoumin).action_done()
        self.assertEqual((visit.state, visit.done_on),
                         ("done", company_today(plan)))
        self.assertEqual((plan.planned_count, plan.done_count), (2, 1))
        with self.assertRaises(UserError):  # the review is written first
            plan.sudo(self.zhoumin).action_review()
        plan.sudo(self.zhoumin).write({"review": "Line two installed; trained"})
        with self.assertRaises(UserError):  # the owner reviews, not anyone
            plan.sudo(self.wanglei).action_review()
        plan.sudo(self.zhoumin).action_review()
        self.assertEqual((plan.state, plan.reviewed_by_id),
                         ("reviewed", self.zhoumin))
        self.assertFalse(plan.activity_ids)
        with self.assertRaises(UserError):
            plan.sudo(self.liuyang).write({"needs": "changed"})

    def test_one_plan_per_key_customer_and_year(self):
        """C7: care plans are for key customers, one a year."""
        general = self.env["res.partner"].create(
            {"name": "Test General Lab", "is_company": True, "customer": True})
        with self.assertRaises(ValidationError):
            self.plans.create({"partner_id": general.id, "year": self.year})
        self.plans.create({"partner_id": self.key.id, "year": self.year})
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), \
                self.cr.savepoint():
            self.plans.create({"partner_id": self.key.id, "year": self.year})

    def test_owners_change_theirs(self):
        """C7: every salesperson reads the plans; only the owner (or a
        supervisor) changes one; filters by owner and year."""
        plan = self.plans.create({"partner_id": self.key.id, "year": self.year,
                                  "user_id": self.liuyang.id})
        other = self.env.ref("aftersales_service.user_service_wang")
        self.assertEqual(plan.sudo(self.zhoumin).read(["user_id"])[0]["user_id"][0],
                         self.liuyang.id)
        with self.assertRaises(AccessError):
            plan.sudo(other).write({"needs": "mine now"})
        plan.sudo(self.liuyang).write({"needs": "Faster parts delivery"})
        found = self.plans.sudo(self.zhoumin).search(
            [("user_id", "=", self.liuyang.id), ("year", "=", self.year)])
        self.assertIn(plan, found)
