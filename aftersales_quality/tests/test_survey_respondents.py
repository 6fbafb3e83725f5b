# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields

from odoo.addons.aftersales_service.tools import company_today
from .common import QualityCase

SATISFIED = {"score_design": 4, "score_product_quality": 4,
             "score_delivery_time": 4, "score_quantity_accuracy": 4,
             "score_packaging": 4, "score_service": 5, "score_price": 4,
             "score_competitors": 4}


class TestSurveyRespondents(QualityCase):
    """Q7, Q10: surveys go to the right contacts, sent by Sales, read by
    Quality; the frequency goes up on an unhappy answer and back down."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.zhoumin = cls.env.ref("aftersales_service.user_salesperson")
        cls.wujing = cls.env.ref("aftersales_service.user_quality_inspector")
        cls.domestic.user_id = cls.zhoumin
        contacts = {}
        for role in ("purchasing", "technical", "quality", "production"):
            contacts[role] = cls.env["res.partner"].create({
                "name": "Test %s contact" % role, "parent_id": cls.domestic.id,
                "email": "%s@shenzhen.example.com" % role,
                "aftersales_contact_role": role})
        cls.contacts = contacts
        cls.boss = cls.env["res.partner"].create({
            "name": "Test owner", "parent_id": cls.domestic.id})
        cls.Survey = cls.env["aftersales.survey"]

    def _mine(self, surveys):
        return surveys.filtered(
            lambda s: s.partner_id in self.domestic | self.export)

    def _later(self, days):
        day = fields.Date.from_string(company_today(self.Survey))
        return fields.Date.to_string(day + timedelta(days=days))

    def test_cron_quarterly_to_purchasing_yearly_to_others(self):
        """Q10: the cron sends the quarterly form to the purchasing contact
        (any customer, not only flagged ones), authored by the customer's
        salesperson; a customer without one gets a yearly one. Run twice:
        nothing new; a quarter later only the quarterly form again."""
        created = self._mine(self.Survey.cron_periodic_surveys())
        self.assertEqual(
            {(s.partner_id, s.contact_id, s.kind) for s in created},
            {(self.domestic, self.contacts["purchasing"], "quarterly"),
             (self.export, self.env["res.partner"], "yearly")})
        quarterly = created.filtered(lambda s: s.kind == "quarterly")
        self.assertEqual(quarterly.user_id, self.zhoumin)
        mail = quarterly.message_ids.filtered(
            lambda m: self.contacts["purchasing"] in m.partner_ids)
        self.assertEqual(mail.author_id, self.zhoumin.partner_id)
        self.assertFalse(self._mine(self.Survey.cron_periodic_surveys()))
        later = self._mine(self.Survey.cron_periodic_surveys(
            today=self._later(92)))
        self.assertEqual({(s.contact_id, s.kind) for s in later},
                         {(self.contacts["purchasing"], "quarterly")})
        self.assertFalse(self._mine(self.Survey.cron_periodic_surveys(
            today=self._later(92))))

    def test_unhappy_raises_then_satisfied_run_lowers(self):
        """Q7: an unhappy answer makes the purchasing contact's survey
        monthly; a run of satisfied answers (setting) lowers it back."""
        self.company.aftersales_survey_satisfied_run = 2
        self.export.active = False  # only the customer under test
        first = self._mine(self.Survey.cron_periodic_surveys())
        first.write(dict(SATISFIED, score_price=1))
        first.action_answer()
        self.assertTrue(self.domestic.aftersales_survey_more_often)
        monthly = self._mine(self.Survey.cron_periodic_surveys(
            today=self._later(31)))
        self.assertEqual(monthly.kind, "monthly")
        monthly.write(SATISFIED)
        monthly.action_answer()
        self.assertTrue(self.domestic.aftersales_survey_more_often,
                        "one satisfied answer is not yet a run of two")
        again = self._mine(self.Survey.cron_periodic_surveys(
            today=self._later(62)))
        again.write(SATISFIED)
        again.action_answer()
        self.assertFalse(self.domestic.aftersales_survey_more_often)

    def test_key_customer_visit_surveys_each_contact(self):
        """Q10: at a key customer's visit, the purchasing, technical, quality
        and production contacts each get one survey linked to the visit;
        a contact without a role gets none; never twice."""
        self.domestic.aftersales_strategic = True  # C2: key at once
        visit = self.env["aftersales.visit"].create({
            "partner_id": self.domestic.id, "visit_type": "complaint",
            "planned_date": "2025-06-10"})
        visit.write({"visit_date": "2025-06-10", "people_met": "Lab manager"})
        visit.action_done()
        self.assertEqual(visit.survey_ids.mapped("contact_id"),
                         self.env["res.partner"].union(*self.contacts.values()))
        self.assertEqual(set(visit.survey_ids.mapped("kind")), {"visit"})
        self.assertEqual(visit.survey_ids.mapped("user_id"), self.zhoumin)
        visit._send_visit_surveys()
        self.assertEqual(len(visit.survey_ids), 4)

    def test_sales_sends_quality_reads(self):
        """Q7 (002): zhoumin (Sales) sends the campaign to her customer's
        purchasing contact; wujing (Quality) reads the answer."""
        Wizard = self.env["aftersales.survey.campaign"].with_context(
            active_model="res.partner", active_ids=self.domestic.ids)
        Wizard.sudo(self.zhoumin).create({}).action_send()
        survey = self.Survey.sudo(self.zhoumin).search(
            [("partner_id", "=", self.domestic.id)])
        self.assertEqual(survey.contact_id, self.contacts["purchasing"])
        self.assertEqual(survey.user_id, self.zhoumin)
        survey.sudo().write(SATISFIED)
        survey.sudo().action_answer()
        seen = self.Survey.sudo(self.wujing).search(
            [("partner_id", "=", self.domestic.id), ("state", "=", "answered")])
        self.assertEqual(seen, survey)
        self.assertEqual(seen.score_service, 5)
