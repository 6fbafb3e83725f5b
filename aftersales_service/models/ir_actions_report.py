# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from ..tools import company_tz

# the addons whose printed forms show their times in the company's zone
AFTERSALES_ADDONS = ("aftersales_service", "aftersales_quality",
                     "aftersales_hr_penalties")


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    @api.multi
    def report_action(self, docids, data=None, config=True):
        """The suite's print buttons are called over RPC too, and an XML-RPC
        client cannot receive the None that Odoo puts in the action's data:
        an empty dictionary instead, for every one of them."""
        if data is None and self.report_name.split(".")[0] in AFTERSALES_ADDONS:
            data = {}
        return super().report_action(docids, data=data, config=config)

    @api.multi
    def render_qweb_html(self, docids, data=None):
        """F1: the suite's printed forms (and their PDFs, printed from this
        HTML) show dates and times in the time zone of the documents'
        company, whoever prints them: the engineer, a customer on the portal,
        a cron. The one way reports get their time zone."""
        if self.report_name.split(".")[0] not in AFTERSALES_ADDONS:
            return super().render_qweb_html(docids, data=data)
        docs = self.env[self.model].browse(docids)
        company = None
        if "company_id" in docs._fields:
            company = docs.sudo()[:1].company_id
        tz = company_tz(self, company or None)
        return super(IrActionsReport, self.with_context(tz=tz)).render_qweb_html(
            docids, data=data)
