# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.aftersales_service.tools import GROUP_QUALITY_USER


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_survey_unhappy_score = fields.Integer(
        string="Unhappy Survey Score", default=2,
        help="A survey answer at or below this score on any dimension flags the "
             "customer for more frequent surveys and a follow-up.")
    # Q7: a run of satisfied answers lowers the frequency back
    aftersales_survey_satisfied_run = fields.Integer(
        string="Satisfied Answers to Survey Less Often", default=3,
        help="After this many satisfied answers in a row, a customer flagged "
             "for more frequent surveys by an unhappy answer is surveyed at "
             "the usual frequency again.")
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

    # Q3 (rev. 2): 002 gives the check to Sales; Quality by default
    aftersales_capa_check_group_id = fields.Many2one(
        "res.groups", string="Corrective Actions Checked By",
        default=lambda self: self.env.ref(GROUP_QUALITY_USER, False),
        help="The department (its user group) that checks whether a "
             "corrective or preventive action was effective; only its "
             "members may check one.")

    @api.multi
    def _aftersales_capa_checkers(self):
        """Q3 (rev. 2): the group whose members check corrective actions
        (Quality when the setting is empty)."""
        self.ensure_one()
        return self.sudo().aftersales_capa_check_group_id \
            or self.env.ref(GROUP_QUALITY_USER)

    @api.model
    def _aftersales_fill_capa_checkers(self):
        """Q3 (rev. 2): companies that existed before the setting (the
        field's default does not reach them at install) show Quality."""
        self.sudo().search([("aftersales_capa_check_group_id", "=", False)]).write(
            {"aftersales_capa_check_group_id": self.env.ref(GROUP_QUALITY_USER).id})
        return True

    @api.constrains("aftersales_survey_unhappy_score")
    def _check_aftersales_survey_unhappy_score(self):
        for company in self:
            if not 1 <= company.aftersales_survey_unhappy_score <= 4:
                raise ValidationError(_(
                    "The \"Unhappy Survey Score\" must be between 1 and 4."))

    @api.constrains("aftersales_survey_satisfied_run")
    def _check_aftersales_survey_satisfied_run(self):
        for company in self.filtered(
                lambda c: c.aftersales_survey_satisfied_run < 1):
            raise ValidationError(_(
                "Company %s: \"Satisfied Answers to Survey Less Often\" must "
                "be at least 1.") % company.name)

    @api.constrains("aftersales_rating_days")
    def _check_aftersales_rating_days(self):
        self._aftersales_check_not_negative(["aftersales_rating_days"])
