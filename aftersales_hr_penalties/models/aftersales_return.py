# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

STAFF_GROUP = "aftersales_service.group_aftersales_user"


class AftersalesReturn(models.Model):
    """T13, P3, P6: a return caused by service staff proposes a penalty draft
    that HR reviews."""

    _inherit = "aftersales.return"

    penalty_ids = fields.One2many(
        "aftersales.penalty", "return_id", string="Penalty Proposals",
        groups="hr.group_hr_user")

    @api.multi
    def _aftersales_on_done(self):
        res = super()._aftersales_on_done()
        self._propose_return_penalty()
        return res

    @api.multi
    def _propose_return_penalty(self):
        """P6: one draft per return whose responsible person is service staff,
        its facts in the company's language (``_facts_lang``)."""
        lang = self.env["aftersales.penalty"]._facts_lang(self[:1].company_id)
        if self.env.lang != lang:
            return self.with_context(lang=lang)._propose_return_penalty()
        offence = self.env["aftersales.penalty.offence"]._by_code("T13_RETURN")
        penalties = self.env["aftersales.penalty"]
        if not offence:
            return penalties
        for request in self.sudo().filtered(
                lambda r: r.state == "done" and r.employee_id.user_id
                and r.employee_id.user_id.has_group(STAFF_GROUP)):
            penalties |= penalties._propose({
                "employee_id": request.employee_id.id,
                "offence_id": offence.id,
                "source": "return",
                "date": (request.done_date or fields.Datetime.now())[:10],
                "ticket_id": request.ticket_id.id,
                "return_id": request.id,
                "company_id": request.company_id.id,
                "description": _(
                    "Return %(name)s of %(product)s was caused by service staff: "
                    "%(cause)s (T13). HR decides whether to confirm it.") % {
                        "name": request.name,
                        "product": request.product_id.display_name,
                        "cause": request.root_cause or ""},
                "source_key": "return:aftersales.return:%d" % request.id,
            })
        return penalties
