# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request

from odoo.addons.aftersales_service.tools import to_int

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

    # ------------------------------------------------------------------
    # Q7: the one-click rating of the closing e-mail
    # ------------------------------------------------------------------
    def _rated(self, ticket_id, access_token):
        """The ticket's survey the link rates: the ticket's own token, a
        finished job, the rating still open; anything else is a 404."""
        ticket = request.env["helpdesk.ticket"].sudo().browse(ticket_id).exists()
        if not ticket or not ticket._portal_token_matches(access_token):
            raise request.not_found()
        survey = ticket._aftersales_rating_survey()
        if not survey:
            raise request.not_found()
        # the page speaks the customer's language, as the e-mail did
        lang = ticket.partner_id.lang or survey.company_id.partner_id.lang \
            or "en_US"
        request.context = dict(request.context, lang=lang)
        return ticket.with_context(lang=lang), survey.with_context(lang=lang)

    def _rating_page(self, ticket, survey, access_token, commented=False):
        labels = ticket._aftersales_rating_labels()
        return request.render("aftersales_quality.portal_rating_thanks", {
            "ticket": ticket, "survey": survey, "access_token": access_token,
            "label": labels.get(survey.rating), "commented": commented,
        })

    @http.route("/aftersales/rating/<int:ticket_id>", type="http", auth="public",
                methods=["GET"])
    def rating_click(self, ticket_id, score=None, access_token=None, **kwargs):
        """One click in the e-mail records the rating (a later click changes
        it) and thanks the customer, with a box for a comment."""
        ticket, survey = self._rated(ticket_id, access_token)
        score = to_int(score)
        if score not in (1, 2, 3, 4, 5):
            raise request.not_found()
        survey._record_rating(score)
        return self._rating_page(ticket, survey, access_token)

    @http.route("/aftersales/rating/<int:ticket_id>", type="http", auth="public",
                methods=["POST"])
    def rating_comment(self, ticket_id, access_token=None, comment=None,
                       **kwargs):
        """The thank-you page's comment (CSRF token of the page's session)."""
        ticket, survey = self._rated(ticket_id, access_token)
        if not survey.rating:
            raise request.not_found()
        survey._record_rating(survey.rating, comment=(comment or "")[:4000])
        return self._rating_page(ticket, survey, access_token, commented=True)
