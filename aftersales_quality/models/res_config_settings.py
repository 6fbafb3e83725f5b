# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_survey_unhappy_score = fields.Integer(
        related="company_id.aftersales_survey_unhappy_score")
    aftersales_rating_days = fields.Integer(
        related="company_id.aftersales_rating_days")
    aftersales_quality_form_before_job = fields.Boolean(
        related="company_id.aftersales_quality_form_before_job")
    aftersales_capa_check_group_id = fields.Many2one(
        related="company_id.aftersales_capa_check_group_id")
    aftersales_survey_satisfied_run = fields.Integer(
        related="company_id.aftersales_survey_satisfied_run")
