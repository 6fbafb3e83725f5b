# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

from odoo.addons.aftersales_service.tools import (
    GROUP_HR, GROUP_SERVICE_USER, company_date, in_company_lang)


class AftersalesReturn(models.Model):
    """T13, P3, P6: a return caused by service staff proposes a penalty draft
    that HR reviews."""

    _inherit = "aftersales.return"

    penalty_ids = fields.One2many(
        "aftersales.penalty", "return_id", string="Penalty Proposals",
        groups=GROUP_HR)

    @api.multi
    def _aftersales_on_done(self):
        res = super()._aftersales_on_done()
        self._propose_return_penalty()
        return res

    @api.multi
    @in_company_lang
    def _propose_return_penalty(self):
        """P6: one draft per return whose responsible person is service staff,
        its facts in the company's language (``in_company_lang``)."""
        offence = self.env["aftersales.penalty.offence"]._by_code("T13_RETURN")
        penalties = self.env["aftersales.penalty"]
        if not offence:
            return penalties
        for request in self.sudo().filtered(
                lambda r: r.state == "done" and r.employee_id.user_id
                and r.employee_id.user_id.has_group(GROUP_SERVICE_USER)):
            penalties |= penalties._propose({
                "employee_id": request.employee_id.id,
                "offence_type_id": offence.id,
                "source": "return",
                "date": company_date(
                    request, request.done_date or fields.Datetime.now(),
                    request.company_id),
                "ticket_id": request.ticket_id.id,
                "return_id": request.id,
                "company_id": request.company_id.id,
                "description": _(
                    "Return %(name)s of %(product)s was caused by service staff: "
                    "%(cause)s. HR decides whether to confirm it.") % {
                        "name": request.name,
                        "product": request.product_id.display_name,
                        "cause": request.root_cause or ""},
                "source_key": "return:aftersales.return:%d" % request.id,
            })
        return penalties
