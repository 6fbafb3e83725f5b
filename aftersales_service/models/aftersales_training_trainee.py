# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import company_today

# T15: the trainee's feedback on the training, each point scored 1 to 5
FEEDBACK_SCORES = ("feedback_content", "feedback_trainer", "feedback_organisation")


class AftersalesTrainingTrainee(models.Model):
    """T15: one of the customer's people on a training, with attendance and
    assessment; who passes gets a certificate. After the training the trainee
    answers a feedback form from an e-mailed link."""

    _name = "aftersales.training.trainee"
    _description = "Customer Trainee"
    _inherit = ["aftersales.guard", "aftersales.portal.mixin"]
    # F2 (aftersales.guard): the trainee's answer is written by the feedback
    # form only, and kept as given
    _guarded_fields = FEEDBACK_SCORES + (
        "feedback_state", "feedback_sent_date", "feedback_date",
        "feedback_comments")
    _order = "training_id, id"
    _rec_name = "partner_id"

    training_id = fields.Many2one(
        "aftersales.training", string="Training", required=True,
        ondelete="cascade", index=True)
    customer_id = fields.Many2one(
        related="training_id.partner_id", readonly=True, string="Customer")
    partner_id = fields.Many2one(
        "res.partner", string="Trainee", required=True, index=True,
        help="A contact of the customer.")
    job_title = fields.Char(related="partner_id.function", readonly=True)
    lang = fields.Selection(related="partner_id.lang", readonly=True)
    attended = fields.Boolean(
        help="Attended the whole training; an absent trainee gets no "
             "certificate.")
    score = fields.Float(string="Assessment Score", help="From 0 to 100.")
    passed = fields.Boolean(
        compute="_compute_passed", store=True,
        help="Attended, with a score at or above the training's pass mark.")
    date_end = fields.Datetime(related="training_id.date_end", readonly=True)
    company_id = fields.Many2one(
        related="training_id.company_id", store=True, readonly=True)
    # ------------------------------------------------------------------
    # Feedback, from the trainee's link once the training is done
    # ------------------------------------------------------------------
    feedback_state = fields.Selection(
        [("none", "Not Asked"), ("sent", "Asked"), ("answered", "Answered")],
        string="Feedback", default="none", required=True, readonly=True,
        copy=False)
    feedback_sent_date = fields.Date(
        string="Feedback Asked On", readonly=True, copy=False)
    feedback_date = fields.Date(
        string="Feedback Given On", readonly=True, copy=False)
    feedback_content = fields.Integer(
        string="Training Content", readonly=True, copy=False,
        group_operator="avg", help="1 (poor) to 5 (excellent).")
    feedback_trainer = fields.Integer(
        string="Trainer", readonly=True, copy=False, group_operator="avg",
        help="1 (poor) to 5 (excellent).")
    feedback_organisation = fields.Integer(
        string="Organisation", readonly=True, copy=False,
        group_operator="avg", help="1 (poor) to 5 (excellent).")
    feedback_comments = fields.Text(readonly=True, copy=False)
    feedback_url = fields.Char(
        string="Feedback Link", compute="_compute_feedback_url")

    _sql_constraints = [
        ("partner_training_unique", "unique(training_id, partner_id)",
         "A person is listed once per training: remove the duplicate trainee."),
    ]

    @api.depends("attended", "score", "training_id.pass_mark")
    def _compute_passed(self):
        for trainee in self:
            trainee.passed = trainee.attended \
                and trainee.score >= trainee.training_id.pass_mark

    @api.multi
    def _compute_feedback_url(self):
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        tokens = {trainee.id: trainee.access_token for trainee in self.sudo()}
        for trainee in self:
            token = tokens.get(trainee.id)
            trainee.feedback_url = token and (
                "%s/aftersales/training/feedback/%s?access_token=%s"
                % (base, trainee.id, token))

    @api.constrains("score")
    def _check_score(self):
        for trainee in self:
            if not 0 <= trainee.score <= 100:
                raise ValidationError(_(
                    "Trainee %s: the assessment score is between 0 and 100.")
                    % trainee.partner_id.name)

    @api.constrains("partner_id", "training_id")
    def _check_customer_contact(self):
        """T15: trainees are the customer's own people."""
        for trainee in self:
            customer = trainee.training_id.partner_id.commercial_partner_id
            if trainee.partner_id.commercial_partner_id != customer:
                raise ValidationError(_(
                    "%(trainee)s is not a contact of %(customer)s: add the "
                    "person as a contact of the customer first.") % {
                        "trainee": trainee.partner_id.name,
                        "customer": customer.name})

    # ------------------------------------------------------------------
    # Feedback (T15)
    # ------------------------------------------------------------------
    @api.multi
    def _send_feedback_request(self):
        """T15: each trainee gets the link to the training's feedback form,
        once; the training's chatter lists who was asked."""
        trainees = self.filtered(lambda t: t.feedback_state == "none")
        if not trainees:
            return True
        trainees._portal_ensure_token()
        trainees._guard_write({"feedback_state": "sent",
                               "feedback_sent_date": company_today(self)})
        template = self.env.ref(
            "aftersales_service.mail_template_training_feedback")
        for trainee in trainees:
            template.sudo().send_mail(trainee.id)
        for training in trainees.mapped("training_id"):
            asked = trainees.filtered(lambda t, tr=training: t.training_id == tr)
            training.message_post(body=_(
                "Feedback form sent to: %s") % ", ".join(
                    asked.mapped("partner_id.name")))
        return True

    @api.multi
    def _record_feedback(self, scores, comments=None):
        """T15: the trainee's answer from the feedback form: every point
        scored 1 to 5; once given it is kept."""
        self.ensure_one()
        if self.feedback_state != "sent":
            raise UserError(_(
                "The feedback on training %s was already given, or not asked "
                "for.") % self.training_id.name)
        labels = self.fields_get(list(FEEDBACK_SCORES))
        missing = [labels[name]["string"] for name in FEEDBACK_SCORES
                   if scores.get(name) not in (1, 2, 3, 4, 5)]
        if missing:
            raise UserError(_("Score %s from 1 to 5.") % ", ".join(missing))
        values = {name: scores[name] for name in FEEDBACK_SCORES}
        values.update(feedback_state="answered",
                      feedback_date=company_today(self),
                      feedback_comments=(comments or "").strip()[:4000] or False)
        self.sudo()._guard_write(values)
        self.training_id.sudo().message_post(body=_(
            "%(trainee)s gave feedback: content %(content)s, trainer "
            "%(trainer)s, organisation %(organisation)s (out of 5).") % {
                "trainee": self.partner_id.name,
                "content": values["feedback_content"],
                "trainer": values["feedback_trainer"],
                "organisation": values["feedback_organisation"]})
        return True
