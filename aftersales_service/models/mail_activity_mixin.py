# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class MailActivityMixin(models.AbstractModel):
    """Odoo 11 has no ``activity_schedule``; the suite's jobs and approvals
    schedule their activities through this one method (a port maps it to
    ``activity_schedule``)."""

    _inherit = "mail.activity.mixin"

    @api.multi
    def _aftersales_activity_schedule(self, activity_type, user, date_deadline,
                                      summary):
        """One activity per record for ``user``; created as superuser, since
        the people told (directors, supervisors) need not be the writer."""
        model_id = self.env["ir.model"]._get(self._name).id
        activities = self.env["mail.activity"].sudo()
        for record in self:
            activities |= activities.create({
                "res_model_id": model_id,
                "res_id": record.id,
                "activity_type_id": activity_type.id,
                "user_id": user.id,
                "date_deadline": date_deadline,
                "summary": summary,
            })
        return activities
