# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models

from ..tools import sudo_as_author


class MailActivityMixin(models.AbstractModel):
    """Odoo 11 has no ``activity_schedule``; the suite's jobs and approvals
    schedule their activities through this one method (a port maps it to
    ``activity_schedule``), and close the to-dos of a decision through
    ``_aftersales_activity_done``."""

    _inherit = "mail.activity.mixin"

    @api.multi
    def _aftersales_activity_schedule(self, activity_type, user, date_deadline,
                                      summary, decision=False):
        """One activity per record for ``user``; created as superuser, since
        the people told (directors, supervisors) need not be the writer.
        ``decision`` names the decision the to-do waits for (see
        ``_aftersales_activity_done``)."""
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
                "aftersales_decision": decision,
            })
        return activities

    @api.multi
    def _aftersales_activity_done(self, *decisions, feedback=None):
        """Mark done the to-dos of these records that wait for one of
        ``decisions`` (the names given to ``_aftersales_activity_schedule``),
        whoever had them: one person decides, and the others' to-dos must not
        stay open until they pile up overdue. Unrelated to-dos on the same
        records stay open. As superuser, since the decider need not own the
        others' to-dos; the feedback (by default: who decided) is posted with
        each of them, authored by the decider."""
        # the "done" message is the decider's, not the superuser's
        activities = sudo_as_author(self.env["mail.activity"]).search([
            ("res_model", "=", self._name), ("res_id", "in", self.ids),
            ("aftersales_decision", "in", list(decisions))])
        if activities:
            activities.action_feedback(
                feedback or _("Decided by %s.") % self.env.user.name)
        return True
