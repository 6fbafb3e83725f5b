# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from ..models.aftersales_training_trainee import FEEDBACK_SCORES
from ..tools import to_int


class AftersalesTrainingFeedback(http.Controller):
    """T15: a trainee gives feedback on the training from the e-mailed link;
    the token in the link opens that trainee's form and no other."""

    def _trainee(self, trainee_id, access_token):
        trainee = request.env["aftersales.training.trainee"].sudo().browse(
            trainee_id).exists()
        if not trainee or trainee.feedback_state == "none" \
                or not trainee._portal_token_matches(access_token):
            raise request.not_found()
        # the page speaks the trainee's language, as the e-mail did
        lang = trainee.partner_id.lang \
            or trainee.company_id.partner_id.lang or "en_US"
        request.context = dict(request.context, lang=lang)
        return trainee.with_context(lang=lang)

    def _page(self, trainee, access_token, error=None):
        labels = trainee.fields_get(list(FEEDBACK_SCORES))
        return request.render("aftersales_service.portal_training_feedback", {
            "trainee": trainee, "training": trainee.training_id,
            "access_token": access_token, "error": error,
            "score_fields": [(name, labels[name]["string"])
                             for name in FEEDBACK_SCORES],
        })

    @http.route("/aftersales/training/feedback/<int:trainee_id>", type="http",
                auth="public", methods=["GET"])
    def feedback_page(self, trainee_id, access_token=None, **kwargs):
        trainee = self._trainee(trainee_id, access_token)
        return self._page(trainee, access_token)

    @http.route("/aftersales/training/feedback/<int:trainee_id>", type="http",
                auth="public", methods=["POST"], csrf=False)
    def feedback_answer(self, trainee_id, access_token=None, comments=None,
                        **post):
        """The token stands for the trainee, so no CSRF token is asked."""
        trainee = self._trainee(trainee_id, access_token)
        if trainee.feedback_state == "sent":
            scores = {name: to_int(post.get(name)) for name in FEEDBACK_SCORES}
            try:
                trainee._record_feedback(scores, comments)
            except UserError as error:
                return self._page(trainee, access_token, error=error.name)
        return request.render(
            "aftersales_service.portal_training_feedback_thanks",
            {"trainee": trainee, "training": trainee.training_id})
