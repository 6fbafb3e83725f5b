# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class ReportTrainingCertificate(models.AbstractModel):
    """T15: a certificate is printed only for a trainee who passed, whoever
    asks for it (print menu, URL or RPC)."""

    _name = "report.aftersales_service.report_training_certificate"
    _description = "Customer Training Certificate"

    @api.model
    def get_report_values(self, docids, data=None):
        trainees = self.env["aftersales.training.trainee"].browse(docids)
        failed = trainees.filtered(lambda t: not t.passed)
        if failed:
            raise UserError(_(
                "No certificate for %s: only a trainee who attended and reached "
                "the pass mark gets one.")
                % ", ".join(failed.mapped("partner_id.name")))
        return {
            "doc_ids": trainees.ids,
            "doc_model": "aftersales.training.trainee",
            "docs": trainees,
        }
