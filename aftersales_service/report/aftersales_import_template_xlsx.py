# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import api, models


class AftersalesImportTemplateXlsx(models.AbstractModel):
    """C1 (go-live): the template of a go-live list as a download of the web
    client's report kind, which leaves the import's form usable; a redirect
    to the file (act_url) left the web client waiting for a page that never
    comes, every button of the form disabled."""

    _name = "report.aftersales_service.import_template_xlsx"
    _inherit = "report.report_xlsx.abstract"

    @api.model
    def create_xlsx_report(self, docids, data):
        job = self.env["aftersales.import"].browse(docids[:1])
        return base64.b64decode(job.template_file), "xlsx"
