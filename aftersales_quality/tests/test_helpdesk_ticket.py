# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import QualityCase

DIMENSIONS = ("Design", "Product Quality", "Delivery Time", "Quantity Accuracy",
              "Packaging", "Service and Communication", "Price",
              "Versus Competitors")


class TestTicketSurvey(QualityCase):
    """Q7: the closed job's survey reaches the customer, on paper and by mail."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"].with_context(active_test=False).search(
            [("code", "=", "en_US")]).write({"active": True})
        cls.domestic.lang = "en_US"

    def _closed_ticket(self):
        ticket = self._ticket()
        self.env["aftersales.remote.session"].sudo(self.staff).create({
            "ticket_id": ticket.id, "method": "phone", "steps": "Reset",
            "result": "solved"})
        ticket.sudo(self.staff).write({"stage_id": self.done.id})
        survey = self.env["aftersales.survey"].search(
            [("ticket_id", "=", ticket.id), ("kind", "=", "after_job")])
        self.assertEqual(len(survey), 1)
        return ticket, survey

    def test_receipt_prints_survey_dimensions(self):
        """Q7: the service receipt prints the survey's 8 dimensions with boxes 1 to
        5, the survey number and its portal link."""
        ticket, survey = self._closed_ticket()
        receipt = self.env.ref("aftersales_service.action_report_service_receipt")
        html = receipt.sudo(self.staff).render_qweb_html(ticket.ids)[0].decode()
        for label in DIMENSIONS:
            self.assertIn("<td>%s</td>" % label, html)
        self.assertEqual(html.count("□"), 5 * len(DIMENSIONS))
        self.assertNotIn("Very satisfied", html)
        self.assertIn(survey.name, html)
        self.assertIn(survey.portal_url, html)

    def test_receipt_in_chinese_has_survey(self):
        """Q7: the receipt in the customer's Chinese keeps the survey block."""
        ticket, survey = self._closed_ticket()
        self.domestic.lang = "zh_CN"
        receipt = self.env.ref("aftersales_service.action_report_service_receipt")
        html = receipt.render_qweb_html(ticket.ids)[0].decode()
        self.assertEqual(html.count("□"), 5 * len(DIMENSIONS))
        self.assertIn(survey.name, html)
        self.assertIn(survey.portal_url, html)

    def test_closing_mails_survey_link_once(self):
        """Q7: closing the job mails the customer the survey's portal link, once,
        even when the ticket is closed again."""
        ticket, survey = self._closed_ticket()
        ticket.sudo(self.supervisor).write({"reopen_reason": "Noise again"})
        ticket.sudo(self.supervisor).action_reopen()  # F3
        ticket.sudo(self.staff).write({"stage_id": self.done.id})
        mails = survey.message_ids.filtered(
            lambda m: survey.portal_url in (m.body or ""))
        self.assertEqual(len(mails), 1)
        self.assertIn(self.domestic, mails.partner_ids)


class TestCancelledDispatch(QualityCase):
    """Q1: a cancelled on-site dispatch leaves no form that blocks closing."""

    def test_cancelled_dispatch_cancels_untouched_form(self):
        """Q1: cancelling the only dispatch cancels its untouched draft form and
        the ticket closes."""
        ticket, dispatch = self._onsite()
        form = self._forms(ticket)
        self.assertEqual(form.state, "draft")
        dispatch.sudo(self.supervisor).with_context(lang="en_US").action_cancel()
        self.assertEqual(form.state, "cancelled")
        self.assertIn("no part was replaced", form.cancel_reason)
        ticket.sudo(self.staff).write({"stage_id": self.done.id})
        self.assertTrue(ticket.closed)

    def test_form_touched_by_quality_stays(self):
        """Q1: a draft form Quality already filled in is not cancelled with the
        dispatch."""
        ticket, dispatch = self._onsite()
        form = self._forms(ticket)
        form.sudo(self.inspector).write({"defect_category_id": self.design.id})
        dispatch.sudo(self.supervisor).action_cancel()
        self.assertEqual(form.state, "draft")

    def test_new_dispatch_gets_new_form(self):
        """Q1: after the cancelled dispatch, a new on-site job opens a new form."""
        ticket, dispatch = self._onsite()
        dispatch.sudo(self.supervisor).action_cancel()
        self.env["aftersales.dispatch"].sudo(self.supervisor).create({
            "ticket_id": ticket.id, "leader_id": self.staff.id,
            "appointment": "2025-06-05 08:00:00"})
        forms = self._forms(ticket)
        self.assertEqual(sorted(forms.mapped("state")), ["cancelled", "draft"])
