# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_survey_unhappy_score = fields.Integer(
        string="Unhappy Survey Score", default=2,
        help="A survey answer at or below this score on any dimension flags the "
             "customer for more frequent surveys and a follow-up.")
    # Q7: how long the closing e-mail's rating links take a (changed) rating
    aftersales_rating_days = fields.Integer(
        string="One-Click Rating Open (days)", default=30,
        help="Days after a ticket is closed during which the rating links of "
             "the closing e-mail record the customer's rating; a later click "
             "changes the rating given before. After that the links no longer "
             "work.")

    # Q1 (rev. 2): "登记备案…方可安排邮寄配件或者上门处理"
    aftersales_quality_form_before_job = fields.Boolean(
        string="Quality Form Before the Job", default=True,
        help="Parts are mailed, and anyone goes on site, only once the "
             "Quality department registered the ticket's quality feedback "
             "form.")

    @api.constrains("aftersales_survey_unhappy_score")
    def _check_aftersales_survey_unhappy_score(self):
        for company in self:
            if not 1 <= company.aftersales_survey_unhappy_score <= 4:
                raise ValidationError(_(
                    "The \"Unhappy Survey Score\" must be between 1 and 4."))

    @api.constrains("aftersales_rating_days")
    def _check_aftersales_rating_days(self):
        self._aftersales_check_not_negative(["aftersales_rating_days"])
