# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.aftersales_quality.models.aftersales_survey import SCORE_FIELDS

from .common import QualityCase


class TestSurvey(QualityCase):
    """Q7: satisfaction surveys and the unhappy customer."""

    def _survey(self, **vals):
        values = {"partner_id": self.domestic.id, "kind": "yearly"}
        values.update(vals)
        return self.env["aftersales.survey"].sudo(self.inspector).create(values)

    def _answer(self, survey, low=None, score=4):
        values = dict.fromkeys(SCORE_FIELDS, 4)
        if low:
            values[low] = score
        survey.write(values)
        survey.action_answer()

    def _follow_ups(self):
        return self.env["mail.activity"].search([
            ("res_model", "=", "aftersales.survey"),
            ("user_id", "=", self.salesman.id)])

    def test_score_two_flags_customer(self):
        """Q7: a 2 on any dimension flags the customer and schedules a follow-up
        for the customer's salesperson."""
        self._answer(self._survey(), low="score_packaging", score=2)
        self.assertTrue(self.domestic.aftersales_survey_more_often)
        self.assertEqual(len(self._follow_ups()), 1)

    def test_score_three_does_not_flag(self):
        """Q7: 3 and above on every dimension flags nothing."""
        self._answer(self._survey(), low="score_price", score=3)
        self.assertFalse(self.domestic.aftersales_survey_more_often)
        self.assertFalse(self._follow_ups())

    def test_threshold_is_a_setting(self):
        """Q7: the unhappy score is the company's setting."""
        self.company.aftersales_survey_unhappy_score = 3
        self._answer(self._survey(), low="score_price", score=3)
        self.assertTrue(self.domestic.aftersales_survey_more_often)

    def test_answer_needs_every_score(self):
        """Q7: an answer scores every dimension from 1 to 5."""
        survey = self._survey()
        with self.assertRaises(UserError), self.cr.savepoint():
            survey.action_answer()
        with self.assertRaises(ValidationError):
            survey.write({"score_design": 6})

    def test_closed_ticket_gets_one_survey(self):
        """Q7: closing a service job opens one after-job survey."""
        ticket = self._ticket()
        ticket.sudo(self.staff).write({"stage_id": self.done.id})
        # F3: reopened by a supervisor with a reason, closed again
        ticket.sudo(self.supervisor).write({"reopen_reason": "Noise again"})
        ticket.sudo(self.supervisor).action_reopen()
        ticket.sudo(self.staff).write({"stage_id": self.done.id})
        surveys = self.env["aftersales.survey"].search([("ticket_id", "=", ticket.id)])
        self.assertEqual(len(surveys), 1)
        self.assertEqual((surveys.kind, surveys.partner_id),
                         ("after_job", self.domestic))

    def test_cancelled_ticket_gets_no_survey(self):
        """F3, Q7: a cancelled ticket did no job to rate: no survey."""
        ticket = self._ticket()
        ticket.sudo(self.staff).write({"stage_id": self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_cancelled").id})
        self.assertTrue(ticket.closed)
        self.assertFalse(self.env["aftersales.survey"].search(
            [("ticket_id", "=", ticket.id)]))

    def test_periodic_surveys(self):
        """Q7: key customers yearly, flagged customers quarterly, once per period."""
        self.domestic.aftersales_strategic = True  # C2: key at once
        self.export.aftersales_survey_more_often = True
        Survey = self.env["aftersales.survey"]
        created = Survey.cron_periodic_surveys()
        mine = created.filtered(lambda s: s.partner_id in self.domestic | self.export)
        self.assertEqual(
            {(s.partner_id, s.kind) for s in mine},
            {(self.domestic, "yearly"), (self.export, "quarterly")})
        again = Survey.cron_periodic_surveys()
        self.assertFalse(again & mine)
        self.assertFalse(again.filtered(
            lambda s: s.partner_id in self.domestic | self.export))

    def test_quarterly_campaign_to_chosen_customers(self):
        """Q7: the quarterly campaign goes to the customers picked in the list."""
        self.domestic.action_send_quarterly_survey()
        survey = self.env["aftersales.survey"].search(
            [("partner_id", "=", self.domestic.id)])
        self.assertEqual(survey.kind, "quarterly")
        self.assertIn(survey.portal_url, survey.message_ids[0].body)

    def test_staff_records_receipt_answer(self):
        """Q7: service staff open the survey views and record the answers of the
        receipt's satisfaction block."""
        ticket = self._ticket()
        ticket.sudo(self.staff).write({"stage_id": self.done.id})
        survey = self.env["aftersales.survey"].sudo(self.staff).search(
            [("ticket_id", "=", ticket.id)])
        views = self.env["aftersales.survey"].sudo(self.staff).load_views(
            [(False, "form"), (False, "tree"), (False, "pivot"), (False, "graph")])
        self.assertTrue(survey.read(list(views["fields_views"]["form"]["fields"])))
        self._answer(survey)
        self.assertEqual(survey.state, "answered")

    def test_answered_survey_locked(self):
        """Q7: an answered survey's scores, comments and state are kept; only a
        quality manager corrects them."""
        survey = self._survey()
        self._answer(survey)
        for vals in ({"score_price": 1}, {"comments": "changed"},
                     {"state": "sent"}):
            for user in (self.staff, self.inspector):
                with self.assertRaises(AccessError), self.cr.savepoint():
                    survey.sudo(user).write(vals)
        self.assertTrue(survey.sudo(self.staff).answer_locked)
        survey.sudo(self.quality_manager).write({"score_price": 3})
        self.assertEqual(survey.score_price, 3)
        self.assertFalse(survey.sudo(self.quality_manager).answer_locked)

    def test_open_survey_stays_editable(self):
        """Q7: before the answer, staff key in the receipt's scores."""
        survey = self._survey()
        survey.sudo(self.staff).write({"score_price": 2})
        self.assertEqual(survey.score_price, 2)

    def test_campaign_action_for_sales_and_quality(self):
        """Q7 (002): the quarterly campaign is in the customers' Action menu
        of Sales, who send it, and of Quality; its wizard refuses others."""
        action = self.env.ref("aftersales_quality.res_partner_action_survey_campaign")
        Actions = self.env["ir.actions.actions"]

        def bound(user):
            return [a["id"] for a in Actions.sudo(user).get_bindings(
                "res.partner").get("action", [])]
        self.assertIn(action.id, bound(self.inspector))
        self.assertIn(action.id, bound(self.salesman))
        self.assertNotIn(action.id, bound(self.staff))
        Wizard = self.env["aftersales.survey.campaign"].with_context(
            active_model="res.partner", active_ids=self.domestic.ids)
        with self.assertRaises(AccessError), self.cr.savepoint():
            Wizard.sudo(self.staff).create({}).action_send()
        Wizard.sudo(self.salesman).create({}).action_send()
        survey = self.env["aftersales.survey"].search(
            [("partner_id", "=", self.domestic.id)])
        self.assertEqual(survey.kind, "quarterly")
