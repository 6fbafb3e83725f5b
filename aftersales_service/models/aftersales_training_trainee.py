# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AftersalesTrainingTrainee(models.Model):
    """T15: one of the customer's people on a training, with attendance and
    assessment; who passes gets a certificate."""

    _name = "aftersales.training.trainee"
    _description = "Customer Trainee"
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

    _sql_constraints = [
        ("partner_training_unique", "unique(training_id, partner_id)",
         "A person is listed once per training: remove the duplicate trainee."),
    ]

    @api.depends("attended", "score", "training_id.pass_mark")
    def _compute_passed(self):
        for trainee in self:
            trainee.passed = trainee.attended \
                and trainee.score >= trainee.training_id.pass_mark

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
