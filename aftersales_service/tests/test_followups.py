# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""C5 (rev. 2): a follow-up by phone, letter or e-mail counts for a
long-term customer's yearly frequency; key customers' visits in person follow
the approved plan; the overdue job looks at both. As the demo's people:
zhoumin (salesperson) records, huangjianguo approves the plan."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError

from ..tools import company_today
from .common import AftersalesCase


class TestFollowups(AftersalesCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.zhoumin = cls.env.ref("aftersales_service.user_salesperson")
        cls.gm = cls.env.ref("aftersales_service.user_general_manager")
        cls.today = fields.Date.from_string(company_today(cls.env["res.partner"]))
        cls.long_term = cls.env["res.partner"].create({
            "name": "Test Long-term Lab", "is_company": True, "customer": True,
            "user_id": cls.zhoumin.id, "aftersales_long_term": True})
        cls.key = cls.env["res.partner"].create({
            "name": "Test Key Lab", "is_company": True, "customer": True,
            "user_id": cls.zhoumin.id, "aftersales_strategic": True})
        plans = cls.env["aftersales.visit.plan"]
        plans.search([("year", "=", cls.today.year)]).action_cancel()
        cls.plan = plans.create({"year": cls.today.year,
                                 "company_id": cls.company.id})
        cls.visits = cls.env["aftersales.visit"]
        past = fields.Date.to_string(cls.today - timedelta(days=10))
        cls.long_term_visit = cls._planned(cls.long_term, past)
        cls.key_visit = cls._planned(cls.key, past)
        cls.plan.sudo(cls.gm).action_approve()

    @classmethod
    def _planned(cls, partner, day):
        return cls.visits.create({
            "visit_plan_id": cls.plan.id, "partner_id": partner.id,
            "visit_type": "key_customer", "planned_date": day,
            "user_id": cls.zhoumin.id})

    def _record_followup(self, partner, mode="phone"):
        """zhoumin clicks "Record a Follow-up" on the customer and saves the
        form she gets, then "Done"."""
        action = partner.sudo(self.zhoumin).action_aftersales_record_followup()
        visits = self.visits.sudo(self.zhoumin).with_context(**action["context"])
        vals = {"contact_mode": mode, "people_met": "Purchasing manager Li",
                "product_usage": "Two mills in daily use",
                "visit_date": company_today(partner)}
        if action["res_id"]:
            visit = visits.browse(action["res_id"])
            visit.write(vals)
        else:
            visit = visits.create(vals)
        visit.action_done()
        return visit

    def test_phone_followup_counts_for_long_term(self):
        """C5 (rev. 2): zhoumin's call to a long-term customer is recorded with
        its mode, completes the planned visit and counts as its follow-up
        (not as a visit in person)."""
        visit = self._record_followup(self.long_term)
        self.assertEqual(visit, self.long_term_visit)
        self.assertEqual((visit.state, visit.contact_mode), ("done", "phone"))
        self.long_term.invalidate_cache()
        self.assertEqual(self.long_term.aftersales_last_followup_date,
                         company_today(visit))
        self.assertFalse(self.long_term.aftersales_last_visit_date)

    def test_key_customer_plan_visit_in_person(self):
        """C5 (rev. 2): a key customer's planned visit is done in person; a
        call is recorded as its own follow-up and leaves the planned visit
        open."""
        self.key_visit.write({"contact_mode": "phone", "people_met": "Li",
                              "visit_date": company_today(self.key_visit)})
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.key_visit.sudo(self.zhoumin).action_done()
        self.key_visit.invalidate_cache()
        self.assertEqual(self.key_visit.state, "planned")
        self.key_visit.write({"contact_mode": "in_person"})
        call = self._record_followup(self.key)
        self.assertNotEqual(call, self.key_visit)
        self.assertFalse(call.visit_plan_id)
        self.assertEqual(self.key_visit.state, "planned")

    def test_overdue_job_looks_at_both(self):
        """C5 (rev. 2): run twice, the overdue job flags the key customer's
        planned visit even after a call, and not the long-term customer's
        planned visit once a call was recorded within the year."""
        # a separate follow-up by letter, the planned visit left open
        letter = self.visits.sudo(self.zhoumin).create({
            "partner_id": self.long_term.id, "visit_type": "key_customer",
            "contact_mode": "letter", "planned_date": company_today(self.key),
            "people_met": "Purchasing manager Li"})
        letter.action_done()
        self._record_followup(self.key)  # a call does not replace the plan
        for _run in range(2):
            self.visits.cron_flag_overdue()
        self.assertTrue(self.key_visit.is_overdue)
        self.assertFalse(self.long_term_visit.is_overdue)
        todos = self.key_visit.activity_ids
        self.assertTrue(todos)
        self.visits.cron_flag_overdue()
        self.assertEqual(self.key_visit.activity_ids, todos)  # told once
        # no follow-up of the long-term customer within the year: flagged
        letter.sudo().write({"visit_date": fields.Date.to_string(
            self.today - timedelta(days=400))})
        self.visits.cron_flag_overdue()
        self.assertTrue(self.long_term_visit.is_overdue)
