# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Q7: the closing e-mail's one-click rating: five links with the ticket's
token, a click without login records the rating on the job's survey, a later
click changes it while the rating is open, a comment follows by POST with
CSRF; another ticket's token, a wrong one or an expired link is a 404. The
KPI view averages the ratings per team and month. Through real HTTP as an
anonymous visitor."""
import re

from odoo import SUPERUSER_ID, api
from odoo.tests.common import HttpCase


class TestOneClickRating(HttpCase):
    """Q7: a Chinese customer rates the closed job from the e-mail."""

    def setUp(self):
        super().setUp()
        # the HTTP requests run on the registry's test cursor: the records
        # are saved there (rolled back when the test ends)
        self.env = api.Environment(self.registry.test_cr, SUPERUSER_ID, {})
        env = self.env
        self.partner = env["res.partner"].create({
            "name": "深圳微笑齿科技工所", "is_company": True, "customer": True,
            "email": "lab@smile.example.com", "lang": "zh_CN"})
        self.team = env.ref("aftersales_service.helpdesk_team_service")
        self.ticket, self.other = (env["helpdesk.ticket"].create({
            "name": name, "description": name, "partner_id": self.partner.id,
            "team_id": self.team.id}) for name in ("炉温不稳", "显示屏无显示"))
        self.done = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        (self.ticket | self.other).write({"stage_id": self.done.id})
        self.survey = env["aftersales.survey"].search(
            [("ticket_id", "=", self.ticket.id), ("kind", "=", "after_job")])
        self.env.cr.commit()  # pylint: disable=invalid-commit

    def _closing_mail(self, ticket):
        return self.env["mail.message"].search([
            ("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id),
            ("body", "like", "/aftersales/rating/")])

    def _link(self, ticket, score):
        body = self._closing_mail(ticket).body
        url = re.search(r'href="([^"]*/aftersales/rating/%d\?score=%d&amp;'
                        r'access_token=[^"]+)"' % (ticket.id, score), body)
        self.assertTrue(url, body)
        # the path of the e-mailed address, on the test server
        return re.sub(r"^https?://[^/]+", "", url.group(1).replace("&amp;", "&"))

    def _rating(self):
        self.survey.invalidate_cache()
        return self.survey.rating

    def test_closing_mail_offers_five_ratings_in_chinese(self):
        """Q7: the closing e-mail to the customer carries five links, in the
        customer's language, with the ticket's own token."""
        body = self._closing_mail(self.ticket).body
        self.assertEqual(body.count("/aftersales/rating/%d?" % self.ticket.id), 5)
        self.assertIn("access_token=%s" % self.ticket.access_token, body)
        for word in ("非常满意", "满意", "一般", "不满意", "非常不满意"):
            self.assertIn(word, body)

    def test_click_records_and_changes_the_rating(self):
        """Q7: a click without login records the rating on the job's survey
        and thanks the customer in Chinese; a second click changes it."""
        self.assertEqual(len(self.survey), 1)
        response = self.url_open(self._link(self.ticket, 4))
        self.assertEqual(response.status_code, 200)
        self.assertIn("感谢", response.text)
        self.assertIn(self.ticket.number, response.text)
        self.assertEqual(self._rating(), 4)
        self.assertTrue(self.survey.rating_date)
        self.url_open(self._link(self.ticket, 2))
        self.assertEqual(self._rating(), 2)
        # Q7: an unhappy rating flags the customer for more surveys
        self.partner.invalidate_cache()
        self.assertTrue(self.partner.aftersales_survey_more_often)

    def test_comment_posted_with_csrf(self):
        """Q7: the thank-you page takes a comment, by POST with the page's
        CSRF token; without it nothing is stored."""
        link = self._link(self.ticket, 5)
        page = self.url_open(link)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        action = "/aftersales/rating/%d?access_token=%s" % (
            self.ticket.id, self.ticket.access_token)
        refused = self.url_open(action, data={"comment": "无CSRF"})
        self.assertEqual(refused.status_code, 400)
        response = self.url_open(action, data={
            "comment": "工程师很专业", "csrf_token": csrf})
        self.assertEqual(response.status_code, 200)
        self.assertIn("感谢", response.text)
        self.survey.invalidate_cache()
        self.assertEqual(self.survey.rating_comment, "工程师很专业")
        self.assertEqual(self.survey.rating, 5)

    def test_other_ticket_token_wrong_or_expired_is_404(self):
        """Q7: another ticket's token, a wrong or missing token, a score out
        of 1-5 and a link past the company's days are 404, and rate
        nothing."""
        other_token = self.other.access_token
        self.assertNotEqual(other_token, self.ticket.access_token)
        base = "/aftersales/rating/%d?score=5" % self.ticket.id
        for url in (base + "&access_token=" + other_token,
                    base + "&access_token=wrong", base,
                    "/aftersales/rating/%d?score=9&access_token=%s" % (
                        self.ticket.id, self.ticket.access_token),
                    "/aftersales/rating/999999?score=5&access_token=x"):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 404, url)
            self.assertNotIn("Traceback", response.text)
        self.assertEqual(self._rating(), 0)
        # closed 40 days ago, the links of a 30-day setting no longer work
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET closed_date = now() at time zone 'utc'"
            " - interval '40 days' WHERE id = %s", [self.ticket.id])
        self.env.cr.commit()  # pylint: disable=invalid-commit
        response = self.url_open(self._link(self.ticket, 5))
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self._rating(), 0)

    def test_cancelled_ticket_has_no_rating(self):
        """Q7, F3: a cancelled ticket is no job to rate: its closing e-mail
        has no links."""
        cancelled = self.env["helpdesk.ticket"].create({
            "name": "取消", "description": "取消", "partner_id": self.partner.id})
        cancelled.write({"stage_id": self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_cancelled").id})
        self.assertFalse(self._closing_mail(cancelled))

    def test_kpi_average_per_team_and_month(self):
        """Q7, Q9: the KPI view averages the one-click ratings per team and
        month."""
        self.url_open(self._link(self.ticket, 4))
        self.url_open(self._link(self.other, 2))
        rows = self.env["aftersales.ticket.kpi"].read_group(
            [("ticket_id", "in", (self.ticket | self.other).ids)],
            ["team_id", "reported_date", "one_click_rating"],
            ["team_id", "reported_date:month"],
            lazy=False)
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["team_id"][0], self.team.id)
        self.assertAlmostEqual(rows[0]["one_click_rating"], 3.0)
