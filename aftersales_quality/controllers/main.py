# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request

from ..models.aftersales_survey import SCORE_FIELDS


class AftersalesSurveyController(http.Controller):
    """Q7: the customer answers their survey from the link they received;
    the token in the link opens that survey and no other."""

    def _survey(self, survey_id, access_token):
        survey = request.env["aftersales.survey"].sudo().browse(survey_id).exists()
        if not survey or not survey._portal_token_matches(access_token):
            raise request.not_found()
        return survey

    @http.route("/aftersales/survey/<int:survey_id>", type="http", auth="public",
                methods=["GET"])
    def survey_page(self, survey_id, access_token=None, **kwargs):
        survey = self._survey(survey_id, access_token)
        return request.render("aftersales_quality.portal_survey_page", {
            "survey": survey.with_context(lang=survey.partner_id.lang),
            "score_fields": [
                (name, label["string"]) for name, label in
                survey.with_context(lang=survey.partner_id.lang).fields_get(
                    list(SCORE_FIELDS)).items()],
            "access_token": access_token,
        })

    @http.route("/aftersales/survey/<int:survey_id>", type="http", auth="public",
                methods=["POST"], csrf=False)
    def survey_answer(self, survey_id, access_token=None, **post):
        """The token stands for the customer, so no CSRF token is asked."""
        survey = self._survey(survey_id, access_token)
        if survey.state == "sent":
            values = {"comments": post.get("comments") or False}
            for name in SCORE_FIELDS:
                value = post.get(name, "")
                values[name] = int(value) if value in ("1", "2", "3", "4", "5") else 0
            survey.write(values)
            survey.action_answer()
        return request.render(
            "aftersales_quality.portal_survey_thanks", {"survey": survey})
