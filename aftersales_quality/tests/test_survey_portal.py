# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api
from odoo.tests.common import HttpCase

from odoo.addons.aftersales_quality.models.aftersales_survey import SCORE_FIELDS


class TestSurveyPortal(HttpCase):
    """Q7: the customer answers from the link, and only their own survey."""

    def setUp(self):
        super().setUp()
        # the HTTP requests run on the registry's test cursor, which each request
        # rolls back to its last "commit" (a savepoint; the whole transaction is
        # rolled back when the test ends): the records must be saved there
        self.env = api.Environment(self.registry.test_cr, SUPERUSER_ID, {})
        partner = self.env["res.partner"].create(
            {"name": "Test Portal Lab", "is_company": True, "customer": True})
        Survey = self.env["aftersales.survey"]
        self.survey = Survey.create({"partner_id": partner.id, "kind": "quarterly"})
        self.other = Survey.create({"partner_id": partner.id, "kind": "quarterly"})
        self.env.cr.commit()  # pylint: disable=invalid-commit

    def _post(self, survey, token):
        data = dict.fromkeys(SCORE_FIELDS, "4")
        data["comments"] = "Good"
        return self.url_open("/aftersales/survey/%d?access_token=%s"
                             % (survey.id, token), data=data)

    def test_link_opens_its_survey(self):
        """Q7: the link shows the survey's page."""
        response = self.url_open(self.survey.portal_url)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.survey.name, response.text)

    def test_link_answers_its_survey(self):
        """Q7: posting through the link records the answer."""
        response = self._post(self.survey, self.survey.access_token)
        self.assertEqual(response.status_code, 200)
        self.survey.invalidate_cache()
        self.assertEqual(self.survey.state, "answered")
        self.assertEqual(self.survey.score_design, 4)

    def test_token_does_not_open_another_survey(self):
        """Q7: a survey's token neither opens nor answers another survey."""
        response = self.url_open("/aftersales/survey/%d?access_token=%s"
                                 % (self.other.id, self.survey.access_token))
        self.assertEqual(response.status_code, 404)
        response = self._post(self.other, self.survey.access_token)
        self.assertEqual(response.status_code, 404)
        self.other.invalidate_cache()
        self.assertEqual(self.other.state, "sent")
